/**
 * Scores the committed NER model on CoNLL-style data (exact span and type,
 * micro-averaged over PER/ORG/LOC/MISC), with compromise on the same data as
 * the baseline.
 *
 *   npm run eval:ner [-- --data ../shared/data/conll2003/testa.jsonl]
 *
 * The last line is `ner f1=… precision=… recall=…` for the committed model.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { conllDocument, countSpans, emptyCounts, f1Of, type SpanCounts } from '../lib/actors/conll';
import { ENTITY_TYPES, type EntityType } from '../lib/actors/features';
import { loadModelFile } from '../lib/actors/model-file';
import { findEntities, spansOf, type EntitySpan } from '../lib/actors/tagger';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--data');
const dataPath = path.resolve(i > 0 ? process.argv[i + 1] : path.resolve(repoRoot, '../shared/data/conll2003/testa.jsonl'));
if (!existsSync(dataPath)) {
  console.error(`No data at ${dataPath}: pass --data <conll.jsonl> (../shared/data is needed).`);
  process.exit(1);
}
const docs = readFileSync(dataPath, 'utf8').split('\n').filter(Boolean).map((line) => conllDocument(JSON.parse(line)));

/** compromise's people, places and organisations as token spans of the document. */
function compromiseSpans(sentences: string[][]): EntitySpan[] {
  const starts = new Map<number, [number, number]>();
  const ends = new Map<number, [number, number]>();
  let text = '';
  sentences.forEach((sentence, s) =>
    sentence.forEach((token, t) => {
      if (t === 0 && s > 0) text += '\n';
      else if (t > 0) text += ' ';
      starts.set(text.length, [s, t]);
      text += token;
      ends.set(text.length, [s, t + 1]);
    }),
  );
  const doc = nlp(text);
  const spans: EntitySpan[] = [];
  const add = (view: { json(options: object): unknown }, type: EntityType) => {
    for (const m of view.json({ offset: true }) as Array<{ text: string; offset: { start: number; length: number } }>) {
      const raw = text.slice(m.offset.start, m.offset.start + m.offset.length);
      const lead = raw.length - raw.replace(/^[^\p{L}\p{N}]+/u, '').length;
      const body = raw.trim().replace(/^[^\p{L}\p{N}]+|[\s.,;:!?"')]+$/gu, '').replace(/ 's$/, '');
      const a = starts.get(m.offset.start + lead);
      const b = ends.get(m.offset.start + lead + body.length);
      if (a && b && a[0] === b[0]) spans.push({ sentence: a[0], start: a[1], end: b[1], type });
    }
  };
  add(doc.people(), 'PER');
  add(doc.organizations(), 'ORG');
  add(doc.places(), 'LOC');
  return spans;
}

function report(name: string, counts: SpanCounts): string {
  const fmt = (x: number) => x.toFixed(3);
  const { f1, precision, recall } = f1Of(counts.all);
  console.log(`${name}: f1=${fmt(f1)} precision=${fmt(precision)} recall=${fmt(recall)}`);
  for (const type of ENTITY_TYPES) {
    const t = f1Of(counts[type]);
    console.log(`  ${type.padEnd(4)} f1=${fmt(t.f1)} precision=${fmt(t.precision)} recall=${fmt(t.recall)} (gold ${counts[type].gold})`);
  }
  return `f1=${fmt(f1)} precision=${fmt(precision)} recall=${fmt(recall)}`;
}

const loadStart = performance.now();
const model = loadModelFile();
const loadMs = performance.now() - loadStart;
const ours = emptyCounts();
const baseline = emptyCounts();
const tagStart = performance.now();
for (const doc of docs) countSpans(ours, findEntities(doc.sentences, model), spansOf(doc.tags));
const tagMs = performance.now() - tagStart;
for (const doc of docs) countSpans(baseline, compromiseSpans(doc.sentences), spansOf(doc.tags));

console.log(`${path.relative(process.cwd(), dataPath)}: ${docs.length} documents, ${ours.all.gold} entities`);
report('compromise (baseline, no MISC)', baseline);
const line = report('backstory tagger', ours);
const tokens = docs.reduce((n, d) => n + d.sentences.flat().length, 0);
console.log(`model load ${loadMs.toFixed(0)} ms; tagging ${((tokens / tagMs) * 1000).toFixed(0)} tokens/s`);
console.log(`ner ${line}`);
