/**
 * Trains the named-entity tagger (a structured averaged perceptron over BIO
 * tags, Viterbi-decoded) on CoNLL-2003 train and writes
 * lib/actors/model/ner.bin (format: encodeModel in lib/actors/tagger.ts).
 *
 *   npm run train:ner [-- --data ../shared/data/conll2003/train.jsonl --epochs 10 --out FILE]
 *
 * Deterministic: the same data gives the same model file, byte for byte.
 * testa is only scored at the end, for information; it never trains.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nlp from 'compromise';
import {
  ENTITY_TYPES,
  GAZETTEER_LISTS,
  START,
  TAGS,
  TAG_COUNT,
  documentFeatures,
  gazetteerKey,
  markPrefixes,
  staticFeatures,
  transitionFeatures,
  viterbi,
  type DocFeatures,
  type Gazetteer,
  type GazetteerList,
} from '../lib/actors/features';
import { buildStage, decodeModel, encodeModel, findEntities, spansOf, tagWith, type StageWeights } from '../lib/actors/tagger';
import { conllDocument, countSpans, emptyCounts, f1Of, type ConllDocument } from '../lib/actors/conll';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const trainPath = path.resolve(repoRoot, arg('data', '../shared/data/conll2003/train.jsonl'));
const devPath = path.resolve(repoRoot, '../shared/data/conll2003/testa.jsonl');
const outPath = path.resolve(repoRoot, arg('out', 'lib/actors/model/ner.bin'));
const EPOCHS = Number(arg('epochs', '10'));
const FOLDS = 5; // gazetteer features and first-pass tags of a training document come from the other folds
const MIN_COUNT = 2; // features seen once are noise
const STEP = Number(arg('step', '0.25')); // weights below about STEP / 2 round to zero
// A feature is kept only if one of its weights reaches this (largest weights are about 35).
const MIN_WEIGHT = Number(arg('min-weight', '1'));
const T = TAG_COUNT;
const PAIRS = (START + 1) * 2;

if (!existsSync(trainPath)) {
  console.error(`No training data at ${trainPath}: ../shared/data is needed to train.`);
  process.exit(1);
}
const readDocs = (file: string): ConllDocument[] =>
  readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => conllDocument(JSON.parse(line)));

/** Mulberry32: a small seeded generator, so that shuffles repeat. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}


/** Word lists from compromise's lexicon, by gazetteer list. */
function lexiconLists(): Gazetteer {
  const lists: Record<string, GazetteerList> = {
    FirstName: 'first', MaleName: 'first', FemaleName: 'first', LastName: 'last',
    Country: 'place', City: 'place', Region: 'place', Organization: 'org', SportsTeam: 'org',
    Demonym: 'demonym', Honorific: 'title',
  };
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const names: Gazetteer = new Map();
  for (const [word, tags] of Object.entries(lexicon)) {
    for (const tag of [tags].flat()) {
      const list = lists[tag];
      if (list && !/\.$/.test(word)) names.set(word, (names.get(word) ?? 0) | (1 << GAZETTEER_LISTS.indexOf(list)));
    }
  }
  return names;
}

/** The lexicon lists plus the names tagged in the given documents. */
function gazetteerOf(docs: ConllDocument[], lexicon: Gazetteer): Gazetteer {
  const gazetteer: Gazetteer = new Map(lexicon);
  for (const doc of docs) {
    for (const span of spansOf(doc.tags)) {
      const key = gazetteerKey(doc.sentences[span.sentence].slice(span.start, span.end));
      gazetteer.set(key, (gazetteer.get(key) ?? 0) | (1 << ENTITY_TYPES.indexOf(span.type)));
    }
  }
  return gazetteer;
}

/** One training document: its features and gold tag indices, token by token. */
interface Example {
  features: DocFeatures;
  gold: Uint8Array;
}

/** Hashes of the transition features on the gold path: the only pair features worth a weight. */
function goldPairs(ex: Example, out: number[]): void {
  const pairs = new Uint32Array(PAIRS);
  const { bounds } = ex.features;
  for (let s = 0; s + 1 < bounds.length; s++) {
    for (let t = bounds[s]; t < bounds[s + 1]; t++) {
      transitionFeatures(ex.features, t, pairs);
      const p = t === bounds[s] ? START : ex.gold[t - 1];
      out.push(pairs[p * 2], pairs[p * 2 + 1]);
    }
  }
}

/** Sorted distinct hashes seen at least MIN_COUNT times: the features that get a weight row. */
function vocabulary(examples: Example[]): Uint32Array {
  const all: number[] = [];
  for (const ex of examples) {
    for (const h of ex.features.hashes) all.push(h);
    goldPairs(ex, all);
  }
  const sorted = Uint32Array.from(all).sort();
  const kept: number[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i >= MIN_COUNT) kept.push(sorted[i]);
    i = j;
  }
  return Uint32Array.from(kept);
}

function rowIn(vocab: Uint32Array, hash: number): number {
  let lo = 0;
  let hi = vocab.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (vocab[mid] === hash) return mid;
    if (vocab[mid] < hash) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** An example's features as weight rows (-1: no weight), token features and transition features apart. */
interface Rows {
  offsets: Int32Array;
  rows: Int32Array;
  /** PAIRS rows per token: previous tag p × (transition, with shape). */
  pairs: Int32Array;
}
function rowsOf(ex: Example, vocab: Uint32Array): Rows {
  const f = ex.features;
  const n = f.keys.length;
  const pairs = new Int32Array(n * PAIRS);
  const hashes = new Uint32Array(PAIRS);
  for (let t = 0; t < n; t++) {
    transitionFeatures(f, t, hashes);
    for (let k = 0; k < PAIRS; k++) pairs[t * PAIRS + k] = rowIn(vocab, hashes[k]);
  }
  return { offsets: f.offsets, rows: Int32Array.from(f.hashes, (h) => rowIn(vocab, h)), pairs };
}

/**
 * Trains one pass: a structured averaged perceptron (Collins 2002) that
 * decodes each sentence with Viterbi exactly as the tagger does and, where the
 * best path differs from the gold one, moves the weights towards the gold
 * path; then averages the weights and quantises them to one byte each on a
 * log scale, so that the many small weights keep their relative precision.
 */
function trainStage(examples: Example[], epochs: number, seed: number): StageWeights {
  const vocab = vocabulary(examples);
  const rows = examples.map((ex) => rowsOf(ex, vocab));
  const weights = new Float64Array(vocab.length * T);
  const totals = new Float64Array(vocab.length * T); // sum of (time of update × change), for averaging
  let clock = 1;
  const shuffle = random(seed);
  const update = (row: number, tag: number, delta: number) => {
    if (row < 0) return;
    weights[row * T + tag] += delta;
    totals[row * T + tag] += clock * delta;
  };
  const predicted = new Uint8Array(256);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = examples.map((_, d) => d);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const d of order) {
      const { gold, features } = examples[d];
      const r = rows[d];
      for (let s = 0; s + 1 < features.bounds.length; s++) {
        const from = features.bounds[s];
        const n = features.bounds[s + 1] - from;
        const emission = new Float64Array(n * T);
        const transition = new Float64Array(n * (T + 1) * T);
        for (let i = 0; i < n; i++) {
          const t = from + i;
          for (let k = r.offsets[t]; k < r.offsets[t + 1]; k++) {
            const row = r.rows[k];
            if (row >= 0) for (let c = 0; c < T; c++) emission[i * T + c] += weights[row * T + c];
          }
          for (let p = 0; p <= START; p++) {
            if ((i === 0) !== (p === START)) continue;
            for (let k = 0; k < 2; k++) {
              const row = r.pairs[t * PAIRS + p * 2 + k];
              if (row >= 0) for (let c = 0; c < T; c++) transition[(i * (T + 1) + p) * T + c] += weights[row * T + c];
            }
          }
        }
        const out = n <= predicted.length ? predicted : new Uint8Array(n);
        viterbi(n, emission, transition, out, 0);
        for (let i = 0; i < n; i++) {
          const t = from + i;
          const g = gold[t];
          const p = out[i];
          const gp = i === 0 ? START : gold[t - 1];
          const pp = i === 0 ? START : out[i - 1];
          if (g !== p) {
            errors++;
            for (let k = r.offsets[t]; k < r.offsets[t + 1]; k++) {
              update(r.rows[k], g, 1);
              update(r.rows[k], p, -1);
            }
          }
          if (g !== p || gp !== pp) {
            for (let k = 0; k < 2; k++) {
              update(r.pairs[t * PAIRS + gp * 2 + k], g, 1);
              update(r.pairs[t * PAIRS + pp * 2 + k], p, -1);
            }
          }
        }
        clock++;
      }
    }
    if (epoch === epochs) console.log(`  ${examples.length} documents, epoch ${epoch}: ${errors} tokens wrong (${seconds()} s)`);
  }
  const averaged = new Float64Array(weights.length);
  for (let i = 0; i < averaged.length; i++) averaged[i] = weights[i] - totals[i] / clock;
  const largest = averaged.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const perLevel = 127 / Math.log1p(largest / STEP);
  const levels = Array.from({ length: 128 }, (_, q) => Number((STEP * Math.expm1(q / perLevel)).toPrecision(6)));
  const quantise = (x: number) => Math.sign(x) * Math.min(127, Math.round(perLevel * Math.log1p(Math.abs(x) / STEP)));
  const kept: number[] = [];
  for (let row = 0; row < vocab.length; row++) if (averaged.subarray(row * T, row * T + T).some((x) => quantise(x) !== 0)) kept.push(row);
  const quantised = new Int8Array(kept.length * T);
  kept.forEach((row, k) => {
    for (let t = 0; t < T; t++) quantised[k * T + t] = quantise(averaged[row * T + t]);
  });
  return { levels, features: Uint32Array.from(kept, (row) => vocab[row]), weights: quantised };
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const train = readDocs(trainPath);
const lexicon = lexiconLists();
const gazetteer = gazetteerOf(train, lexicon);
const fold = (d: number) => d % FOLDS;
const foldGazetteers = Array.from({ length: FOLDS }, (_, k) => gazetteerOf(train.filter((_, d) => fold(d) !== k), lexicon));
for (const g of [gazetteer, ...foldGazetteers]) markPrefixes(g);
const goldOf = (doc: ConllDocument) => Uint8Array.from(doc.tags.flat(), (tag) => TAGS.indexOf(tag));
// Every token, outside tokens too: the model learns what they look like, and the tagger skips them (DocFeatures.outside).
const local = train.map((doc, d) => staticFeatures(doc.sentences, foldGazetteers[fold(d)], false));
console.log(`${train.length} documents read, features built (${seconds()} s)`);

console.log('first pass:');
const firstStage = trainStage(train.map((doc, d) => ({ features: local[d], gold: goldOf(doc) })), EPOCHS, 1);
// The second pass learns from first-pass tags as good as on unseen text:
// each fold is tagged by a first pass trained on the other folds.
const firstPass: Uint8Array[] = [];
for (let k = 0; k < FOLDS; k++) {
  const rest = train.map((_, d) => d).filter((d) => fold(d) !== k);
  const stage = buildStage(trainStage(rest.map((d) => ({ features: local[d], gold: goldOf(train[d]) })), EPOCHS, 2 + k));
  train.forEach((_, d) => {
    if (fold(d) === k) firstPass[d] = tagWith(stage, local[d]);
  });
}
console.log('second pass:');
const secondStage = trainStage(train.map((doc, d) => ({ features: documentFeatures(local[d], firstPass[d]), gold: goldOf(doc) })), EPOCHS, 7);

/**
 * Leaves out the features whose every weight is below MIN_WEIGHT: about 40%
 * of them, with no loss in testa F1, for a file a third smaller that the
 * panel fetches and decodes sooner. Only the file is pruned: training, and
 * the first passes that tag the folds, use every feature.
 */
function pruned({ levels, features, weights }: StageWeights): StageWeights {
  const kept: number[] = [];
  for (let row = 0; row < features.length; row++) if (weights.subarray(row * T, row * T + T).some((q) => levels[Math.abs(q)] >= MIN_WEIGHT)) kept.push(row);
  const out = new Int8Array(kept.length * T);
  kept.forEach((row, k) => out.set(weights.subarray(row * T, row * T + T), k * T));
  return { levels, features: Uint32Array.from(kept, (row) => features[row]), weights: out };
}

// The file holds the names sorted by their hashes (NameTable), so the same data gives the same file.
const file = encodeModel([pruned(firstStage), pruned(secondStage)], gazetteer);
writeFileSync(outPath, file);
console.log(`wrote ${path.relative(repoRoot, outPath)}: ${(file.length / 1e6).toFixed(2)} MB, ${(gzipSync(file).length / 1e6).toFixed(2)} MB gzipped`);

if (existsSync(devPath)) {
  const model = decodeModel(file);
  const total = emptyCounts();
  for (const doc of readDocs(devPath)) countSpans(total, findEntities(doc.sentences, model), spansOf(doc.tags));
  const { f1, precision, recall } = f1Of(total.all);
  console.log(`testa (for information) f1=${f1.toFixed(3)} precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}`);
}
console.log(`done in ${seconds()} s`);
