import { browser } from 'wxt/browser';
import { pageMessage, type ExtractResponse, type PageMethod, type PageRequests } from '../messages';
import { PAGE_HIGHLIGHT_CSS } from '../page/styles';
import { SITE_ORIGINS } from '../settings';
import { classifyInjectionError, restrictionOf } from './restricted';

export type ReadOutcome =
  | { kind: 'read'; response: ExtractResponse }
  | { kind: 'restricted'; message: string }
  | { kind: 'permission' }
  | { kind: 'failed'; message: string };

const PAGE_SCRIPT = '/content-scripts/page.js';

/** The tab the reader is looking at in this window. */
export async function activeTab(): Promise<{ id: number; url?: string; status?: string } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url, status: tab.status };
}

/**
 * Asks the tab's page script for the article, injecting the script first
 * when none answers. Restricted pages and missing permission are outcomes
 * for the panel to explain, not errors.
 */
export async function readTab(tabId: number, url: string | undefined, force: boolean): Promise<ReadOutcome> {
  const restriction = restrictionOf(url);
  if (restriction) return { kind: 'restricted', message: restriction };
  // The script stays in the page until it navigates: when the panel reopens, or comes back
  // to a tab, it answers at once, without being injected (and parsed) again.
  const answer = await askPage(tabId, 'extract', { force }).catch(() => null);
  if (answer) return { kind: 'read', response: answer };
  const injected = await injectPageScript(tabId);
  if (!injected.ok) {
    const { message } = injected;
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
  try {
    const response = await askPage(tabId, 'extract', { force });
    return { kind: 'read', response };
  } catch (error) {
    return { kind: 'failed', message: `The page did not answer (${(error as Error)?.message ?? error}). Reload it and try again.` };
  }
}

/**
 * Puts the page script into a tab (once: a second copy leaves at once) and
 * the highlight colours as an extension stylesheet, so no <style> element
 * is added to the page.
 */
export async function injectPageScript(tabId: number): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    const [first] = await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_SCRIPT] });
    // The colours are needed only once something is highlighted: the article is not kept waiting for them.
    if (first?.result === true) void browser.scripting.insertCSS({ target: { tabId }, css: PAGE_HIGHLIGHT_CSS }).catch(() => undefined);
    return { ok: true };
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
