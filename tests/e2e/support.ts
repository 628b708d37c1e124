import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../../scripts/node-dom';

export { tabIdOf } from '../../scripts/browser';

/** The end-to-end build (BACKSTORY_E2E=1): the same extension, with the test server's origin granted. */
export const chromeBuild = resolve(repoRoot, '.output/e2e/chrome-mv3');
export const firefoxBuild = resolve(repoRoot, '.output/e2e/firefox-mv2');

export const NOT_AN_ARTICLE = `<!doctype html><html lang="en"><head><title>Sign in</title></head>
<body><nav><a href="/">Home</a></nav><form><label>Email <input name="email"></label><button>Sign in</button></form></body></html>`;

/** Opens the side panel's page as a tab pinned to `tabId`, and waits for it to settle. */
export async function openPanelFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.waitForSelector('main:not([data-state="starting"]):not([data-state="reading"])', { timeout: 30_000 });
  return panel;
}

/**
 * Starts recording every state the panel shows from now on (its main
 * element's data-state); the returned function gives them so far.
 */
export async function recordStates(panel: Page): Promise<() => Promise<string[]>> {
  await panel.evaluate(() => {
    const main = document.querySelector('main')!;
    const states: string[] = ((window as unknown as { states: string[] }).states = []);
    new MutationObserver(() => states.push(main.dataset.state ?? '')).observe(main, { attributes: true, attributeFilter: ['data-state'] });
  });
  return () => panel.evaluate(() => (window as unknown as { states: string[] }).states);
}
