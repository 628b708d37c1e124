import { browser } from 'wxt/browser';
import { saveSelectionInTab } from './highlights';

/**
 * End-to-end build only. Firefox's WebDriver BiDi may not open moz-extension://
 * pages, so the extension opens its panel page in a tab for the test to
 * drive; and since no test can click a context-menu item, the function that
 * item calls is reachable from the service worker for the test to call.
 */
export function setUpForTests(): void {
  (globalThis as Record<string, unknown>).backstoryTest = { saveSelectionInTab };
  if (!import.meta.env.FIREFOX) return;
  void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?tabId=0'), active: false });
}
