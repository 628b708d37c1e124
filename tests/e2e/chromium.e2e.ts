import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, openRealSidePanel, pressToolbarButton, serveFiles, type ExtensionBrowser } from '../../scripts/browser';
import { repoRoot } from '../../scripts/node-dom';
import { newsPage, newsParagraph } from '../fixtures/hostile/pages';
import { chromeBuild, NOT_AN_ARTICLE, openPanelFor, recordStates, tabIdOf } from './support';

// An image that arrives late keeps a page loading after its article can be read.
const LATE_IMAGE = '<img src="/late.png" width="1" height="1" alt="">';
const article = (paragraphs: number, extra = '') =>
  newsPage(Array.from({ length: paragraphs }, (_, i) => `<p>${newsParagraph(700, i)}</p>`).join('\n') + extra);
// When it has loaded, this page puts another story in place of the first, as some sites do.
const SWAPPING = article(
  4,
  `${LATE_IMAGE}<script>addEventListener('load', () => {
    document.title = document.querySelector('h1').textContent = 'Storm Closes Ports Along the Coast';
    for (const p of document.querySelectorAll('article p')) p.textContent = p.textContent.replaceAll('Geneva', 'Rotterdam');
  });</script>`,
);

let browser: ExtensionBrowser;
let site: Awaited<ReturnType<typeof serveFiles>>;
let helper: Page;

beforeAll(async () => {
  site = await serveFiles({
    '/article.html': resolve(repoRoot, 'demo/article.html'),
    '/login.html': { body: NOT_AN_ARTICLE },
    '/other.html': { body: article(4) },
    '/loading.html': { body: article(4, LATE_IMAGE) },
    '/streamed.html': { body: article(6), streamMs: 1_500 },
    '/swapping.html': { body: SWAPPING },
    '/late.png': { body: '', type: 'image/png', delayMs: 2_500 },
  });
  browser = await launchWithExtension(chromeBuild, { debuggingPort: true });
  helper = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the side panel in Chromium', () => {
  it('shows the seed article’s header, actors and timeline', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));

    await expect.poll(() => panel.getAttribute('main', 'data-state')).toBe('ready');
    expect(await panel.textContent('h1')).toBe('Khalilzad Urges Pakistan to Negotiate With TTP, Reviving Debate Over Failed Peace Deals');
    const header = await panel.textContent('header.article');
    expect(header).toContain('Newsflash');
    expect(header).toContain('16 September 2025');
    expect(header).toMatch(/\d+ min read/);

    const actors = await panel.locator('.actor .name').allTextContents();
    expect(actors).toContain('Zalmay Khalilzad');
    expect(actors).toEqual(expect.arrayContaining(['Pakistan', 'Tehreek-e-Taliban Pakistan', 'Abdul Ghani Baradar']));
    // Grouped by type, most salient first within each group.
    expect(await panel.locator('.actor-group').first().locator('.name').first().textContent()).toBe('Zalmay Khalilzad');
    const timeline = await panel.locator('.timeline time').allTextContents();
    expect(timeline).toEqual(expect.arrayContaining(['2007', '2022', 'April 2025', 'Sun 14 Sep 2025', 'Tue 16 Sep 2025']));

    // A link to a part of the page is the same page: the report stays, and nothing is analysed again.
    const states = await recordStates(panel);
    await article.evaluate(() => (location.hash = '#comments'));
    await panel.waitForTimeout(1_000);
    expect(await states()).toEqual([]);
    // The new address was read (a read starts a new set of marks) but not analysed.
    expect(await panel.evaluate(() => ['read', 'analysed'].map((stage) => performance.getEntriesByName(`backstory:${stage}`).length))).toEqual([1, 0]);
    await panel.close();
    await article.close();
  });

  it('highlights an actor’s mentions in the page without changing its DOM', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    const before = await article.evaluate(() => document.body.innerHTML);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    await panel.getByRole('button', { name: /^Zalmay Khalilzad, \d+ mentions/ }).click();
    await expect.poll(() => article.evaluate(() => CSS.highlights.get('backstory-mentions')?.size ?? 0)).toBeGreaterThan(5);
    const focused = await article.evaluate(() => [...(CSS.highlights.get('backstory-focus') ?? [])].map((r) => (r as Range).toString()));
    expect(focused[0]).toMatch(/Khalilzad/);
    expect(await article.evaluate(() => document.body.innerHTML)).toBe(before);
    await panel.getByRole('button', { name: 'Next mention' }).click();
    await expect.poll(() => panel.textContent('.stepper')).toMatch(/2 of \d+/);

    // A timeline entry highlights its sentence in the page.
    await panel.getByRole('button', { name: /^2007: show in page/ }).click();
    await expect
      .poll(() => article.evaluate(() => [...(CSS.highlights.get('backstory-focus') ?? [])].map((r) => (r as Range).toString())))
      .toEqual([expect.stringMatching(/^Since 2007, successive governments have entered talks/)]);
    expect(await article.evaluate(() => document.body.innerHTML)).toBe(before);
    await panel.close();
    await article.close();
  });

  it('keeps the report on screen when the page finishes loading, and shows a new one if the page changed its story', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/loading.html`, { waitUntil: 'domcontentloaded' });
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, page));
    expect(await panel.getAttribute('main', 'data-state')).toBe('ready');
    // Every state the panel shows from now on.
    const states = await recordStates(panel);
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    await page.waitForLoadState('load');
    await panel.waitForTimeout(1_000);
    expect(await states()).toEqual([]);
    expect(await panel.textContent('h1')).toBe('Talks to Resume in Geneva as Ceasefire Holds');

    await page.goto(`${site.origin}/swapping.html`, { waitUntil: 'domcontentloaded' });
    await page.waitForLoadState('load');
    await expect.poll(() => panel.textContent('h1'), { timeout: 10_000 }).toBe('Storm Closes Ports Along the Coast');
    expect(await panel.locator('.actor .name').allTextContents()).toContain('Rotterdam');
    await panel.close();
    await page.close();
  });

  it('reads a page the tab goes to while it is still arriving, once it has all been parsed', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/login.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, page));
    expect(await panel.getAttribute('main', 'data-state')).toBe('no-article');
    const states = await recordStates(panel);
    // Half the page comes at once and the rest 1.5 s later: the panel's read goes in while the page is
    // still being parsed, and answers with the whole article, without a "still loading" on the way.
    const started = Date.now();
    await page.goto(`${site.origin}/streamed.html`, { waitUntil: 'commit' });
    await expect.poll(() => panel.getAttribute('main', 'data-state'), { timeout: 15_000 }).toBe('ready');
    expect(await states()).toEqual(['reading', 'ready']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect(await panel.textContent('h1')).toBe('Talks to Resume in Geneva as Ceasefire Holds');
    // All of it, not the half that had arrived when the read went in.
    const shown = Number(/([\d,]+) words/.exec((await panel.textContent('header.article')) ?? '')?.[1].replace(/,/g, ''));
    const whole = Array.from({ length: 6 }, (_, i) => newsParagraph(700, i).split(/\s+/).length).reduce((a, b) => a + b);
    expect(shown).toBeGreaterThan(whole * 0.9);
    await panel.close();
    await page.close();
  });

  it('says when a page has no article, and reads it anyway on request', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/login.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, page));
    expect(await panel.getAttribute('main', 'data-state')).toBe('no-article');
    expect(await panel.textContent('main')).toContain('No article found here');
    await panel.getByRole('button', { name: 'Read it anyway' }).click();
    await expect.poll(() => panel.getAttribute('main', 'data-state')).toMatch(/ready|no-article/);
    await panel.close();
    await page.close();
  });

  it('explains that the browser’s own pages cannot be read', async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://version');
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, page));
    expect(await panel.getAttribute('main', 'data-state')).toBe('restricted');
    expect(await panel.textContent('main')).toContain('browser’s own pages');
    await panel.close();
    await page.close();
  });

  it('asks for the go-ahead on a site it has no permission for', async () => {
    const page = await browser.context.newPage();
    // localhost is not the granted 127.0.0.1, so this is a site the reader has not allowed.
    await page.goto(`${site.origin.replace('127.0.0.1', 'localhost')}/article.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, page));
    expect(await panel.getAttribute('main', 'data-state')).toBe('permission');
    expect(await panel.getByRole('button', { name: 'Read this page' }).isVisible()).toBe(true);
    await panel.close();
    await page.close();
  });

  /** Opens the demo article from `origin` and the real side panel on it with the toolbar button, and waits for its report. */
  async function seedInSidePanel(origin: string) {
    const article = await browser.context.newPage();
    await article.goto(`${origin}/article.html`);
    const { panel, cdp } = await openRealSidePanel(browser, article);
    expect(panel, 'the side panel did not open').toBeDefined();
    await expect.poll(() => panel!.getAttribute('main', 'data-state'), { timeout: 20_000 }).toBe('ready');
    expect(await panel!.textContent('h1')).toContain('Khalilzad Urges Pakistan');
    return { article, sidePanel: panel!, cdp };
  }

  /** Presses the toolbar button on `page` and waits for the side panel to close, as a second press of Chrome's own button would. */
  async function closeByPress(sidePanel: Page, page: Page) {
    const closed = sidePanel.waitForEvent('close', { timeout: 10_000 });
    await pressToolbarButton(browser, page);
    await closed;
  }

  it('opens as the real side panel from the toolbar button, and follows the reader to the article', async () => {
    const { article, sidePanel, cdp } = await seedInSidePanel(site.origin);
    try {
      // It follows the reader to another tab, and back, where it shows the report it had at once.
      const other = await browser.context.newPage();
      await other.goto(`${site.origin}/other.html`);
      await other.bringToFront();
      await expect.poll(() => sidePanel.textContent('h1'), { timeout: 20_000 }).toBe('Talks to Resume in Geneva as Ceasefire Holds');
      await expect.poll(() => sidePanel.getAttribute('main', 'data-state'), { timeout: 20_000 }).toBe('ready');
      await sidePanel.waitForTimeout(1_000); // any read the tab's loading started is over
      const states = await recordStates(sidePanel);
      await article.bringToFront();
      await expect.poll(() => sidePanel.textContent('h1'), { timeout: 5_000 }).toContain('Khalilzad Urges Pakistan');
      await sidePanel.waitForTimeout(1_000);
      expect(await states()).toEqual([]);
      await other.close();
      await closeByPress(sidePanel, article);
    } finally {
      await cdp.close();
    }
    // Pressed open again on the page, it shows the report it kept without analysing the article again.
    const again = await openRealSidePanel(browser, article);
    try {
      expect(again.panel, 'the side panel did not open').toBeDefined();
      await expect.poll(() => again.panel!.getAttribute('main', 'data-state'), { timeout: 20_000 }).toBe('ready');
      expect(await again.panel!.textContent('h1')).toContain('Khalilzad Urges Pakistan');
      await again.panel!.waitForTimeout(500); // the page is read again behind the report
      expect(await again.panel!.evaluate(() => ['shown', 'analysed'].map((stage) => performance.getEntriesByName(`backstory:${stage}`).length))).toEqual([1, 0]);
      await closeByPress(again.panel!, article);
    } finally {
      await again.cdp.close();
    }
    await article.close();
  });

  it('reads a site it has no standing permission for, once the toolbar button is pressed there', async () => {
    // localhost is not the granted 127.0.0.1: only the press's activeTab grant lets the panel read it.
    // (With Chrome opening the panel itself, openPanelOnActionClick, the press granted nothing and the panel asked for permission.)
    const { article, sidePanel, cdp } = await seedInSidePanel(site.origin.replace('127.0.0.1', 'localhost'));
    try {
      // The panel follows the reader to another such tab, which it may not read until the button is pressed there.
      // It waits there without a blink when the page finishes loading (its picture comes 2.5 s late); then
      // the press reads the page, where it would otherwise close the panel.
      const other = await browser.context.newPage();
      await other.goto(`${site.origin.replace('127.0.0.1', 'localhost')}/loading.html`, { waitUntil: 'domcontentloaded' });
      await other.bringToFront();
      await expect.poll(() => sidePanel.getAttribute('main', 'data-state'), { timeout: 20_000 }).toBe('permission');
      const states = await recordStates(sidePanel);
      await other.waitForLoadState('load');
      await sidePanel.waitForTimeout(500);
      expect(await states()).toEqual([]);
      await pressToolbarButton(browser, other);
      await expect.poll(() => sidePanel.getAttribute('main', 'data-state'), { timeout: 20_000 }).toBe('ready');
      expect(await sidePanel.textContent('h1')).toBe('Talks to Resume in Geneva as Ceasefire Holds');

      await closeByPress(sidePanel, other);
      await other.close();
    } finally {
      await cdp.close();
    }
    await article.close();
  });
});
