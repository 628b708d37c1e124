import { browser } from 'wxt/browser';
import type { PageEventMessage } from '../messages';
import { SITE_ORIGINS } from '../settings';

/**
 * The toolbar button (and its shortcut) opens Backstory on the tab it is
 * pressed on. Firefox's button toggles the sidebar, and the press grants
 * activeTab, which lets the panel read that one page.
 *
 * Chrome can open the side panel on its own, at once, without starting
 * the service worker (`openPanelOnActionClick`); but such a press is not an
 * invocation of the extension and grants no activeTab. So while the reader
 * has not let Backstory read every page, the button opens the panel itself
 * (`action.onClicked`, then `sidePanel.open`), which grants it; a press while
 * the panel is open closes it, as Chrome's own button does (the open panel is
 * told, and closes itself), unless the panel was waiting for leave to read the
 * page, which the press has just given. Once the reader has let it read every
 * page, Chrome opens the panel.
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
  void choosePanelBehavior();
  browser.permissions.onAdded?.addListener(() => void choosePanelBehavior());
  browser.permissions.onRemoved?.addListener(() => void choosePanelBehavior());
  // Fired only while Chrome does not open the panel itself.
  browser.action.onClicked.addListener((tab) => {
    if (tab.windowId === undefined) return;
    // In the press's own turn: Chrome lets sidePanel.open run only while it lasts. A panel already open stays so.
    void browser.sidePanel.open({ windowId: tab.windowId }).catch(() => undefined);
    // A panel that was open before this press hears of it. One this press opens has no listener yet.
    const pressed: PageEventMessage<'toolbarPressed'> = { backstory: 1, event: 'toolbarPressed', data: { windowId: tab.windowId } };
    browser.runtime.sendMessage(pressed).catch(() => undefined);
  });
}

/** Chrome opens the panel itself only where the press's activeTab grant is not needed: every page may be read. */
export async function choosePanelBehavior(): Promise<void> {
  const everyPage = await browser.permissions.contains({ origins: SITE_ORIGINS }).catch(() => false);
  await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: everyPage }).catch(() => undefined);
}
