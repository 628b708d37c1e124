import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, serveFiles, type ExtensionBrowser } from '../../scripts/browser';
import { repoRoot } from '../../scripts/node-dom';
import { chromeBuild, openPanelFor, tabIdOf } from './support';

const profile = mkdtempSync(join(tmpdir(), 'backstory-highlights-'));
let browser: ExtensionBrowser;
let site: Awaited<ReturnType<typeof serveFiles>>;
let helper: Page;

async function start() {
  browser = await launchWithExtension(chromeBuild, { userDataDir: profile });
  helper = await openExtensionPage(browser);
}

/** Selects from the start of the paragraph holding `from` to the end of the one holding `to`. */
async function select(page: Page, from: string, to: string) {
  await page.evaluate(
    ([from, to]) => {
      const paragraphs = [...document.querySelectorAll('article p')];
      const first = paragraphs.find((p) => p.textContent!.includes(from))!;
      const last = paragraphs.find((p) => p.textContent!.includes(to))!;
      const range = document.createRange();
      range.setStart(first.firstChild!, 0);
      range.setEnd(last.lastChild!, last.lastChild!.textContent!.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [from, to],
  );
}

const paintedTexts = (page: Page) =>
  page.evaluate(() => [...(CSS.highlights.get('backstory-yellow') ?? [])].map((r) => (r as Range).toString().replace(/\s+/g, ' ').trim()));

beforeAll(async () => {
  site = await serveFiles({ '/article.html': resolve(repoRoot, 'demo/article.html') });
  await start();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('highlights in Chromium', () => {
  it('saves a selection from the panel and through the context-menu path, paints both and lists them', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    const tabId = await tabIdOf(helper, article);
    const panel = await openPanelFor(browser.context, browser.extensionId, tabId);

    await select(article, 'Officials stress that every round', 'Officials stress that every round');
    await panel.getByRole('button', { name: 'Save selection' }).click();
    await expect.poll(() => panel.textContent('.highlights-status')).toContain('Highlight saved');
    await expect.poll(() => paintedTexts(article)).toEqual([expect.stringMatching(/^Officials stress that every round of dialogue/)]);

    // What the "Save highlight to Backstory" menu item calls, with a selection across two paragraphs.
    await select(article, 'This track record shows', 'During his tenure as US special representative');
    const saved = await browser.context.serviceWorkers()[0].evaluate(
      (id) => (globalThis as unknown as { backstoryTest: { saveSelectionInTab(id: number): Promise<{ ok: boolean }> } }).backstoryTest.saveSelectionInTab(id),
      tabId,
    );
    expect(saved.ok).toBe(true);
    await expect.poll(() => paintedTexts(article).then((t) => t.length)).toBe(2);
    await expect.poll(() => panel.locator('.highlights-list li').count()).toBe(2);
    // The page's DOM is untouched: no <mark>, no <style> of ours.
    expect(await article.locator('mark, style#backstory-highlight-style').count()).toBe(0);
    await panel.close();
    await article.close();
  });

  it('paints them again after a reload, and after the browser restarts', async () => {
    let article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    let panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    await expect.poll(() => paintedTexts(article).then((t) => t.length)).toBe(2);
    await article.reload();
    await expect.poll(() => panel.getAttribute('main', 'data-state')).toBe('ready');
    await expect.poll(() => paintedTexts(article).then((t) => t.length), { timeout: 15_000 }).toBe(2);

    // Opened again after another reload, the panel shows the report it kept (nothing is analysed), reads the new
    // document behind it, and paints the highlights there.
    await panel.close();
    await article.reload();
    panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    await expect.poll(() => paintedTexts(article).then((t) => t.length), { timeout: 15_000 }).toBe(2);
    expect(await panel.evaluate(() => ['shown', 'analysed'].map((stage) => performance.getEntriesByName(`backstory:${stage}`).length))).toEqual([1, 0]);
    expect(await panel.locator('.highlights-list li').count()).toBe(2);
    expect(await panel.textContent('.highlights-status')).not.toContain('could not');
    await panel.close();

    await browser.close();
    await start();
    article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    await expect.poll(() => paintedTexts(article).then((t) => t.length), { timeout: 15_000 }).toBe(2);
    expect(await panel.locator('.highlights-list li').count()).toBe(2);
    await panel.close();
    await article.close();
  });

  it('paints them on page load without the panel once automatic restore is on', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    await panel.getByRole('button', { name: 'Restore highlights automatically' }).click();
    await expect.poll(() => panel.textContent('.restore-setting')).toContain('even with Backstory closed');
    await panel.close();
    await article.close();

    const revisit = await browser.context.newPage();
    await revisit.goto(`${site.origin}/article.html`);
    await expect.poll(() => paintedTexts(revisit).then((t) => t.length), { timeout: 15_000 }).toBe(2);
    await revisit.close();
  });

  it('exports them as Web Annotation JSON', async () => {
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    await expect.poll(() => panel.locator('.highlights-list li').count()).toBe(2);
    await panel.selectOption('#highlights-export-page', 'json');
    const [download] = await Promise.all([panel.waitForEvent('download'), panel.locator('.highlights-export button').click()]);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    const annotations = file.items ?? file.first?.items ?? file;
    expect(annotations).toHaveLength(2);
    expect(annotations[0].target.selector).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'TextQuoteSelector' })]));
    expect(annotations.map((a: { target: { source: string } }) => a.target.source)).toEqual([`${site.origin}/article.html`, `${site.origin}/article.html`]);
    await panel.close();
    await article.close();
  });
});
