/**
 * `npm run bench:highlights`: how long the highlight work takes where it
 * matters. Anchoring 500 saved highlights on a large page (eight readability
 * pages one after another, about 110,000 characters of text: longer than
 * any single test page), as saved and after the page changed (an ad at the
 * top, so every stored position is off), and searching 10,000 saved
 * highlights. Prints the median of several runs after a warm-up. Not a test:
 * the numbers depend on the machine (and jsdom is slower than a browser).
 * Then, where Chromium and the end-to-end build (`npm run build:e2e`) are
 * there, the same page and highlights in headless Chromium: the panel's
 * request to paint all 500 (the page script's anchoring, its DOM Ranges and
 * the CSS highlights) until the page's answer is back.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { findChromium, launchWithExtension, openExtensionPage, serveFiles, tabIdOf } from './browser';
import { repoRoot } from './node-dom';
import { describeRange, prepareAnchoring } from '../lib/highlights/anchor';
import { matchQuote } from '../lib/highlights/match-quote';
import { searchHighlights } from '../lib/highlights/search';
import { buildTextModel, rangeFromOffsets } from '../lib/highlights/text-model';
import type { HighlightRecord, HighlightSelectors } from '../lib/highlights/types';
import { pageMessage } from '../lib/messages';
import { listPages, loadPage, pickPassage, seededRandom } from '../tests/highlights/alterations';

const RUNS = 5;
const PAGES = ['lwn-1', 'quanta-1', 'yahoo-2', 'yahoo-3', 'medicalnewstoday', 'nytimes-3', 'nytimes-4', 'aclu'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs `fn` once to warm up, then `runs` times; returns the median in ms. */
function time(fn: () => void, count = RUNS): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    fn();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

if (!PAGES.every((p) => listPages().includes(p))) {
  console.log('bench:highlights skipped: ../shared/data/readability-pages is not there.');
  process.exit(0);
}

const { doc } = loadPage(PAGES[0]);
for (const name of PAGES.slice(1)) {
  const other = loadPage(name).doc;
  for (const child of Array.from(other.body.childNodes)) doc.body.appendChild(doc.importNode(child, true));
}
const rng = seededRandom(7);
const original = prepareAnchoring(doc);
const { model } = original;
const saved: HighlightSelectors[] = [];
const paragraphs = Array.from(doc.body.querySelectorAll('p, li, td')).filter((p) => (p.textContent ?? '').trim().length > 60);
while (saved.length < 500) {
  const span = pickPassage(doc, rng, model, paragraphs);
  if (span) saved.push(describeRange(doc, rangeFromOffsets(model, span[0], span[1]), original)!);
}

// Finding each quote in the page's text is the work anchoring adds; turning the offsets into DOM Ranges
// is the browser's, timed in Chromium below (jsdom's Ranges are far slower than a browser's on a tree this size).
const matchAll = () => {
  const { folded } = prepareAnchoring(doc);
  let found = 0;
  for (const { quote, position } of saved) {
    const match = matchQuote(folded, { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start: position?.start });
    if (!('orphan' in match)) found++;
  }
  return found;
};

console.log(`page (${PAGES.join(' + ')}): ${model.text.length.toLocaleString('en')} characters of text, ${model.nodes.length.toLocaleString('en')} text nodes`);
console.log(`text model (flatten the page)          median ${time(() => buildTextModel(doc)).toFixed(1)} ms`);
console.log(`match 500 quotes in the text           median ${time(matchAll).toFixed(1)} ms  (${matchAll()} found; includes the text model)`);

// The page as saved, for the browser's run below.
const pageHtml = `<!doctype html>${doc.documentElement.outerHTML}`;
const AD = 'Advertisement: a banner that pushes every stored position along.';
const ad = doc.createElement('div');
ad.textContent = AD;
doc.body.prepend(ad);
console.log(`match 500 quotes, ad on top            median ${time(matchAll).toFixed(1)} ms  (${matchAll()} found)`);

// 10,000 highlights over 400 pages, quotes drawn from the page's own text.
const words = model.text.split(' ');
const records: HighlightRecord[] = Array.from({ length: 10_000 }, (_, i) => {
  const at = Math.floor(rng() * (words.length - 30));
  const exact = words.slice(at, at + 5 + Math.floor(rng() * 25)).join(' ');
  const page = { url: `https://news.example/${i % 400}`, canonicalUrl: null, title: `Story ${i % 400}`, authors: [], site: 'News', published: null };
  return {
    id: `id-${i}`,
    pageKey: page.url,
    page,
    selectors: { quote: { type: 'TextQuoteSelector', exact } },
    note: i % 3 ? '' : 'follow up with the ministry',
    tags: i % 5 ? [] : ['economy'],
    colour: 'yellow',
    created: new Date(1.7e12 + i * 1000).toISOString(),
    modified: new Date(1.7e12 + i * 1000).toISOString(),
  };
});
const query = { text: 'the ministry' };
// The first search after loading builds each record's normalised text; later ones reuse it.
const fresh = () => records.map((r) => ({ ...r }));
const cold: number[] = [];
for (let i = 0; i <= RUNS; i++) {
  const copy = fresh();
  const start = performance.now();
  searchHighlights(copy, query);
  if (i) cold.push(performance.now() - start);
}
console.log(`search 10,000 highlights, first        median ${median(cold).toFixed(1)} ms`);
console.log(`search 10,000 highlights, 2 words      median ${time(() => searchHighlights(records, query)).toFixed(1)} ms  (${searchHighlights(records, query).length} match)`);
console.log(
  `search 10,000, words + tag filter      median ${time(() => searchHighlights(records, { text: 'follow', tags: ['Economy'] })).toFixed(1)} ms`,
);

await inChromium();

/** Paints the 500 saved highlights in headless Chromium with the built page script, as the panel asks it to. */
async function inChromium(): Promise<void> {
  const build = resolve(repoRoot, '.output/e2e/chrome-mv3');
  if (!findChromium() || !existsSync(resolve(build, 'manifest.json'))) {
    console.log('In Chromium: skipped (needs Chromium and `npm run build:e2e`).');
    return;
  }
  const site = await serveFiles({ '/page.html': { body: pageHtml } });
  const browser = await launchWithExtension(build, { localOnly: true });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/page.html`);
    const helper = await openExtensionPage(browser);
    const tabId = await tabIdOf(helper, page);
    const request = pageMessage('paintHighlights', { items: saved.map((selectors, i) => ({ id: `h${i}`, selectors, colour: 'yellow' as const })) });
    // Run in the extension page: the request the panel sends, timed until the page script's answer is back.
    const paintAll = async () =>
      (await helper.evaluate(
        async ({ tabId, request }) => {
          const start = performance.now();
          const result = await chrome.tabs.sendMessage(tabId, request);
          return { ms: performance.now() - start, found: (result as { anchored: unknown[] }).anchored.length };
        },
        { tabId, request },
      )) as { ms: number; found: number };
    const timePaint = async () => {
      await paintAll();
      const runs: Array<{ ms: number; found: number }> = [];
      for (let i = 0; i < RUNS; i++) runs.push(await paintAll());
      return { ms: median(runs.map((r) => r.ms)), found: runs[0].found };
    };
    await helper.evaluate(async (tabId) => void (await chrome.scripting.executeScript({ target: { tabId }, files: ['/page.js'] })), tabId);
    const plain = await timePaint();
    console.log(`Chromium: paint 500 (request → answer)  median ${plain.ms.toFixed(1)} ms  (${plain.found} found)`);
    await page.evaluate((text) => {
      const banner = document.createElement('div');
      banner.textContent = text;
      document.body.prepend(banner);
    }, AD);
    const moved = await timePaint();
    console.log(`Chromium: paint 500, ad on top         median ${moved.ms.toFixed(1)} ms  (${moved.found} found)`);
  } finally {
    await browser.close();
    await site.close();
  }
}
