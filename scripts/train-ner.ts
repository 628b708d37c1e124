/**
 * Trains the named-entity tagger (an averaged perceptron over BIO tags) on
 * CoNLL-2003 train and writes lib/actors/model/ner.json.
 *
 *   npm run train:ner [-- --data ../shared/data/conll2003/train.jsonl --epochs 8]
 *
 * Deterministic: the same data gives the same model file, byte for byte.
 * testa is only scored at the end, for information; it never trains.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nlp from 'compromise';
import { ENTITY_TYPES, GAZETTEER_LISTS, TAGS, gazetteerKey, hashFeature, staticFeatures, tagFeatures, type Gazetteer, type GazetteerList } from '../lib/actors/features';
import { allowed, decodeModel, decodeStage, findEntities, secondPassFeatures, spansOf, tagSentences, type NerModelFile, type StageFile } from '../lib/actors/tagger';
import { conllDocument, countSpans, emptyCounts, f1Of, type ConllDocument } from '../lib/actors/conll';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf('--' + name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const trainPath = path.resolve(repoRoot, arg('data', '../shared/data/conll2003/train.jsonl'));
const devPath = path.resolve(repoRoot, '../shared/data/conll2003/testa.jsonl');
const outPath = path.resolve(repoRoot, arg('out', 'lib/actors/model/ner.json'));
const EPOCHS = Number(arg('epochs', '8'));
const FOLDS = 5; // gazetteer features of a training document come from the other folds
const MIN_COUNT = 2; // static features seen once are noise
const STEP = Number(arg('step', '0.25')); // weights below about STEP / 2 round to zero and are dropped
const N = TAGS.length;

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

const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

/** Word lists from compromise's lexicon, by gazetteer list. */
function lexiconLists(): Map<string, number> {
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
const lexicon = lexiconLists();

function gazetteerOf(docs: ConllDocument[]): Gazetteer {
  const gazetteer: Gazetteer = new Map(lexicon);
  for (const doc of docs) {
    for (const span of spansOf(doc.tags)) {
      const key = gazetteerKey(doc.sentences[span.sentence].slice(span.start, span.end));
      gazetteer.set(key, (gazetteer.get(key) ?? 0) | (1 << ENTITY_TYPES.indexOf(span.type)));
    }
  }
  return gazetteer;
}

/**
 * Trains one pass: an averaged perceptron over the given features of each
 * token of the given documents, decoding greedily as the tagger does, then
 * quantised to one byte per weight (on a log scale, so that the many small
 * weights keep their relative precision and the few large ones fit).
 */
function trainStage(docs: ConllDocument[], features: string[][][][], epochs: number, seed: number): StageFile {
  const counts = new Map<number, number>();
  for (const doc of features) for (const s of doc) for (const t of s) for (const f of t) counts.set(hashFeature(f), (counts.get(hashFeature(f)) ?? 0) + 1);
  // Feature hash → row of the weight matrix, added as features are first seen.
  const rows = new Map<number, number>();
  let capacity = 1 << 18;
  let weights = new Float64Array(capacity * N);
  let totals = new Float64Array(capacity * N); // sum of (time of update × change), for averaging
  const rowOf = (hash: number): number => {
    let r = rows.get(hash);
    if (r === undefined) {
      r = rows.size;
      rows.set(hash, r);
      if (r >= capacity) {
        capacity *= 2;
        const grown = [new Float64Array(capacity * N), new Float64Array(capacity * N)];
        grown[0].set(weights);
        grown[1].set(totals);
        [weights, totals] = grown;
      }
    }
    return r;
  };
  const staticRows = features.map((doc) =>
    doc.map((s) => s.map((t) => Int32Array.from(t.filter((f) => counts.get(hashFeature(f))! >= MIN_COUNT), (f) => rowOf(hashFeature(f))))),
  );
  const scores = new Float64Array(N);
  let clock = 1;
  const shuffle = random(seed);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = docs.map((_, d) => d);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(shuffle() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let errors = 0;
    for (const d of order) {
      docs[d].tags.forEach((gold, s) => {
        const predicted: string[] = [];
        gold.forEach((goldTag, i) => {
          const prev = predicted[i - 1] ?? '<s>';
          const dynamic = tagFeatures(predicted[i - 2] ?? '<s>', prev, features[d][s][i]).map((f) => rowOf(hashFeature(f)));
          const active = [...staticRows[d][s][i], ...dynamic];
          scores.fill(0);
          for (const r of active) for (let t = 0; t < N; t++) scores[t] += weights[r * N + t];
          let best = 0;
          for (let t = 1; t < N; t++) if (allowed(prev, TAGS[t]) && scores[t] > scores[best]) best = t;
          const g = TAGS.indexOf(goldTag);
          if (best !== g) {
            errors++;
            for (const r of active) {
              weights[r * N + g] += 1;
              totals[r * N + g] += clock;
              weights[r * N + best] -= 1;
              totals[r * N + best] -= clock;
            }
          }
          predicted.push(TAGS[best]);
          clock++;
        });
      });
    }
    if (epoch === epochs) console.log(`  ${docs.length} documents, epoch ${epoch}: ${errors} tokens wrong (${seconds()} s)`);
  }
  const averaged = new Float64Array(rows.size * N);
  for (let i = 0; i < averaged.length; i++) averaged[i] = weights[i] - totals[i] / clock;
  const largest = averaged.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  const perLevel = 127 / Math.log1p(largest / STEP);
  const levels = Array.from({ length: 128 }, (_, q) => Number((STEP * Math.expm1(q / perLevel)).toPrecision(6)));
  const quantise = (x: number) => Math.sign(x) * Math.min(127, Math.round(perLevel * Math.log1p(Math.abs(x) / STEP)));
  const kept = [...rows].sort((a, b) => a[0] - b[0]).filter(([, r]) => averaged.subarray(r * N, r * N + N).some((x) => quantise(x) !== 0));
  const quantised = new Int8Array(kept.length * N);
  kept.forEach(([, r], k) => {
    for (let t = 0; t < N; t++) quantised[k * N + t] = quantise(averaged[r * N + t]);
  });
  return { levels, features: base64(Uint32Array.from(kept, ([h]) => h)), weights: base64(quantised) };
}

const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const train = readDocs(trainPath);
const gazetteer = gazetteerOf(train);
const fold = (d: number) => d % FOLDS;
const foldGazetteers = Array.from({ length: FOLDS }, (_, k) => gazetteerOf(train.filter((_, d) => fold(d) !== k)));
const local = train.map((doc, d) => staticFeatures(doc.sentences, foldGazetteers[fold(d)]));
console.log(`${train.length} documents read, features built (${seconds()} s)`);

console.log('first pass:');
const firstStage = trainStage(train, local, EPOCHS, 1);
// The second pass learns from first-pass tags as good as on unseen text:
// each fold is tagged by a first pass trained on the other folds.
const firstPass: string[][][] = [];
for (let k = 0; k < FOLDS; k++) {
  const rest = train.map((_, d) => d).filter((d) => fold(d) !== k);
  const stage = decodeStage(trainStage(rest.map((d) => train[d]), rest.map((d) => local[d]), EPOCHS, 2 + k));
  train.forEach((_, d) => {
    if (fold(d) === k) firstPass[d] = tagSentences(stage, local[d]);
  });
}
console.log('second pass:');
const secondStage = trainStage(train, train.map((doc, d) => secondPassFeatures(doc.sentences, local[d], firstPass[d])), EPOCHS, 7);

const gazetteerByType = Object.fromEntries(
  GAZETTEER_LISTS.map((list, t) => [list, [...gazetteer].filter(([, bits]) => bits & (1 << t)).map(([name]) => name).sort()]),
) as NerModelFile['gazetteer'];
const file: NerModelFile = { version: 1, tags: TAGS, stages: [firstStage, secondStage], gazetteer: gazetteerByType };
const json = JSON.stringify(file);
writeFileSync(outPath, json);
console.log(`wrote ${path.relative(repoRoot, outPath)}: ${(json.length / 1e6).toFixed(2)} MB, ${(gzipSync(json).length / 1e6).toFixed(2)} MB gzipped`);

if (existsSync(devPath)) {
  const model = decodeModel(file);
  const total = emptyCounts();
  for (const doc of readDocs(devPath)) countSpans(total, findEntities(doc.sentences, model), spansOf(doc.tags));
  const { f1, precision, recall } = f1Of(total.all);
  console.log(`testa (for information) f1=${f1.toFixed(3)} precision=${precision.toFixed(3)} recall=${recall.toFixed(3)}`);
}
console.log(`done in ${seconds()} s`);
