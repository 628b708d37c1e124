import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { choosePanelBehavior, setUpToolbarButton } from '../../lib/panel/toolbar';

// The fake browser has no side panel: these stand in for Chrome's.
const sidePanel = { setPanelBehavior: vi.fn(async (_: { openPanelOnActionClick: boolean }) => undefined), open: vi.fn(async (_: { windowId: number }) => undefined) };

describe('the toolbar button in Chrome', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    sidePanel.setPanelBehavior.mockClear();
    sidePanel.open.mockClear();
    Object.assign(fakeBrowser, { sidePanel });
    for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
  });

  it('opens the panel itself, so that the press grants activeTab, while not every page may be read', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await choosePanelBehavior();
    expect(sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: false });
  });

  it('lets Chrome open the panel, without waking the service worker, once every page may be read', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    await choosePanelBehavior();
    expect(sidePanel.setPanelBehavior).toHaveBeenLastCalledWith({ openPanelOnActionClick: true });
  });

  it('opens the panel in the press’s own turn, and tells a panel already open there', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const told: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void told.push(message));
    setUpToolbarButton();
    const pressed = fakeBrowser.action.onClicked.trigger({ id: 3, windowId: 9 } as never, undefined as never);
    // Before anything is awaited: Chrome lets sidePanel.open run only in the press's own turn.
    expect(sidePanel.open).toHaveBeenCalledWith({ windowId: 9 });
    await pressed;
    expect(told).toEqual([{ backstory: 1, event: 'toolbarPressed', data: { windowId: 9 } }]);
  });
});
