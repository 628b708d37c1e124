import { browser } from 'wxt/browser';

/**
 * The toolbar button opens Backstory: Chrome opens the side panel itself
 * when told to; Firefox's button toggles the sidebar. Either click also
 * grants activeTab, which lets the panel read that one page.
 */
export function setUpToolbarButton(): void {
  if (import.meta.env.FIREFOX) {
    browser.browserAction.onClicked.addListener(() => {
      void browser.sidebarAction.toggle();
    });
  } else {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  }
}
