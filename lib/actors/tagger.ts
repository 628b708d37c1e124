import {
  GAZETTEER_LISTS,
  START,
  TAGS,
  TAG_COUNT,
  documentFeatures,
  markPrefixes,
  staticFeatures,
  transitionFeatures,
  viterbi,
  type DocFeatures,
  type EntityType,
  type Gazetteer,
  type GazetteerList,
} from './features';
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

/**
 * One pass's weights, ready for look-up: an open-addressing hash table whose
 * 16-byte slots hold a feature hash, its weights (one byte per tag, an index
 * into `levels`) and an "occupied" byte, so that a look-up touches one cache
 * line and not three (tagging is bound by memory, not arithmetic).
 */
export interface Stage {
  /** The slots as 32-bit words: the hash of slot i is keys[i * 4]. */
  keys: Uint32Array;
  /** The same slots as bytes: weights at i * 16 + 4 + tag, occupied flag at i * 16 + 15. */
  bytes: Int8Array;
  mask: number;
  /** The weight of byte value q at levels[q + 127]. */
  levels: Float32Array;
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

const slotOf = (hash: number, mask: number) => (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;

/**
 * Builds a look-up table for one pass from its feature hashes, their
 * quantised weights (TAG_COUNT bytes per feature) and the levels the bytes
 * stand for; the training script uses it too, so that it scores exactly as
 * the tagger.
 */
export function buildStage(features: Uint32Array, weights: Int8Array, levels: number[]): Stage {
  let size = 1;
  while (size < features.length * 2) size <<= 1;
  const buffer = new ArrayBuffer(size * 16);
  const keys = new Uint32Array(buffer);
  const bytes = new Int8Array(buffer);
  const mask = size - 1;
  features.forEach((hash, row) => {
    let slot = slotOf(hash, mask);
    while (bytes[slot * 16 + 15]) slot = (slot + 1) & mask;
    keys[slot * 4] = hash;
    bytes.set(weights.subarray(row * TAG_COUNT, row * TAG_COUNT + TAG_COUNT), slot * 16 + 4);
    bytes[slot * 16 + 15] = 1;
  });
  const table = new Float32Array(255);
  for (let q = -127; q <= 127; q++) table[q + 127] = q < 0 ? -levels[-q] : levels[q];
  return { keys, bytes, mask, levels: table };
}

/** Builds the look-up form of one pass's weights as stored in the model file. */
export function decodeStage(file: StageFile): Stage {
  const weights = new Int8Array(fromBase64(file.weights).buffer);
  return buildStage(new Uint32Array(fromBase64(file.features).buffer), weights, file.levels);
}

/** Builds the look-up form of a model file; the training script uses it on the model it just wrote. */
export function decodeModel(file: NerModelFile): NerModel {
  if (file.tags.join() !== TAGS.join() || file.version !== 2) throw new Error('NER model was trained with other tags or features; retrain it (npm run train:ner)');
  const gazetteer: Gazetteer = new Map();
  GAZETTEER_LISTS.forEach((list, t) => {
    for (const name of file.gazetteer[list]) gazetteer.set(name, (gazetteer.get(name) ?? 0) | (1 << t));
  });
  markPrefixes(gazetteer);
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

/** Adds the weights of a feature, if the pass knows it, to `scores` at `at`. */
function addRow(stage: Stage, hash: number, scores: Float64Array, at: number): void {
  const { keys, bytes, mask, levels } = stage;
  for (let slot = slotOf(hash, mask); bytes[slot * 16 + 15]; slot = (slot + 1) & mask) {
    if (keys[slot * 4] !== hash) continue;
    const b = slot * 16 + 4;
    for (let t = 0; t < TAG_COUNT; t++) scores[at + t] += levels[bytes[b + t] + 127];
    return;
  }
}

// Scratch space for one sentence's scores, grown as needed and reused.
let emissionScratch = new Float64Array(0);
let transitionScratch = new Float64Array(0);

/**
 * Tags a document with one pass's weights: for each sentence the best tag
 * sequence (Viterbi) under the token features and the tag-transition
 * features. Returns one tag index (into TAGS) per token.
 */
export function tagWith(stage: Stage, doc: DocFeatures): Uint8Array {
  const T = TAG_COUNT;
  const tags = new Uint8Array(doc.keys.length);
  const pairs = new Uint32Array((START + 1) * 2);
  // The transition scores depend only on the token's shape, and a document
  // has few shapes: score each shape's once.
  const byShape = new Map<number, Float64Array>();
  const transitionsOf = (t: number): Float64Array => {
    let scores = byShape.get(doc.shapes[t]);
    if (!scores) {
      scores = new Float64Array((START + 1) * T);
      transitionFeatures(doc, t, pairs);
      for (let p = 0; p <= START; p++) {
        addRow(stage, pairs[p * 2], scores, p * T);
        addRow(stage, pairs[p * 2 + 1], scores, p * T);
      }
      byShape.set(doc.shapes[t], scores);
    }
    return scores;
  };
  for (let s = 0; s + 1 < doc.bounds.length; s++) {
    const from = doc.bounds[s];
    const n = doc.bounds[s + 1] - from;
    if (emissionScratch.length < n * T) [emissionScratch, transitionScratch] = [new Float64Array(n * T * 2), new Float64Array(n * (T + 1) * T * 2)];
    const emission = emissionScratch;
    const transition = transitionScratch;
    emission.fill(0, 0, n * T);
    for (let i = 0; i < n; i++) {
      const t = from + i;
      for (let k = doc.offsets[t]; k < doc.offsets[t + 1]; k++) addRow(stage, doc.hashes[k], emission, i * T);
      // Only START may precede the first token, and it precedes no other.
      const scores = transitionsOf(t);
      if (i === 0) transition.set(scores.subarray(START * T, START * T + T), START * T);
      else transition.set(scores.subarray(0, START * T), i * (T + 1) * T);
    }
    viterbi(n, emission, transition, tags, from);
  }
  return tags;
}

/** Both passes' tags of a document's tokens (tag indices, the document's tokens in order). */
export function tagTokens(doc: string[][], model: NerModel = loadModel()): Uint8Array {
  const local = staticFeatures(doc, model.gazetteer);
  const firstPass = tagWith(model.stages[0], local);
  return tagWith(model.stages[1], documentFeatures(local, firstPass));
}

/**
 * Tags the tokens of a document (sentences of token strings) with BIO tags:
 * a first pass sentence by sentence, then a second that also sees how the
 * first tagged the same words elsewhere in the document.
 */
export function tagDocument(doc: string[][], model: NerModel = loadModel()): string[][] {
  const tags = tagTokens(doc, model);
  let t = 0;
  return doc.map((sentence) => sentence.map(() => TAGS[tags[t++]]));
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
