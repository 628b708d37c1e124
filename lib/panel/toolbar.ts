import { browser } from 'wxt/browser';
import type { PageEventMessage } from '../messages';

/**
 * The toolbar button (and its shortcut) opens Backstory on the tab it is
 * pressed on, and the press grants activeTab, which lets the panel read that
 * one page. Firefox's button toggles the sidebar.
 *
 * Chrome could open the side panel on its own (`openPanelOnActionClick`),
 * but a press that opens the panel that way is not an invocation of the
 * extension, so it grants no activeTab and the panel could not read the
 * page without a standing permission for every site. So the button opens
 * the panel itself, and a press while the panel is open closes it, as
 * Chrome's own button does: the open panel is told, and closes itself.
 */
export function setUpToolbarButton(): void {
  if (import.meta.env.FIREFOX) {
    // sidebarAction is Firefox's alone, so the shared browser types do not know it.
    const { sidebarAction } = browser as unknown as { sidebarAction: { toggle(): Promise<void> } };
    browser.browserAction.onClicked.addListener(() => {
      void sidebarAction.toggle();
    });
    return;
  }
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: false }).catch(() => undefined);
  browser.action.onClicked.addListener((tab) => {
    if (tab.windowId === undefined) return;
    // In the press's own turn: Chrome lets sidePanel.open run only while it lasts. A panel already open stays so.
    void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    // A panel that was open before this press closes. One this press opens has no listener yet.
    const pressed: PageEventMessage<'toolbarPressed'> = { backstory: 1, event: 'toolbarPressed', data: { windowId: tab.windowId } };
    browser.runtime.sendMessage(pressed).catch(() => undefined);
  });
}
