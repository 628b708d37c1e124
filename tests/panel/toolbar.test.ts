import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WAITING_PORT, choosePanelBehavior, setUpToolbarButton } from '../../lib/panel/toolbar';
import { fakePort, type FakePort } from './fake-port';

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

describe('the toolbar button in Firefox', () => {
  const sidebarAction = { toggle: vi.fn(async () => undefined) };
  let press: (tab: { id: number; windowId: number }) => void;
  let connect: (port: FakePort) => void;

  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    vi.stubEnv('FIREFOX', true as never);
    sidebarAction.toggle.mockClear();
    // The fake browser has neither Firefox's sidebar nor ports: these stand in for them.
    Object.assign(fakeBrowser, { sidebarAction, browserAction: { onClicked: { addListener: (listener: typeof press) => void (press = listener) } } });
    vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => void (connect = listener as never));
    setUpToolbarButton();
  });
  afterEach(() => vi.unstubAllEnvs());

  const waitingSidebar = (windowId: number, sender: object = { id: fakeBrowser.runtime.id }) => {
    const port = fakePort(WAITING_PORT, sender);
    connect(port);
    port.receive({ windowId });
    return port;
  };

  it('toggles the sidebar in the press’s own turn', () => {
    press({ id: 3, windowId: 9 });
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
  });

  it('tells a sidebar waiting for leave to read its tab, in the window pressed, instead of closing it', () => {
    const waiting = waitingSidebar(9);
    press({ id: 3, windowId: 9 });
    expect(waiting.posted).toEqual([{ pressed: true }]);
    expect(sidebarAction.toggle).not.toHaveBeenCalled();
    // Another window's press is that window's.
    press({ id: 4, windowId: 2 });
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
    expect(waiting.posted).toHaveLength(1);
  });

  it('toggles again once the sidebar stops waiting or closes (its port closes)', () => {
    waitingSidebar(9).disconnect();
    press({ id: 3, windowId: 9 });
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
  });

  it('does not listen to a page’s script, or to a port of another name', () => {
    const fromPage = waitingSidebar(9, { id: fakeBrowser.runtime.id, tab: { id: 3 } });
    const other = fakePort('something-else', { id: fakeBrowser.runtime.id });
    connect(other);
    other.receive({ windowId: 9 });
    press({ id: 3, windowId: 9 });
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
    expect(fromPage.posted).toEqual([]);
    expect(other.posted).toEqual([]);
  });
});
