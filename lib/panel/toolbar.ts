import { browser } from 'wxt/browser';

/**
 * The toolbar button opens Backstory: Chrome opens the side panel itself
 * when told to; Firefox's button toggles the sidebar. Either click also
 * grants activeTab, which lets the panel read that one page.
 */
export function setUpToolbarButton(): void {
  if (import.meta.env.FIREFOX) {
    // sidebarAction is Firefox's alone, so the shared browser types do not know it.
    const { sidebarAction } = browser as unknown as { sidebarAction: { toggle(): Promise<void> } };
    browser.browserAction.onClicked.addListener(() => {
      void sidebarAction.toggle();
    });
  } else {
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  }
}
