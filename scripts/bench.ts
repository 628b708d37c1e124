/**
 * `npm run bench [-- --runs N] [--page NAME]`: times the whole pipeline,
 * offline, over every page in ../shared/data/readability-pages plus the seed
 * article, and the same texts through the baseline a reader would otherwise
 * pick (compromise's people/places/organizations and chrono-node's parse).
 *
 * Each page is parsed once (jsdom's parsing is not our cost and is reported
 * apart), then run once to warm up and N more times. A stage's figure for a
 * page is its median over the runs; the table gives the median and p95 of
 * those over all pages. Prints markdown that can be pasted into the README.
 * Without --page it also times findActors on the longest text the analysis
 * reads (the pages' texts joined, cut at MAX_TEXT_CHARS).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { analyzeArticle } from '../lib/analyze';
import { findActors } from '../lib/actors';
import { MODEL_FILE, loadModelFile } from '../lib/actors/model-file';
import { harvestLinks } from '../lib/background';
import { MAX_TEXT_CHARS, extractArticle, type ExtractedArticle } from '../lib/extract/article';
import type { PageLink } from '../lib/messages';
import { hasShared, parseHtml, sharedDir } from './node-dom';

interface BenchPage {
  name: string;
  html: string;
  url: string;
}

/** One page's times over the measured runs, by stage, in ms. */
type Samples = Record<Stage, number[]>;

const STAGES = ['parse', 'extract', 'actors', 'dates', 'links', 'analysis', 'total', 'baseActors', 'baseDates', 'baseTotal'] as const;
type Stage = (typeof STAGES)[number];

const LABELS: Record<Stage, string> = {
  parse: 'parse (jsdom, not ours)',
  extract: 'extract (Readability + harvestLinks)',
  actors: 'actors',
  dates: 'dates',
  links: 'links',
  analysis: 'analysis (actors + dates + links)',
  total: 'total (extract + analysis)',
  baseActors: 'baseline actors (compromise)',
  baseDates: 'baseline dates (chrono-node)',
  baseTotal: 'baseline analysis (compromise + chrono)',
};

// What each of our stages is compared with.
const BASELINE_OF: Partial<Record<Stage, Stage>> = { actors: 'baseActors', dates: 'baseDates', analysis: 'baseTotal' };

// The seed article's budgets (issue 7), in ms of median time.
const SEED_BUDGETS = { analysis: 20, actors: 15, dates: 10 };
const SEED_RUNS = 21;

const peak = { rss: 0, heapUsed: 0 };
function sampleMemory(): void {
  const { rss, heapUsed } = process.memoryUsage();
  peak.rss = Math.max(peak.rss, rss);
  peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
}

function time<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

/** The value below which `p` of the sorted values lie (nearest rank). */
function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const median = (values: number[]) => percentile(values, 0.5);

function loadPages(only: string | undefined): BenchPage[] {
  const root = resolve(sharedDir, 'data/readability-pages');
  const index = JSON.parse(readFileSync(resolve(root, 'index.json'), 'utf8')) as { pages: Array<{ name: string }> };
  const pages: BenchPage[] = index.pages
    .filter((p) => existsSync(resolve(root, p.name, 'source.html')))
    .map((p) => ({ name: p.name, html: readFileSync(resolve(root, p.name, 'source.html'), 'utf8'), url: `https://${p.name}.example/article` }));
  const seed = resolve(sharedDir, 'fixtures/seed-article');
  const gold = JSON.parse(readFileSync(resolve(seed, 'gold.json'), 'utf8')) as { url?: string };
  pages.push({ name: 'seed-article', html: readFileSync(resolve(seed, 'article.html'), 'utf8'), url: gold.url ?? 'https://seed.example/article' });
  return only ? pages.filter((p) => p.name === only) : pages;
}

/** The baseline: what compromise and chrono-node find in the same text, with no further work. */
function baseline(text: string, now: Date): { actors: number; dates: number; actorsMs: number; datesMs: number } {
  const [actors, actorsMs] = time(() => {
    const doc = nlp(text);
    return doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
  });
  const [dates, datesMs] = time(() => chrono.parse(text, now).length);
  return { actors, dates, actorsMs, datesMs };
}

/** One run of one page through our pipeline and the baseline; null when the page has no article. */
function runPage(doc: Document, page: BenchPage, now: Date): Omit<Record<Stage, number>, 'parse'> | null {
  const [extracted, extractMs] = time(() => {
    const result = extractArticle(doc, { url: page.url });
    if (!result.ok) return null;
    return { article: result.article, links: harvestLinks(doc, page.url, result.article.contentHtml) as PageLink[] };
  });
  sampleMemory();
  if (!extracted) return null;
  const [report, analysisMs] = time(() => analyzeArticle(extracted.article, { links: extracted.links, extractMs, now }));
  sampleMemory();
  const base = baseline(extracted.article.text, now);
  sampleMemory();
  const t = report.timings;
  return {
    extract: extractMs,
    actors: t.actorsMs ?? NaN,
    dates: t.datesMs ?? NaN,
    links: t.linksMs ?? NaN,
    analysis: analysisMs,
    total: extractMs + analysisMs,
    baseActors: base.actorsMs,
    baseDates: base.datesMs,
    baseTotal: base.actorsMs + base.datesMs,
  };
}

/** Times the model's load apart from tagging: reading and decoding its file, and the first findActors call against later ones. */
function modelLoad(seedText: ExtractedArticle | null): string {
  const parts: string[] = [];
  const [, firstLoad] = time(() => loadModelFile());
  const [, secondLoad] = time(() => loadModelFile());
  parts.push(`ner.bin ${(statSync(MODEL_FILE).size / 1024).toFixed(0)} KB, read and decoded in ${firstLoad.toFixed(1)} ms (again: ${secondLoad.toFixed(1)} ms)`);
  if (seedText) {
    const args = [seedText.text, { title: seedText.info.title, ledeEnd: seedText.ledeEnd }] as const;
    const [, first] = time(() => findActors(...args));
    const later = Array.from({ length: 5 }, () => time(() => findActors(...args))[1]);
    parts.push(`findActors on the seed: 1st call ${first.toFixed(1)} ms, calls 2–6 median ${median(later).toFixed(1)} ms (the JIT still warming: a fresh worker pays this; the steady state is the table's)`);
  }
  return parts.join('; ');
}

/** findActors on the longest text the analysis reads: the pages' texts joined and cut at MAX_TEXT_CHARS. */
function longestText(texts: string[]): string {
  const text = ['The longest text', ...texts].join('\n\n').slice(0, MAX_TEXT_CHARS);
  findActors(text);
  const runs = Array.from({ length: 3 }, () => time(() => findActors(text))[1]);
  return `findActors on ${text.length.toLocaleString('en-US')} characters (the pages' texts joined, cut where the analysis stops reading): ${fmt(median(runs))} ms, median of 3 runs after 1 warm-up`;
}

const fmt = (ms: number) => (Number.isFinite(ms) ? (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)) : '–');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const rate = (words: number, ms: number) => (ms > 0 ? Math.round((words / ms) * 1000).toLocaleString('en-US') : '–');

function main(): void {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, page: { type: 'string' } } });
  const runs = Math.max(1, Number(values.runs) || 5);
  if (!hasShared) {
    console.log(`bench: ${sharedDir}/data is missing, so there are no pages to time. Put the shared data beside the project and run again.`);
    return;
  }
  const now = new Date('2025-09-16T12:00:00Z');
  const pages = loadPages(values.page);
  const startedAt = new Date();
  sampleMemory();

  // The model loads before anything else touches it, so its load is timed on its own.
  const seedPage = pages.find((p) => p.name === 'seed-article');
  const seedResult = seedPage ? extractArticle(parseHtml(seedPage.html, seedPage.url), { url: seedPage.url }) : null;
  const model = modelLoad(seedResult?.ok ? seedResult.article : null);

  const perPage = new Map<string, { samples: Samples; words: number }>();
  const noArticle: string[] = [];
  const texts: string[] = [];
  for (const page of pages) {
    const [doc, parseMs] = time(() => parseHtml(page.html, page.url));
    sampleMemory();
    const samples = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Samples;
    samples.parse.push(parseMs);
    const warm = runPage(doc, page, now);
    if (!warm) {
      noArticle.push(page.name);
      doc.defaultView?.close();
      continue;
    }
    // The seed carries the budgets, so it gets enough runs for a steady median.
    const pageRuns = page.name === 'seed-article' ? Math.max(runs, SEED_RUNS) : runs;
    for (let run = 0; run < pageRuns; run++) {
      const result = runPage(doc, page, now)!;
      for (const stage of STAGES) if (stage !== 'parse') samples[stage].push(result[stage]);
    }
    const words = extractArticle(doc, { url: page.url });
    perPage.set(page.name, { samples, words: words.ok ? words.article.info.wordCount : 0 });
    if (words.ok) texts.push(words.article.text);
    // jsdom keeps a window alive until it is closed; without this the memory figures are jsdom's.
    doc.defaultView?.close();
    process.stderr.write('.');
  }
  process.stderr.write('\n');

  const measured = [...perPage.values()];
  const totalWords = measured.reduce((sum, p) => sum + p.words, 0);
  const medianOf = (stage: Stage) => measured.map((p) => median(p.samples[stage]));
  const rows = STAGES.map((stage) => {
    const medians = medianOf(stage);
    const sum = medians.reduce((a, b) => a + b, 0);
    const base = BASELINE_OF[stage];
    const ratio = base ? `${(sum / medianOf(base).reduce((a, b) => a + b, 0)).toFixed(2)}×` : '';
    return `| ${LABELS[stage]} | ${fmt(median(medians))} | ${fmt(percentile(medians, 0.95))} | ${rate(totalWords, sum)} | ${ratio} |`;
  });

  console.log(`Benchmark ${startedAt.toISOString().slice(0, 10)}: \`npm run bench -- --runs ${runs}\` · Node ${process.version} · ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}`);
  console.log(`${measured.length} pages with an article (${totalWords.toLocaleString('en-US')} words), median of ${runs} runs after 1 warm-up per page.`);
  if (noArticle.length) console.log(`No article (not timed past extraction): ${noArticle.join(', ')}.`);
  console.log('');
  console.log('| stage | median ms/page | p95 ms/page | words/s | ours ÷ baseline |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log('');
  console.log(`Peak memory: rss ${mb(peak.rss)}, heapUsed ${mb(peak.heapUsed)} (mostly jsdom: its documents stay in memory even when closed; the analysis itself retains nothing from page to page).`);
  console.log(`Model load: ${model}.`);

  const seed = perPage.get('seed-article');
  if (seed) {
    const m = (stage: Stage) => median(seed.samples[stage]);
    const check = (stage: keyof typeof SEED_BUDGETS) => `${stage} ${fmt(m(stage))} ms (budget ${SEED_BUDGETS[stage]}: ${m(stage) < SEED_BUDGETS[stage] ? 'ok' : 'OVER'})`;
    console.log(
      `Seed article (${seed.words} words, median of ${seed.samples.actors.length} runs): ${check('analysis')}, ${check('actors')}, ${check('dates')}, links ${fmt(m('links'))} ms; extract ${fmt(m('extract'))} ms, parse ${fmt(m('parse'))} ms; baseline ${fmt(m('baseTotal'))} ms.`,
    );
  }
  if (values.page === undefined) {
    const slowest = [...perPage.entries()].sort((a, b) => median(b[1].samples.total) - median(a[1].samples.total)).slice(0, 3);
    console.log(`Slowest pages (total): ${slowest.map(([name, p]) => `${name} ${fmt(median(p.samples.total))} ms`).join(', ')}.`);
    console.log(`Longest text: ${longestText(texts)}.`);
  }
}

main();
