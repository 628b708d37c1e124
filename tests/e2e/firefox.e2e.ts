import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles } from '../../scripts/browser';
import { repoRoot } from '../../scripts/node-dom';
import { firefoxBuild } from './support';

const firefox = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
// A fixed internal UUID, so the test knows the extension's moz-extension:// address.
const UUID = '3f0c1a52-6d2e-4b8e-9a51-4c1b2d7e8f90';
const ADDON_ID = 'backstory@backstory.example';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFiles>>;

describe.skipIf(!firefox)('the sidebar in Firefox', () => {
  beforeAll(async () => {
    site = await serveFiles({ '/article.html': resolve(repoRoot, 'demo/article.html') });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefox,
      headless: true,
      protocolTimeout: 60_000,
      extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }) },
    });
    await browser.installExtension(firefoxBuild);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads the sidebar build and reads the seed article', async () => {
    const article = await browser.newPage();
    await article.goto(`${site.origin}/article.html`);
    const panel = await browser.newPage();
    await panel.goto(`moz-extension://${UUID}/sidepanel.html?tabId=0`);
    const tabId = await panel.evaluate(async (origin) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const tabs = await api.tabs.query({});
      return tabs.find((t) => t.url?.startsWith(origin))?.id ?? -1;
    }, site.origin);
    expect(tabId).toBeGreaterThan(0);
    await panel.goto(`moz-extension://${UUID}/sidepanel.html?tabId=${tabId}`);
    await panel.waitForSelector('main[data-state="ready"], main[data-state="failed"], main[data-state="no-article"]', { timeout: 60_000 });
    expect(await panel.$eval('main', (m) => m.getAttribute('data-state'))).toBe('ready');
    expect(await panel.$eval('h1', (h) => h.textContent)).toContain('Khalilzad Urges Pakistan');
    const actors = await panel.$$eval('.actor .name', (names) => names.map((n) => n.textContent));
    expect(actors).toContain('Zalmay Khalilzad');
  });
});
