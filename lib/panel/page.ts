import { browser } from 'wxt/browser';
import { pageMessage, type ExtractResponse, type PageMethod, type PageRequests } from '../messages';
import type { InjectedRead } from '../page/reader';
import { PAGE_HIGHLIGHT_CSS } from '../page/styles';
import { SITE_ORIGINS } from '../settings';
import { classifyInjectionError, restrictionOf } from './restricted';

export type ReadOutcome =
  // fresh: the page script was put in for this read, so the tab holds a new document.
  | { kind: 'read'; response: ExtractResponse; fresh: boolean }
  | { kind: 'restricted'; message: string }
  | { kind: 'permission' }
  | { kind: 'failed'; message: string };

const PAGE_SCRIPT = '/page.js' as const;
// Reads the article with the page script just injected (entrypoints/read-page.ts).
const READ_SCRIPT = '/read-page.js' as const;

/** The tab a read is of: its address (when the panel may see it) and whether it is private. */
export interface PanelTab {
  id: number;
  url?: string;
  incognito?: boolean;
}

/** The tab the reader is looking at in this window. */
export async function activeTab(): Promise<PanelTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url, incognito: tab.incognito };
}

export const NO_TAB = 'There is no tab to read. Open a news article and try again.';

/** A read of a tab, under way: which tab, and what reading it gave. */
export interface PendingRead {
  target: Promise<PanelTab | null>;
  outcome: Promise<ReadOutcome>;
}

/**
 * Starts reading the tab the panel follows: the one `?tabId=` pins it to,
 * else the active tab. The panel starts its first read before its first
 * render (entrypoints/sidepanel/main.tsx), so that the page is read while
 * the panel draws itself.
 */
export function startRead(pinnedTabId: number | null, force = false): PendingRead {
  const target = (pinnedTabId !== null ? browser.tabs.get(pinnedTabId).then((tab): PanelTab => ({ id: pinnedTabId, url: tab.url, incognito: tab.incognito })) : activeTab()).catch(() => null);
  const outcome = target.then((tab): Promise<ReadOutcome> | ReadOutcome => (tab ? readTab(tab.id, tab.url, force) : { kind: 'failed', message: NO_TAB }));
  return { target, outcome };
}

/**
 * Reads the article in a tab: injects the page script (a second copy leaves
 * at once) and, in the same call, the one-line script that has it read the
 * article, so that the answer comes back in one round trip. `force` (the
 * reader's "read it anyway") asks the installed script instead. Restricted
 * pages and missing permission are outcomes for the panel to explain, not
 * errors.
 */
export async function readTab(tabId: number, url: string | undefined, force: boolean): Promise<ReadOutcome> {
  const restriction = restrictionOf(url);
  if (restriction) return { kind: 'restricted', message: restriction };
  const injected = await injectPageScript(tabId, !force);
  if (!injected.ok) return injectionFailure(injected.message);
  if (injected.read) return { kind: 'read', response: injected.read.response, fresh: injected.read.fresh };
  try {
    return { kind: 'read', response: await askPage(tabId, 'extract', { force }), fresh: false };
  } catch (error) {
    return { kind: 'failed', message: `The page did not answer (${(error as Error)?.message ?? error}). Reload it and try again.` };
  }
}

function injectionFailure(message: string): ReadOutcome {
  switch (classifyInjectionError(message)) {
    case 'restricted': {
      // Without the tabs permission the tab's URL is hidden; the error names its scheme.
      const scheme = /\b(chrome|edge|about|view-source|chrome-extension|moz-extension):(\/\/)?/.exec(message)?.[0];
      const known = scheme ? restrictionOf(scheme.endsWith('//') ? `${scheme}x/` : `${scheme}blank`) : null;
      return { kind: 'restricted', message: known ?? 'The browser does not let extensions read this page. Open a news article to see its backstory.' };
    }
    case 'permission':
      return { kind: 'permission' };
    case 'gone':
      return { kind: 'failed', message: 'The tab was closed or moved on before Backstory could read it.' };
    default:
      return { kind: 'failed', message: `Backstory could not read this page: ${message}` };
  }
}

/**
 * Puts the page script into a tab (once: a second copy leaves at once) and,
 * with `andRead`, has it read the article in the same call. The first time,
 * the highlight colours are added as an extension stylesheet, so no <style>
 * element is added to the page.
 */
export async function injectPageScript(tabId: number, andRead = false): Promise<{ ok: true; read: InjectedRead } | { ok: false; message: string }> {
  try {
    const files = andRead ? [PAGE_SCRIPT, READ_SCRIPT] : [PAGE_SCRIPT];
    // The call's value is its last script's: the read script's article, or the page script's "installed now".
    // At once, not when the page is idle: the read script waits only for the document to be parsed
    // (Chrome and Firefox both wait for the promise it then returns).
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files, injectImmediately: true });
    const read = andRead ? ((first?.result ?? null) as InjectedRead) : null;
    // The colours are needed only once something is highlighted: the article is not kept waiting for them.
    // (A page whose script came in to save a highlight gets them a second time at its first read: the same rules.)
    if (read ? read.fresh : first?.result === true) void browser.scripting.insertCSS({ target: { tabId }, css: PAGE_HIGHLIGHT_CSS }).catch(() => undefined);
    return { ok: true, read };
  } catch (error) {
    return { ok: false, message: String((error as Error)?.message ?? error) };
  }
}

/** Sends one typed request to the page script in a tab. */
export function askPage<M extends PageMethod>(tabId: number, method: M, params: PageRequests[M]['params']): Promise<PageRequests[M]['result']> {
  return browser.tabs.sendMessage(tabId, pageMessage(method, params)) as Promise<PageRequests[M]['result']>;
}

/** Asks the reader for permission to read pages (must run in a click handler). */
export function requestSiteAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: SITE_ORIGINS });
}
