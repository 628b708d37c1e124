import {
  START,
  TAGS,
  TAG_COUNT,
  documentFeatures,
  staticFeatures,
  transitionFeatures,
  viterbi,
  hashString,
  type DocFeatures,
  type EntityType,
  type Gazetteer,
  type NameLookup,
} from './features';
/**
 * One pass's weights as trained: sorted 32-bit feature hashes, one byte per
 * feature and tag (row-major, an index into `levels`, negative for negative
 * weights), and the weight each byte value q = 0..127 stands for.
 */
export interface StageWeights {
  features: Uint32Array;
  weights: Int8Array;
  levels: ArrayLike<number>;
}

/**
 * One pass's weights, ready for look-up: the file's sorted feature hashes
 * and weights, read in place, and an open-addressing table from a hash to
 * its row. Building the table is all the work of loading a pass; its slots
 * hold only row numbers, so that it is built in one short loop as the panel
 * opens (copying each row's weights into 16-byte slots as well took 7–23 ms
 * of the panel's opening in its CPU profiles).
 */
export interface Stage {
  /** The pass's feature hashes, sorted. */
  features: Uint32Array;
  /** One byte per feature and tag (row-major): the weight is levels[byte + 127]. */
  weights: Int8Array;
  /** Row + 1 of the feature whose hash probes to this slot first; 0 for an empty slot. */
  rows: Uint32Array;
  mask: number;
  /** The weight of byte value q at levels[q + 127]. */
  levels: Float32Array;
}

/** A loaded model. */
export interface NerModel {
  stages: [Stage, Stage];
  gazetteer: NameTable;
}

/** A second hash of a name, independent of hashString's, so that two names are told apart by 64 bits. */
function checkHash(text: string): number {
  let h = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 13;
  }
  return h >>> 0;
}

/**
 * The gazetteer as the model file holds it: each name as two 32-bit hashes,
 * sorted, with its bits, looked up by binary search. Unlike a Map of the
 * names, it is ready as soon as the file is read: building a Map of the
 * 15,287 names took 15–25 ms (cold, in Node) as the panel opened.
 */
export class NameTable implements NameLookup {
  constructor(
    readonly hashes: Uint32Array,
    readonly checks: Uint32Array,
    readonly bits: Uint32Array,
  ) {}

  static from(names: Gazetteer): NameTable {
    const rows = [...names].map(([name, bits]) => [hashString(name), checkHash(name), bits]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    rows.forEach((row, i) => {
      if (i > 0 && row[0] === rows[i - 1][0] && row[1] === rows[i - 1][1]) throw new Error('Two gazetteer names have the same hashes; change checkHash');
    });
    return new NameTable(...([0, 1, 2].map((column) => Uint32Array.from(rows, (row) => row[column])) as [Uint32Array, Uint32Array, Uint32Array]));
  }

  get(name: string): number | undefined {
    const { hashes, checks } = this;
    const hash = hashString(name);
    let lo = 0;
    for (let hi = hashes.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid] < hash) lo = mid + 1;
      else hi = mid;
    }
    if (hashes[lo] !== hash) return undefined;
    const check = checkHash(name);
    for (let i = lo; hashes[i] === hash; i++) if (checks[i] === check) return this.bits[i];
    return undefined;
  }
}

/** An entity found by the tagger: sentence index, token range [start, end) and type. */
export interface EntitySpan {
  sentence: number;
  start: number;
  end: number;
  type: EntityType;
}

const slotOf = (hash: number, mask: number) => (Math.imul(hash, 0x9e3779b1) >>> 0) & mask;

/**
 * Builds a look-up table for one pass from its weights; the training script
 * uses it too, so that it scores exactly as the tagger.
 */
export function buildStage({ features, weights, levels }: StageWeights): Stage {
  let size = 1;
  while (size < features.length * 1.5) size <<= 1; // at most two-thirds full: probes stay short
  const rows = new Uint32Array(size);
  const mask = size - 1;
  for (let row = 0; row < features.length; row++) {
    let slot = slotOf(features[row], mask);
    while (rows[slot]) slot = (slot + 1) & mask;
    rows[slot] = row + 1;
  }
  const table = new Float32Array(255);
  for (let q = -127; q <= 127; q++) table[q + 127] = q < 0 ? -levels[-q] : levels[q];
  return { features, weights, rows, mask, levels: table };
}

/*
 * The model file (lib/actors/model/ner.bin), little-endian, every section
 * 4-byte aligned so that it is read in place, with no decoding:
 *   "BSNR", format version, tag count, gazetteer name count m   (4 × u32)
 *   per pass: feature count n, levels (128 × f32), features (n × u32),
 *             weights (n × tag count × i8, padded to 4 bytes)
 *   gazetteer: the NameTable's name hashes, check hashes and bits (3 × m × u32)
 */
const MAGIC = 0x524e5342; // "BSNR"
const FORMAT = 4;
const LEVELS = 128;
const pad4 = (n: number) => (n + 3) & ~3;

/** Writes a model file; scripts/train-ner.ts calls it. */
export function encodeModel(stages: [StageWeights, StageWeights], gazetteer: Gazetteer | NameTable): Uint8Array {
  const names = gazetteer instanceof NameTable ? gazetteer : NameTable.from(gazetteer);
  const m = names.hashes.length;
  const stageBytes = (s: StageWeights) => 4 + LEVELS * 4 + s.features.length * 4 + pad4(s.weights.length);
  const out = new Uint8Array(16 + stageBytes(stages[0]) + stageBytes(stages[1]) + m * 12);
  const view = new DataView(out.buffer);
  [MAGIC, FORMAT, TAG_COUNT, m].forEach((word, i) => view.setUint32(i * 4, word, true));
  let at = 16;
  for (const stage of stages) {
    view.setUint32(at, stage.features.length, true);
    at += 4;
    for (let q = 0; q < LEVELS; q++) view.setFloat32(at + q * 4, stage.levels[q], true);
    at += LEVELS * 4;
    stage.features.forEach((hash, i) => view.setUint32(at + i * 4, hash, true));
    at += stage.features.length * 4;
    out.set(new Uint8Array(stage.weights.buffer, stage.weights.byteOffset, stage.weights.length), at);
    at += pad4(stage.weights.length);
  }
  for (const column of [names.hashes, names.checks, names.bits]) {
    column.forEach((word, i) => view.setUint32(at + i * 4, word, true));
    at += m * 4;
  }
  return out;
}

/** Reads a model file into its look-up form. */
export function decodeModel(file: Uint8Array): NerModel {
  const parts = decodeModelParts(file);
  for (;;) {
    const part = parts.next();
    if (part.done) return part.value;
  }
}

/**
 * Reads a model file a part at a time (each pass's table, then the names),
 * pausing after each, so that a page can decode it between other work.
 */
export function* decodeModelParts(file: Uint8Array): Generator<void, NerModel> {
  // Typed-array views need aligned offsets: copy a file that does not start on a 4-byte boundary.
  const bytes = file.byteOffset % 4 ? file.slice() : file;
  const words = (at: number, n: number) => new Uint32Array(bytes.buffer, bytes.byteOffset + at, n);
  const [magic, format, tags, m] = words(0, 4);
  if (magic !== MAGIC) throw new Error('not a Backstory NER model file');
  if (format !== FORMAT || tags !== TAG_COUNT) throw new Error('NER model was trained with other tags or features; retrain it (npm run train:ner)');
  let at = 16;
  const readStage = (): Stage => {
    const [n] = words(at, 1);
    const levels = new Float32Array(bytes.buffer, bytes.byteOffset + at + 4, LEVELS);
    at += 4 + LEVELS * 4;
    const features = words(at, n);
    at += n * 4;
    const weights = new Int8Array(bytes.buffer, bytes.byteOffset + at, n * TAG_COUNT);
    at += pad4(n * TAG_COUNT);
    return buildStage({ features, weights, levels });
  };
  const first = readStage();
  yield;
  const stages: [Stage, Stage] = [first, readStage()];
  yield;
  return { stages, gazetteer: new NameTable(words(at, m), words(at + m * 4, m), words(at + m * 8, m)) };
}

let installed: NerModel | null = null;

/**
 * Makes `model` the one the tagger uses from now on. In the extension the
 * panel (and, for long articles, its analysis worker) decodes the fetched
 * model file and installs it; Node code calls loadModelFile (model-file.ts).
 */
export function installModel(model: NerModel): void {
  installed = model;
}

/** The installed model. */
export function loadModel(): NerModel {
  if (!installed) throw new Error('The NER model is not loaded yet.');
  return installed;
}

/** Adds the weights of a feature, if the pass knows it, to `scores` at `at`. */
function addRow(stage: Stage, hash: number, scores: Float64Array, at: number): void {
  const { features, weights, rows, mask, levels } = stage;
  for (let slot = slotOf(hash, mask), row = rows[slot]; row; slot = (slot + 1) & mask, row = rows[slot]) {
    if (features[row - 1] !== hash) continue;
    const b = (row - 1) * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) scores[at + t] += levels[weights[b + t] + 127];
    return;
  }
}

/** Emission scores at `at` for a token outside every name (DocFeatures.outside): O, and nothing else. */
function onlyOutside(emission: Float64Array, at: number): void {
  emission[at] = 0;
  for (let c = 1; c < TAG_COUNT; c++) emission[at + c] = -Infinity;
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
      if (doc.outside[t]) onlyOutside(emission, i * T);
      else for (let k = doc.offsets[t]; k < doc.offsets[t + 1]; k++) addRow(stage, doc.hashes[k], emission, i * T);
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
