import { GAZETTEER_LISTS, TAGS, documentFeatures, hashFeature, staticFeatures, tagFeatures, type EntityType, type Gazetteer, type GazetteerList } from './features';
import modelJson from './model/ner.json';

/** The weights of one tagging pass, as stored in the model file. */
export interface StageFile {
  /** The weight that each byte value q = 0..127 stands for (-q for negative weights). */
  levels: number[];
  /** Sorted 32-bit feature hashes, base64 of a little-endian Uint32Array. */
  features: string;
  /** One byte per feature and tag (row-major, int8 indices into levels), base64. */
  weights: string;
}

/** The committed model file as written by scripts/train-ner.ts. */
export interface NerModelFile {
  version: number;
  tags: string[];
  /** The first pass tags each sentence alone; the second also sees the first pass over the whole document. */
  stages: [StageFile, StageFile];
  /** Lowercased names by list: entity types seen in training, and lexicon lists. */
  gazetteer: Record<GazetteerList, string[]>;
}

/** One pass's weights, ready for look-up. */
export interface Stage {
  features: Uint32Array;
  /** Weights, row-major: one row of TAGS.length per feature. */
  weights: Float32Array;
}

/** A loaded model. */
export interface NerModel {
  stages: [Stage, Stage];
  gazetteer: Gazetteer;
}

/** An entity found by the tagger: sentence index, token range [start, end) and type. */
export interface EntitySpan {
  sentence: number;
  start: number;
  end: number;
  type: EntityType;
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Builds the look-up form of one pass's weights. */
export function decodeStage(file: StageFile): Stage {
  const bytes = new Int8Array(fromBase64(file.weights).buffer);
  const weights = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) weights[i] = bytes[i] < 0 ? -file.levels[-bytes[i]] : file.levels[bytes[i]];
  return { features: new Uint32Array(fromBase64(file.features).buffer), weights };
}

/** Builds the look-up form of a model file; the training script uses it on the model it just wrote. */
export function decodeModel(file: NerModelFile): NerModel {
  if (file.tags.join() !== TAGS.join()) throw new Error('NER model was trained with other tags; retrain it (npm run train:ner)');
  const gazetteer: Gazetteer = new Map();
  GAZETTEER_LISTS.forEach((list, t) => {
    for (const name of file.gazetteer[list]) gazetteer.set(name, (gazetteer.get(name) ?? 0) | (1 << t));
  });
  return { stages: [decodeStage(file.stages[0]), decodeStage(file.stages[1])], gazetteer };
}

let cached: NerModel | null = null;

/**
 * Loads the committed NER model (lib/actors/model/ner.json) once and returns
 * it from then on; exported so that a benchmark can time the load apart from
 * tagging.
 */
export function loadModel(): NerModel {
  cached ??= decodeModel(modelJson as NerModelFile);
  return cached;
}

function row(stage: Stage, hash: number): number {
  const f = stage.features;
  let lo = 0;
  let hi = f.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (f[mid] === hash) return mid;
    if (f[mid] < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function addScores(stage: Stage, features: string[], scores: Float64Array): void {
  const n = TAGS.length;
  for (const feature of features) {
    const r = row(stage, hashFeature(feature));
    if (r < 0) continue;
    for (let t = 0; t < n; t++) scores[t] += stage.weights[r * n + t];
  }
}

/** I-X may only follow B-X or I-X. */
export function allowed(prev: string, tag: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

/**
 * Tags each sentence left to right with one pass's weights, each decision
 * seeing the two tags before it. `features` holds each token's features.
 */
export function tagSentences(stage: Stage, features: string[][][]): string[][] {
  const scores = new Float64Array(TAGS.length);
  return features.map((sentence) => {
    const tags: string[] = [];
    sentence.forEach((tokenFeatures, i) => {
      const prev = tags[i - 1] ?? '<s>';
      scores.fill(0);
      addScores(stage, tokenFeatures, scores);
      addScores(stage, tagFeatures(tags[i - 2] ?? '<s>', prev, tokenFeatures), scores);
      let best = 0;
      for (let t = 1; t < TAGS.length; t++) if (allowed(prev, TAGS[t]) && scores[t] > scores[best]) best = t;
      tags.push(TAGS[best]);
    });
    return tags;
  });
}

/** Both passes' features of each token, given the first pass's tags. */
export function secondPassFeatures(doc: string[][], local: string[][][], firstPass: string[][]): string[][][] {
  const global = documentFeatures(doc, firstPass);
  return local.map((sentence, s) => sentence.map((f, i) => [...f, ...global[s][i]]));
}

/**
 * Tags the tokens of a document (sentences of token strings) with BIO tags:
 * a first pass sentence by sentence, then a second that also sees how the
 * first tagged the same words elsewhere in the document.
 */
export function tagDocument(doc: string[][], model: NerModel = loadModel()): string[][] {
  const local = staticFeatures(doc, model.gazetteer);
  const firstPass = tagSentences(model.stages[0], local);
  return tagSentences(model.stages[1], secondPassFeatures(doc, local, firstPass));
}

/** The entity spans of BIO-tagged sentences. */
export function spansOf(tags: string[][]): EntitySpan[] {
  const spans: EntitySpan[] = [];
  tags.forEach((sentence, s) => {
    sentence.forEach((tag, i) => {
      if (tag.startsWith('B-') || (tag.startsWith('I-') && sentence[i - 1]?.slice(2) !== tag.slice(2))) {
        spans.push({ sentence: s, start: i, end: i + 1, type: tag.slice(2) as EntityType });
      } else if (tag.startsWith('I-')) {
        spans[spans.length - 1].end = i + 1;
      }
    });
  });
  return spans;
}

/** Tags a document (sentences of token strings) and returns its entity spans. */
export function findEntities(doc: string[][], model: NerModel = loadModel()): EntitySpan[] {
  return spansOf(tagDocument(doc, model));
}
