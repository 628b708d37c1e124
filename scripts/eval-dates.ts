/**
 * Evaluates the dates pipeline (lib/dates) on TempEval-3 style JSONL and
 * measures chrono-node alone, in the same run, as the baseline.
 *
 *   npm run eval:dates -- --data ../shared/data/tempeval3/tbaq-aquaint.jsonl [--data …] [--extras]
 *                         [--half dev|held] [--errors]
 *
 * Without --data it reads both TempEval-3 files. Rules were developed on the
 * dev half of TimeBank (`--half dev`); the held half and AQUAINT were only
 * scored now and then, AQUAINT's errors never read one by one. --extras adds
 * the GUM news dates and the article-level gold of the readability pages,
 * whose text is read through lib/extract exactly as the side panel reads it.
 * --half keeps every other document (dev: the 1st, 3rd, …; held: the 2nd,
 * 4th, …) so rules can be tuned on one half of a file and checked on the
 * other; --errors lists each wrong value, miss and false positive in context.
 *
 * Each record is `{dct, text, timexes[{text,start,end,type,value}]}`; the
 * parser reads the raw text with the dct (its date part) as `published`.
 *
 * Scoring, per table:
 * - "calendar DATE": the gold set is the DATE timexes whose value starts
 *   with a digit (years, months, days, weeks, seasons, quarters, decades);
 *   PRESENT_REF/PAST_REF/FUTURE_REF are not timeline entries. A prediction
 *   that overlaps a gold calendar DATE is matched to it (one prediction per
 *   gold, in text order; a second one on the same gold is not counted); one
 *   that overlaps only a non-calendar DATE or any TIME/DURATION/SET timex is
 *   ignored; anything else is a false positive.
 * - "all DATE": the gold set is every DATE timex; predictions overlapping
 *   TIME/DURATION/SET only are ignored.
 * Relaxed span = overlap, strict span = identical offsets. Value accuracy is
 * over relaxed matches (week numbers compared zero-padded); value F1 =
 * relaxed F1 × value accuracy.
 * The last line printed is the calendar DATE line of the last file.
 */
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { findDateMentions, findDates } from '../lib/dates';
import { extractArticle } from '../lib/extract/article';
import { parseHtml } from './node-dom';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sharedRoot = path.resolve(repoRoot, '../shared');

interface Timex { text: string; start: number; end: number; type: string; value: string }
interface Doc { id: string; dct: string; text: string; timexes: Timex[] }
interface Prediction { start: number; end: number; value: string }

// --- systems ---------------------------------------------------------------

function backstory(doc: Doc): Prediction[] {
  return findDateMentions(doc.text, { published: doc.dct.slice(0, 10) });
}

/** chrono-node's casual parser alone; the value at the precision its certain components give. */
function chronoAlone(doc: Doc): Prediction[] {
  const [y, m, d] = doc.dct.slice(0, 10).split('-').map(Number);
  return chrono.casual.parse(doc.text, new Date(y, m - 1, d, 12)).map((r) => {
    const c = r.start;
    const date = c.date();
    const iso = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0'));
    let value = iso.join('-');
    if (c.isCertain('year') && !c.isCertain('month')) value = iso[0];
    else if (c.isCertain('month') && !c.isCertain('day') && !c.isCertain('weekday')) value = iso.slice(0, 2).join('-');
    return { start: r.index, end: r.index + r.text.length, value };
  });
}

// --- scoring ---------------------------------------------------------------

interface Counts { predicted: number; gold: number; relaxed: number; strict: number; valueCorrect: number }
const emptyCounts = (): Counts => ({ predicted: 0, gold: 0, relaxed: 0, strict: 0, valueCorrect: 0 });
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** TimeML values compared with week numbers zero-padded ("2000-W7" is "2000-W07"). */
function sameValue(gold: string, predicted: string): boolean {
  return gold.replace(/-W(\d)(?!\d)/, '-W0$1') === predicted;
}

/** The text around a span on one line, for error listings. */
function contextOf(text: string, span: { start: number; end: number }, width = 70): string {
  return `…${text.slice(Math.max(0, span.start - width), span.end + width / 2).replace(/\s+/g, ' ')}…`;
}

function score(counts: Counts, predictions: Prediction[], gold: Timex[], ignore: Timex[], errors?: string[], doc?: Doc): void {
  const used = new Set<Timex>();
  const where = (span: { start: number; end: number }) => (doc ? ` [${doc.id} dct=${doc.dct.slice(0, 10)}] ${contextOf(doc.text, span)}` : '');
  counts.gold += gold.length;
  for (const p of predictions) {
    const match = gold.find((g) => !used.has(g) && overlaps(p, g));
    if (match) {
      used.add(match);
      counts.predicted++;
      counts.relaxed++;
      if (match.start === p.start && match.end === p.end) counts.strict++;
      if (sameValue(match.value, p.value)) counts.valueCorrect++;
      else errors?.push(`value  "${match.text}" gold=${match.value} got=${p.value}${where(match)}`);
    } else if (!ignore.some((t) => overlaps(p, t)) && !gold.some((g) => overlaps(p, g))) {
      counts.predicted++;
      errors?.push(`fp     "${doc?.text.slice(p.start, p.end)}" ${p.value}${where(p)}`);
    }
  }
  for (const g of gold) if (!used.has(g)) errors?.push(`missed "${g.text}" ${g.value}${where(g)}`);
}

function f1(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}

function summary(c: Counts) {
  const rp = c.relaxed / (c.predicted || 1);
  const rr = c.relaxed / (c.gold || 1);
  const sp = c.strict / (c.predicted || 1);
  const sr = c.strict / (c.gold || 1);
  const valueAcc = c.valueCorrect / (c.relaxed || 1);
  const relaxedF1 = f1(rp, rr);
  return { rp, rr, relaxedF1, sp, sr, strictF1: f1(sp, sr), valueAcc, valueF1: relaxedF1 * valueAcc };
}

const fmt = (n: number) => n.toFixed(3);

function printTable(title: string, rows: Array<[string, Counts]>): void {
  console.log(`\n${title}`);
  console.log('system       gold  pred  relaxed P/R/F1         strict P/R/F1          value_acc  value_F1');
  for (const [name, c] of rows) {
    const s = summary(c);
    console.log(
      `${name.padEnd(12)} ${String(c.gold).padStart(4)}  ${String(c.predicted).padStart(4)}  ` +
        `${fmt(s.rp)}/${fmt(s.rr)}/${fmt(s.relaxedF1)}    ${fmt(s.sp)}/${fmt(s.sr)}/${fmt(s.strictF1)}    ${fmt(s.valueAcc)}      ${fmt(s.valueF1)}`,
    );
  }
}

/**
 * Reads a TempEval JSONL file; `half` keeps the documents at even ('dev') or
 * odd ('held') positions, so rules can be developed on one half and checked on the other.
 */
function readDocs(file: string, half?: string): Doc[] {
  const docs: Doc[] = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  if (half === 'dev' || half === 'held') return docs.filter((_, i) => i % 2 === (half === 'dev' ? 0 : 1));
  return docs;
}

function evaluateTempEval(file: string, showErrors: boolean, half?: string): Counts {
  const docs = readDocs(file, half);
  const systems = { backstory, 'chrono-only': chronoAlone };
  const calendar = new Map<string, Counts>();
  const allDates = new Map<string, Counts>();
  const errors: string[] = [];
  for (const [name, run] of Object.entries(systems)) {
    const cal = emptyCounts();
    const all = emptyCounts();
    for (const doc of docs) {
      const predictions = run(doc);
      const isCalendar = (t: Timex) => t.type === 'DATE' && /^\d/.test(t.value);
      score(cal, predictions, doc.timexes.filter(isCalendar), doc.timexes.filter((t) => !isCalendar(t)),
        name === 'backstory' && showErrors ? errors : undefined, doc);
      score(all, predictions, doc.timexes.filter((t) => t.type === 'DATE'), doc.timexes.filter((t) => t.type !== 'DATE'));
    }
    calendar.set(name, cal);
    allDates.set(name, all);
  }
  if (showErrors) for (const e of errors.sort()) console.log(e);
  console.log(`\n== ${path.relative(process.cwd(), file)}${half ? ` (${half} half)` : ''} (${docs.length} documents)`);
  printTable('calendar DATE expressions (gold value starts with a digit)', [...calendar]);
  printTable('all DATE expressions', [...allDates]);
  return calendar.get('backstory')!;
}

// --- extra checks ----------------------------------------------------------

/** GUM news: each gold date with a calendar value (`when`, or a week/weekend `from`–`to`). */
function evaluateGum(): void {
  const file = path.join(sharedRoot, 'data/gum-news/gum_news_train.jsonl');
  const counts = emptyCounts();
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const doc = JSON.parse(line);
    const gold: Timex[] = [];
    const ignore: Timex[] = [];
    for (const d of doc.dates) {
      const value = d.when ?? rangeValue(d.from, d.to);
      const timex = { text: d.text, start: d.start, end: d.end, type: 'DATE', value };
      (value && !value.includes('T') ? gold : ignore).push(timex);
    }
    score(counts, findDateMentions(doc.text, { published: doc.dateline_date }), gold, ignore);
  }
  printTable('GUM news dates (dateline_date as reference)', [['backstory', counts]]);
}

/** A Monday–Sunday range is an ISO week, a Saturday–Sunday one its weekend; other ranges are not scored. */
function rangeValue(from?: string, to?: string): string | null {
  if (!from || !to) return null;
  const a = new Date(`${from}T00:00:00Z`);
  const days = (new Date(`${to}T00:00:00Z`).getTime() - a.getTime()) / 86_400_000;
  const week = (d: Date) => {
    const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
    const n = Math.floor((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / (7 * 86_400_000)) + 1;
    return `${thursday.getUTCFullYear()}-W${String(n).padStart(2, '0')}`;
  };
  if (days === 6 && a.getUTCDay() === 1) return week(a);
  if (days === 1 && a.getUTCDay() === 6) return `${week(a)}-WE`;
  return null;
}

/** Text as the side panel analyses it: lib/extract's reading of the page (title, then one paragraph per block). */
function articleText(html: string): { text: string; ledeEnd?: number } {
  const extracted = extractArticle(parseHtml(html), { force: true });
  return extracted.ok ? extracted.article : { text: '' };
}

/** The eight readability pages with article-level gold: distinct values against the gold's. */
function evaluatePages(): void {
  const root = path.join(sharedRoot, 'data/readability-pages');
  let tp = 0, predicted = 0, gold = 0, notDates = 0;
  for (const name of readdirSync(root)) {
    const goldFile = path.join(root, name, 'gold.json');
    if (!existsSync(goldFile)) continue;
    const g = JSON.parse(readFileSync(goldFile, 'utf8'));
    const { text, ledeEnd } = articleText(readFileSync(path.join(root, name, 'source.html'), 'utf8'));
    const entries = findDates(text, { published: g.published, ledeEnd });
    const want = new Set<string>(g.dates.map((d: { value: string }) => d.value));
    const got = new Set(entries.map((e) => e.value));
    const hits = [...got].filter((v) => want.has(v));
    const bad = entries.filter((e) => g.not_dates.some((n: string) => n.toLowerCase() === e.text.toLowerCase()));
    tp += hits.length; predicted += got.size; gold += want.size; notDates += bad.length;
    console.log(`${name.padEnd(13)} gold=${want.size} got=${got.size} hit=${hits.length}  missed=[${[...want].filter((v) => !got.has(v)).join(' ')}] extra=[${[...got].filter((v) => !want.has(v)).join(' ')}]${bad.length ? ` not_dates=[${bad.map((e) => e.text).join(', ')}]` : ''}`);
  }
  const p = tp / (predicted || 1);
  const r = tp / (gold || 1);
  console.log(`readability pages: distinct-value P=${fmt(p)} R=${fmt(r)} F1=${fmt(f1(p, r))}, not_dates listed=${notDates}`);
}

/** Median time of findDates on the seed article after warm-up. */
function timeSeed(): void {
  const html = readFileSync(path.join(sharedRoot, 'fixtures/seed-article/article.html'), 'utf8');
  const { text } = articleText(html);
  for (let i = 0; i < 20; i++) findDates(text, { published: '2025-09-16' });
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const t0 = performance.now();
    findDates(text, { published: '2025-09-16' });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(`seed article (${text.length} chars): findDates median=${times[50].toFixed(2)} ms, p90=${times[90].toFixed(2)} ms`);
}

// --- main ------------------------------------------------------------------

const args = process.argv.slice(2);
if (!existsSync(sharedRoot)) {
  console.log(`Skipping: the shared data folder ${sharedRoot} is missing.`);
  process.exit(0);
}
const files = args.flatMap((a, i) => (args[i - 1] === '--data' ? [path.resolve(a)] : []));
if (!files.length) {
  files.push(path.join(sharedRoot, 'data/tempeval3/tbaq-timebank.jsonl'), path.join(sharedRoot, 'data/tempeval3/tbaq-aquaint.jsonl'));
}
timeSeed();
if (args.includes('--extras')) {
  evaluateGum();
  console.log('');
  evaluatePages();
}
const half = args[args.indexOf('--half') + 1];
for (const file of files) {
  const c = evaluateTempEval(file, args.includes('--errors'), args.includes('--half') ? half : undefined);
  const s = summary(c);
  console.log(`\ndates relaxed_f1=${fmt(s.relaxedF1)} strict_f1=${fmt(s.strictF1)} value_acc=${fmt(s.valueAcc)} value_f1=${fmt(s.valueF1)}`);
}
