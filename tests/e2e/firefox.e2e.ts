import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles } from '../../scripts/browser';
import { repoRoot } from '../../scripts/node-dom';
import { firefoxBuild } from './support';

const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFiles>>;

async function waitForPage(match: (url: string) => boolean): Promise<Page> {
  for (let i = 0; i < 100; i++) {
    // Puppeteer may still report a tab the extension opened as about:blank, so ask the tab itself.
    for (const page of await browser.pages()) {
      const url = await page.evaluate(() => location.href).catch(() => '');
      if (match(url)) return page;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error('the extension did not open its panel page');
}

/** Evaluates `probe` in the page until `done` accepts its answer (puppeteer's own waits lose track of extension tabs). */
async function poll<T>(page: Page, probe: (arg: string) => T | Promise<T>, done: (value: T) => boolean, arg = ''): Promise<T | undefined> {
  const until = Date.now() + 60_000;
  // A page between two documents cannot answer; that is no answer yet.
  const ask = () => page.evaluate(probe, arg).then((value) => value as T, () => undefined);
  let value = await ask();
  while ((value === undefined || !done(value)) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await ask();
  }
  return value;
}

describe.skipIf(!firefox)('the sidebar in Firefox', () => {
  beforeAll(async () => {
    site = await serveFiles({ '/article.html': resolve(repoRoot, 'demo/article.html') });
    browser = await puppeteer.launch({ browser: 'firefox', executablePath: firefox, headless: true, protocolTimeout: 60_000 });
    await browser.installExtension(firefoxBuild);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads the sidebar build and reads the seed article', async () => {
    const article = await browser.newPage();
    await article.goto(`${site.origin}/article.html`);
    // The end-to-end build opens its panel page in a tab (WebDriver BiDi may not navigate there).
    const panel = await waitForPage((url) => url.startsWith('moz-extension://') && url.includes('/sidepanel.html'));
    // Firefox may give the tab's address before its page has the extension's API, so ask until it has.
    const findArticleTab = async (origin: string) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser;
      const tabs = api?.tabs ? await api.tabs.query({}) : [];
      return tabs.find((t) => t.url?.startsWith(origin))?.id ?? -1;
    };
    const tabId = await poll(panel, findArticleTab, (id) => id > 0, site.origin);
    expect(tabId ?? -1, "the article's tab, as the panel page sees it").toBeGreaterThan(0);
    await panel.evaluate((id) => (location.search = `?tabId=${id}`), tabId).catch(() => undefined);
    const settled = await poll(panel, () => {
      const main = document.querySelector('main');
      return location.search.includes('tabId=0') ? null : (main?.getAttribute('data-state') ?? null);
    }, (state) => state !== null && !['starting', 'reading'].includes(state));
    expect(settled, await panel.evaluate(() => document.querySelector('main')?.textContent ?? '')).toBe('ready');
    expect(await panel.evaluate(() => document.querySelector('h1')?.textContent)).toContain('Khalilzad Urges Pakistan');
    const actors = await panel.evaluate(() => [...document.querySelectorAll('.actor .name')].map((n) => n.textContent));
    expect(actors).toContain('Zalmay Khalilzad');

    // Opened again, the panel shows the report it kept in storage.session, without analysing the article again.
    await panel.evaluate(() => location.reload()).catch(() => undefined);
    const marks = () => ['shown', 'analysed'].map((stage) => performance.getEntriesByName(`backstory:${stage}`).length).join();
    expect(await poll(panel, marks, (value) => value === '1,0')).toBe('1,0');
    expect(await panel.evaluate(() => document.querySelector('h1')?.textContent)).toContain('Khalilzad Urges Pakistan');
  });
});
