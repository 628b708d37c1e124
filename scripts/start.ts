/**
 * `npm start`: serves the demo article on 127.0.0.1, opens Chromium with the
 * built extension and the side panel showing the article. Without a display
 * it runs headless and saves a screenshot of the real side panel.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_MISSING, findChromium, launchWithExtension, openRealSidePanel, serveFiles } from './browser';
import { repoRoot } from './node-dom';

const extensionDir = resolve(repoRoot, '.output/e2e/chrome-mv3');
const screenshotPath = resolve(repoRoot, 'screenshots/side-panel.png');

async function main() {
  if (!findChromium()) {
    console.error(CHROMIUM_MISSING);
    process.exit(1);
  }
  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const site = await serveFiles({ '/': resolve(repoRoot, 'demo/article.html'), '/article.html': resolve(repoRoot, 'demo/article.html') });
  const browser = await launchWithExtension(extensionDir, { headless, debuggingPort: true });
  const { context, extensionId } = browser;

  const article = context.pages()[0] ?? (await context.newPage());
  await article.goto(`${site.origin}/article.html`);
  await article.setViewportSize({ width: 1000, height: 900 });
  console.log(`Demo article: ${site.origin}/article.html`);

  // The toolbar button, pressed as a reader would: the side panel opens on the article.
  const { panel, cdp } = await openRealSidePanel(browser, article);
  if (panel) await panel.waitForSelector('main[data-state="ready"], main[data-state="failed"], main[data-state="no-article"]', { timeout: 30_000 }).catch(() => undefined);

  if (!headless) {
    console.log('Chromium is open with Backstory’s side panel on the demo article. Close the browser to stop.');
    await new Promise<void>((done) => context.on('close', () => done()));
    await site.close();
    return;
  }
  mkdirSync(resolve(screenshotPath, '..'), { recursive: true });
  const shot = panel ?? (await panelAsTab(context, extensionId, article));
  await shot.screenshot({ path: screenshotPath, fullPage: true });
  console.log(`No display here, so Chromium ran headless. Screenshot of the side panel: ${screenshotPath}`);
  await cdp.close();
  await browser.close();
  await site.close();
}

/** Fallback where the real side panel cannot be reached: the same page in a tab at a side panel's width. */
async function panelAsTab(context: import('playwright-core').BrowserContext, extensionId: string, article: Page): Promise<Page> {
  await article.bringToFront();
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=0`);
  const tabId = await helper.evaluate(async () => (await chrome.tabs.query({ url: 'http://127.0.0.1/*' }))[0]?.id ?? 0);
  const page = await context.newPage();
  await page.setViewportSize({ width: 400, height: 900 });
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
  await page.waitForSelector('main[data-state="ready"]', { timeout: 30_000 });
  return page;
}

main().catch((error) => {
  console.error(`npm start failed: ${(error as Error).message}`);
  process.exit(1);
});
