import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelFile } from '../../lib/actors/model-file';
import { analyzeArticle } from '../../lib/analyze';
import { extractFromPage } from '../../lib/page/extract';
import { launchWithExtension, openExtensionPage, serveFiles, type ExtensionBrowser } from '../../scripts/browser';
import { hasShared } from '../../scripts/node-dom';
import { realPages, seedArticle } from '../helpers/pages';
import { loadedDocument } from '../robustness/documents';
import { chromeBuild, tabIdOf } from './support';

// Every real page of ../shared/data and the seed article, read by the built extension in Chromium:
// each settles within the budget, with no error in the panel, and shows what the Node pipeline
// (on which the evaluations and benchmarks run, with jsdom) finds in the same page.
const pages = [
  ...realPages().map((page) => ({ name: page.name, html: page.source })),
  ...(hasShared ? [{ name: 'seed-article', html: seedArticle().html }] : []),
];
const BUDGET_MS = 20_000;

interface Shown {
  state: string;
  title: string;
  words: number;
  actors: string[];
  dates: number;
}

/** What the Node pipeline gives for the page (the page script's extraction, then the analysis), in the panel's terms. */
async function expected(html: string, url: string): Promise<Shown> {
  const response = extractFromPage(await loadedDocument(html, { url }), false);
  if (!response.ok) return { state: 'no-article', title: '', words: 0, actors: [], dates: 0 };
  const report = analyzeArticle(response.article, { links: response.links, extractMs: response.extractMs });
  return {
    state: 'ready',
    title: report.article.title,
    words: report.article.wordCount,
    actors: report.actors.map((actor) => actor.name).sort(),
    dates: report.dates.length,
  };
}

const SHOWN = `(() => {
  const facts = document.querySelector('.facts')?.textContent ?? '';
  return {
    state: document.querySelector('main')?.dataset.state ?? '',
    title: document.querySelector('#article-title')?.textContent ?? '',
    words: Number(/([\\d,]+) words/.exec(facts)?.[1].replaceAll(',', '') ?? 0),
    actors: [...document.querySelectorAll('.actor .name')].map((name) => name.textContent).sort(),
    dates: document.querySelectorAll('.timeline > li').length,
  };
})()`;

let browser: ExtensionBrowser;
let site: Awaited<ReturnType<typeof serveFiles>>;
let helper: Page;

beforeAll(async () => {
  if (!pages.length) return;
  loadModelFile();
  site = await serveFiles(Object.fromEntries(pages.map((page) => [`/${page.name}/`, { body: page.html }])));
  // Hosts other than the test server fail at once: a real page's ads and scripts do not hang on a closed network.
  browser = await launchWithExtension(chromeBuild, { localOnly: true });
  helper = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.skipIf(!pages.length)('every real page in Chromium', () => {
  it(`settles within ${BUDGET_MS / 1000} s with no error, showing what the Node pipeline finds`, { timeout: 600_000 }, async () => {
    const mismatches: string[] = [];
    const times: Array<[number, string]> = [];
    for (const { name, html } of pages) {
      const url = `${site.origin}/${name}/`;
      const article = await browser.context.newPage();
      await article.goto(url, { waitUntil: 'load', timeout: 30_000 });
      const tabId = await tabIdOf(helper, article);
      const panel = await browser.context.newPage();
      const errors: string[] = [];
      panel.on('pageerror', (error) => errors.push(error.message));
      panel.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      const started = Date.now();
      await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tabId=${tabId}`);
      await panel.waitForSelector('main:not([data-state="starting"]):not([data-state="reading"])', { timeout: BUDGET_MS });
      const took = Date.now() - started;
      times.push([took, name]);
      const shown = (await panel.evaluate(SHOWN)) as Shown;
      const want = await expected(html, url);
      // A page's own scripts run in the browser, not in jsdom: youth's writes a line of text after its article.
      if (Math.abs(shown.words - want.words) <= want.words / 100) shown.words = want.words;
      if (JSON.stringify(shown) !== JSON.stringify(want)) mismatches.push(`${name}: panel ${JSON.stringify(shown)}\n  node ${JSON.stringify(want)}`);
      if (errors.length) mismatches.push(`${name}: errors in the panel: ${errors.join(' | ')}`);
      if (took > BUDGET_MS) mismatches.push(`${name}: settled after ${took} ms`);
      await panel.close();
      await article.close();
    }
    const [slowest, slowestName] = times.sort(([a], [b]) => b - a)[0];
    console.info(`${pages.length} real pages read in Chromium; the slowest panel settled ${slowest} ms after opening (${slowestName}).`);
    expect(mismatches).toEqual([]);
  });
});
