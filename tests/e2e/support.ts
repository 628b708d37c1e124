import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/node-dom';

/** The end-to-end build (BACKSTORY_E2E=1): the same extension, with the test server's origin granted. */
export const chromeBuild = resolve(repoRoot, '.output/e2e/chrome-mv3');
export const firefoxBuild = resolve(repoRoot, '.output/e2e/firefox-mv2');

export const NOT_AN_ARTICLE = `<!doctype html><html lang="en"><head><title>Sign in</title></head>
<body><nav><a href="/">Home</a></nav><form><label>Email <input name="email"></label><button>Sign in</button></form></body></html>`;

/**
 * The id Chromium gave a page's tab, asked from an extension page. The
 * extension sees no URLs of tabs it may not read, so the page is brought to
 * the front and found as the active tab.
 */
export async function tabIdOf(extensionPage: Page, page: Page): Promise<number> {
  await page.bringToFront();
  return extensionPage.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab?.id) throw new Error('no active tab');
    return tab.id;
  });
}

/** Opens the side panel's page as a tab pinned to `tabId`, and waits for it to settle. */
export async function openPanelFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.waitForSelector('main:not([data-state="starting"]):not([data-state="reading"])', { timeout: 30_000 });
  return panel;
}
