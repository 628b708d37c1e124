/**
 * Starting a real browser with the built extension, for `npm start`, the
 * end-to-end tests and the in-browser benchmark. Chromium only runs here
 * with these flags on a closed network (it otherwise stalls on its own
 * background connections).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--no-default-browser-check',
];

/** Where Chromium is: $CHROME_PATH, else Debian's /usr/bin/chromium; null if neither. */
export function findChromium(): string | null {
  for (const candidate of [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return null;
}

export const CHROMIUM_MISSING =
  'Chromium was not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary.';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * The id Chromium gives an unpacked extension: the first 128 bits of the
 * SHA-256 of its absolute path, in hex digits written a–p.
 */
export function unpackedExtensionId(extensionDir: string): string {
  const hex = createHash('sha256').update(resolve(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * Launches Chromium with the unpacked extension in `extensionDir` loaded, in
 * a fresh or given profile; `alongside` loads other builds of it too (for
 * paired timings), whose ids unpackedExtensionId gives. `debuggingPort`
 * opens a DevTools port (for reaching the side panel) and lets the protocol
 * press the extension's toolbar button (pressToolbarButton).
 */
export async function launchWithExtension(
  extensionDir: string,
  opts: { headless?: boolean; userDataDir?: string; debuggingPort?: boolean; alongside?: string[]; localOnly?: boolean } = {},
): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(CHROMIUM_MISSING);
  const dirs = [extensionDir, ...(opts.alongside ?? [])];
  for (const dir of dirs) if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No built extension in ${dir}: run the build first.`);
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: opts.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...CHROMIUM_FLAGS,
      `--disable-extensions-except=${dirs.join(',')}`,
      `--load-extension=${dirs.join(',')}`,
      ...(opts.debuggingPort ? ['--remote-debugging-port=0', '--enable-unsafe-extension-debugging'] : []),
      // Other hosts fail at once instead of hanging on a closed network (a real page's ads and scripts).
      ...(opts.localOnly ? ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'] : []),
    ],
  });
  while (context.serviceWorkers().length < dirs.length) await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = dirs.length === 1 ? new URL(context.serviceWorkers()[0].url()).host : unpackedExtensionId(extensionDir);
  return { context, extensionId, userDataDir, close: () => context.close() };
}

/** The DevTools endpoint of a browser started with --remote-debugging-port=0. */
export function devToolsEndpoint(userDataDir: string): string {
  const [port] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  return `http://127.0.0.1:${port}`;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.svg': 'image/svg+xml', '.pdf': 'application/pdf' };

/**
 * Serves files on 127.0.0.1 on a free port: `routes` maps a path to a file
 * or to a body (sent after `delayMs`, or its second half `streamMs` after
 * its first); everything else is a 404.
 */
export async function serveFiles(routes: Record<string, string | { body: string; type?: string; delayMs?: number; streamMs?: number }>): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    const send = () => {
      if (typeof route === 'string') {
        res.writeHead(200, { 'content-type': TYPES[extname(route)] ?? 'application/octet-stream' }).end(readFileSync(resolve(route)));
        return;
      }
      res.writeHead(200, { 'content-type': route.type ?? 'text/html; charset=utf-8' });
      if (!route.streamMs) return void res.end(route.body);
      const half = Math.floor(route.body.length / 2);
      res.write(route.body.slice(0, half));
      setTimeout(() => res.end(route.body.slice(half)), route.streamMs);
    };
    if (typeof route !== 'string' && route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/**
 * Presses the extension's toolbar button on `page`'s tab, as a reader's click
 * would (the DevTools protocol's Extensions.triggerAction, which needs the
 * browser launched with `debuggingPort`): the side panel opens, and the
 * press grants activeTab for the tab (lib/panel/toolbar.ts). Returns when
 * the button was pressed, in ms since the epoch (comparable with a page's
 * `performance.timeOrigin`).
 */
export function pressToolbarButton(browser: ExtensionBrowser, page: Page): Promise<number> {
  return withBrowserProtocol(browser, async (protocol) => {
    // The action runs on a tab target (the page's container), found by the page's address.
    const { targetInfos } = await protocol.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((target) => target.url === page.url());
    if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${page.url()}; the toolbar button needs one`);
    await page.bringToFront();
    const pressedAt = performance.timeOrigin + performance.now();
    await protocol.send('Extensions.triggerAction', { id: browser.extensionId, targetId: tabs[0].targetId });
    return pressedAt;
  });
}

/** Stops the extension's service worker, as the browser does after 30 idle seconds; the next event starts it again. */
export function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  return withBrowserProtocol(browser, async (protocol) => {
    const { targetInfos } = await protocol.send('Target.getTargets');
    const origin = `chrome-extension://${browser.extensionId}/`;
    for (const worker of targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(origin))) {
      await protocol.send('Target.closeTarget', { targetId: worker.targetId });
    }
  });
}

/** Runs `use` with a DevTools protocol session on the browser itself, closed after. */
async function withBrowserProtocol<T>(browser: ExtensionBrowser, use: (protocol: CDPSession) => Promise<T>): Promise<T> {
  const protocol = await browser.context.browser()!.newBrowserCDPSession();
  try {
    return await use(protocol);
  } finally {
    await protocol.detach();
  }
}

/**
 * Opens the real side panel on `page` with the extension's toolbar button
 * (pressToolbarButton), then finds the panel over the DevTools protocol.
 * `connectAfterMs` waits that long before connecting, so that the
 * protocol's attaching to every page does not slow the panel while it
 * opens (for timings). Returns the panel's page (or undefined if it did not
 * appear), the CDP connection, which the caller closes, and when the button
 * was pressed (ms since the epoch).
 */
export async function openRealSidePanel(browser: ExtensionBrowser, page: Page, { timeoutMs = 20_000, connectAfterMs = 0 } = {}) {
  const clickedAt = await pressToolbarButton(browser, page);
  if (connectAfterMs) await new Promise((done) => setTimeout(done, connectAfterMs));
  const cdp = await chromium.connectOverCDP(devToolsEndpoint(browser.userDataDir));
  const url = `chrome-extension://${browser.extensionId}/sidepanel.html`;
  let panel: Page | undefined;
  for (const until = Date.now() + timeoutMs; !panel && Date.now() < until; ) {
    panel = cdp.contexts().flatMap((c) => c.pages()).find((p) => p.url() === url);
    if (!panel) await new Promise((done) => setTimeout(done, 100));
  }
  return { panel, cdp, clickedAt };
}

/**
 * An extension page to call the extension's APIs from (tabs, scripting,
 * messages to a page script): the panel's page pinned to a tab that does not
 * exist, so that it reads nothing and shows an error. Kept open, it also
 * keeps the extension's process alive.
 */
export async function openExtensionPage(browser: Pick<ExtensionBrowser, 'context' | 'extensionId'>, extensionId = browser.extensionId): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=999999`);
  return page;
}

/**
 * The id Chromium gave a page's tab, asked from an extension page. The
 * extension sees no URLs of tabs it may not read, so the page is brought to
 * the front and found as the active tab.
 */
export async function tabIdOf(extensionPage: Page, page: Page): Promise<number> {
  await page.bringToFront();
  return extensionPage.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!tab?.id) throw new Error('no active tab');
    return tab.id;
  });
}
