/**
 * `npm run bench:browser [-- --runs 7]`: what the reader waits for, in real
 * headless Chromium with the end-to-end build (`npm run build:e2e` first).
 * For the seed article, the largest real page and a generated 5 MB page,
 * the panel is opened on the article's tab (as a tab pinned to it, the way
 * the end-to-end tests do) once to warm up and then `runs` times, and the
 * time from the panel's navigation start to its actors and timeline being in
 * the DOM is recorded, with the stage timings of the report it rendered.
 * Prints medians; asserts nothing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { newsPage, newsParagraph } from '../tests/fixtures/hostile/pages';
import { findChromium, CHROMIUM_MISSING, launchWithExtension, serveFiles } from './browser';
import { hasShared, repoRoot, sharedDir } from './node-dom';

const BUILD = resolve(repoRoot, '.output/e2e/chrome-mv3');
// The goal: the panel filled within 300 ms of opening on the seed article.
const SEED_GOAL_MS = 300;

/** What the instrumented panel recorded in one run (see INSTRUMENT). */
interface PanelRun {
  /** ms since the panel's navigation start at which main[data-state] took each value. */
  states: Array<{ state: string; t: number }>;
  /** When the actors and timeline (or, failing those, the ready state's sections) were in the DOM. */
  filled: number | null;
  /** report.timings of the report the worker sent back. */
  timings: Record<string, number> | null;
  words: number | null;
  /** When the panel handed the article to the analysis worker, and when the report came back. */
  posted: number | null;
  received: number | null;
}

// Runs in the panel page before its own scripts: records each state change
// of <main> and the report the analysis worker posts back. Only instruments;
// changes nothing the panel does.
const INSTRUMENT = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const bench = (window.__bench = { states: [], filled: null, timings: null, words: null, posted: null, received: null });
  const Native = window.Worker;
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, transfer) => {
      if (bench.posted === null) bench.posted = performance.now();
      return post(message, transfer);
    };
    worker.addEventListener('message', (event) => {
      const report = event.data && event.data.report;
      if (report && bench.received === null) {
        bench.received = performance.now();
        bench.timings = report.timings;
        bench.words = report.article.wordCount;
      }
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
  new MutationObserver(() => {
    const main = document.querySelector('main');
    if (!main) return;
    const state = main.dataset.state;
    const last = bench.states[bench.states.length - 1];
    if (!last || last.state !== state) bench.states.push({ state, t: performance.now() });
    if (state === 'ready' && bench.filled === null && document.querySelector('.actor, .timeline time')) bench.filled = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})();`;

const SETTLED = 'main:not([data-state="starting"]):not([data-state="reading"])';

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
const median = (values: number[]) => percentile(values, 0.5);
const fmt = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(0) : '–');

/** The largest page in readability-pages, by its HTML. */
function largestRealPage(): { name: string; path: string } {
  const root = resolve(sharedDir, 'data/readability-pages');
  const index = JSON.parse(readFileSync(resolve(root, 'index.json'), 'utf8')) as { pages: Array<{ name: string }> };
  return index.pages
    .map((p) => ({ name: p.name, path: resolve(root, p.name, 'source.html') }))
    .filter((p) => existsSync(p.path))
    .sort((a, b) => statSync(b.path).size - statSync(a.path).size)[0];
}

/** The tab id Chromium gave `page`, asked from an extension page (the extension sees no URLs it may not read). */
async function tabIdOf(extensionPage: Page, page: Page): Promise<number> {
  await page.bringToFront();
  return extensionPage.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab?.id) throw new Error('no active tab');
    return tab.id;
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
  const runs = Math.max(1, Number(values.runs) || 7);
  if (!findChromium()) return void console.log(`bench:browser: ${CHROMIUM_MISSING}`);
  if (!existsSync(resolve(BUILD, 'manifest.json'))) return void console.log('bench:browser: no end-to-end build. Run `npm run build:e2e` first.');
  if (!hasShared) return void console.log(`bench:browser: ${sharedDir}/data is missing, so there are no pages to open.`);

  const largest = largestRealPage();
  const fiveMb = newsPage(Array.from({ length: 1100 }, (_, i) => `<p>${newsParagraph(4_800, i)}</p>`).join('\n'));
  const pages = [
    { label: 'seed article', route: '/seed.html', bytes: statSync(resolve(sharedDir, 'fixtures/seed-article/article.html')).size },
    { label: `largest real page (${largest.name})`, route: '/largest.html', bytes: statSync(largest.path).size },
    { label: 'generated 5 MB page', route: '/five-mb.html', bytes: Buffer.byteLength(fiveMb) },
  ];
  const site = await serveFiles({
    '/seed.html': resolve(sharedDir, 'fixtures/seed-article/article.html'),
    '/largest.html': largest.path,
    '/five-mb.html': { body: fiveMb },
  });
  const browser = await launchWithExtension(BUILD);
  const rows: string[] = [];
  let seedMedian = NaN;
  try {
    await browser.context.addInitScript(INSTRUMENT);
    const helper = await browser.context.newPage();
    await helper.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=999999`);
    for (const page of pages) {
      const article = await browser.context.newPage();
      await article.goto(`${site.origin}${page.route}`, { waitUntil: 'load', timeout: 60_000 });
      const tabId = await tabIdOf(helper, article);
      const measured: PanelRun[] = [];
      for (let run = 0; run <= runs; run++) {
        const panel = await browser.context.newPage();
        await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
        await panel.waitForSelector(SETTLED, { timeout: 120_000 });
        // Let the sections' mutation land before reading the record.
        await panel.waitForTimeout(50);
        const record = await panel.evaluate(() => (window as unknown as { __bench: PanelRun }).__bench);
        if (run > 0) measured.push(record);
        await panel.close();
        process.stderr.write('.');
      }
      await article.close();
      const ready = measured.map((r) => r.states.find((s) => s.state === 'ready')?.t ?? NaN);
      const filled = measured.map((r) => r.filled ?? NaN);
      const at = (r: PanelRun, state: string) => r.states.find((s) => s.state === state)?.t ?? NaN;
      const reading = measured.map((r) => at(r, 'reading'));
      const toWorker = measured.map((r) => (r.posted ?? NaN) - at(r, 'reading'));
      const inWorker = measured.map((r) => (r.received ?? NaN) - (r.posted ?? NaN));
      const render = measured.map((r) => (r.filled ?? at(r, 'ready')) - (r.received ?? NaN));
      const stage = (name: string) => median(measured.map((r) => r.timings?.[name] ?? NaN));
      const final = measured.at(-1)?.states.at(-1)?.state ?? '?';
      if (page.route === '/seed.html') seedMedian = median(filled);
      rows.push(
        `| ${page.label} | ${(page.bytes / 1024).toFixed(0)} KB | ${measured.at(-1)?.words ?? '–'} | ${final} | **${fmt(median(filled))}** | ${fmt(percentile(filled, 0.95))} | ${fmt(median(ready))} | ${fmt(median(reading))} | ${fmt(median(toWorker))} | ${fmt(median(inWorker))} | ${fmt(median(render))} | ${fmt(stage('extractMs'))} | ${fmt(stage('actorsMs'))} | ${fmt(stage('datesMs'))} | ${fmt(stage('linksMs'))} |`,
      );
    }
  } finally {
    process.stderr.write('\n');
    await browser.close();
    await site.close();
  }

  console.log(`Panel in headless Chromium ${new Date().toISOString().slice(0, 10)}: \`npm run bench:browser -- --runs ${runs}\` (.output/e2e/chrome-mv3), median of ${runs} runs after 1 warm-up.`);
  console.log(
    'All in ms. From the panel’s navigation start: when actors + timeline were in the DOM (p95 beside it), when <main> said ready, when the panel started reading the tab. ' +
      'Then the span from reading to handing the article to the worker (page script injection, extraction, messaging), in the worker (its start-up, model load and analysis) and rendering; ' +
      'the last four columns are the report’s own timings (extraction in the page, the rest in the worker).',
  );
  console.log('');
  console.log('| page | HTML | words | state | open → filled | p95 | open → ready | open → reading | reading → worker | worker | render | extract | actors | dates | links |');
  console.log('|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log('');
  console.log(`Seed article: panel filled ${fmt(seedMedian)} ms after opening (goal ${SEED_GOAL_MS} ms: ${seedMedian < SEED_GOAL_MS ? 'ok' : 'OVER'}).`);
}

void main();
