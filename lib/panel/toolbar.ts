import { browser, type Browser } from 'wxt/browser';
import type { PageEventMessage } from '../messages';
import { SITE_ORIGINS } from '../settings';

/**
 * The toolbar button (and its shortcut) opens Backstory on the tab it is
 * pressed on, and the press grants activeTab, which lets the panel read that
 * one page. Firefox's button toggles the sidebar, unless the sidebar in that
 * window is waiting for leave to read its tab: then the press is that leave,
 * and the sidebar is told to read (it says it is waiting over a port,
 * `WAITING_PORT`, which closes with it).
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
    const waiting = new Map<Browser.runtime.Port, number>();
    browser.runtime.onConnect.addListener((port) => {
      // Only the extension's own sidebar, not a page's script (which has a tab).
      if (port.name !== WAITING_PORT || port.sender?.id !== browser.runtime.id || port.sender.tab) return;
      port.onMessage.addListener((message: unknown) => {
        const windowId = (message as { windowId?: unknown } | null)?.windowId;
        if (typeof windowId === 'number') waiting.set(port, windowId);
      });
      port.onDisconnect.addListener(() => waiting.delete(port));
    });
    browser.browserAction.onClicked.addListener((tab) => {
      const sidebar = [...waiting].find(([, windowId]) => windowId === tab.windowId)?.[0];
      // Decided in the press's own turn: Firefox lets sidebarAction.toggle run only while it lasts.
      if (sidebar) sidebar.postMessage({ pressed: true });
      else void sidebarAction.toggle();
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

/** The port a Firefox sidebar waiting for leave to read its tab holds open (lib/panel/use-panel.ts). */
export const WAITING_PORT = 'backstory-waiting-for-leave';

/** Chrome opens the panel itself only where the press's activeTab grant is not needed: every page may be read. */
export async function choosePanelBehavior(): Promise<void> {
  const everyPage = await browser.permissions.contains({ origins: SITE_ORIGINS }).catch(() => false);
  await browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: everyPage }).catch(() => undefined);
}
