import { browser } from 'wxt/browser';

/**
 * End-to-end build only: Firefox's WebDriver BiDi may not open moz-extension://
 * pages, so the extension opens its panel page in a tab for the test to drive.
 */
export function openPanelTabForTests(): void {
  if (!import.meta.env.FIREFOX) return;
  void browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html?tabId=0'), active: false });
}
