/**
 * Why a browser will not let an extension read a page at this address, as a
 * sentence for the reader, or null when it may (given permission).
 */
export function restrictionOf(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const { protocol, hostname, pathname } = parsed;
  if (protocol === 'view-source:') return 'This is a page’s source view, which extensions may not read. Open the page itself.';
  if (['chrome:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'about:', 'chrome-untrusted:', 'devtools:'].includes(protocol)) {
    return 'This is one of the browser’s own pages, which extensions may not read. Open a news article to see its backstory.';
  }
  if (['chrome-extension:', 'moz-extension:', 'extension:'].includes(protocol)) {
    return 'This page belongs to an extension, which other extensions may not read. Open a news article to see its backstory.';
  }
  if (
    hostname === 'chromewebstore.google.com' ||
    (hostname === 'chrome.google.com' && pathname.startsWith('/webstore')) ||
    hostname === 'microsoftedge.microsoft.com' ||
    hostname === 'addons.mozilla.org'
  ) {
    return 'Browsers do not let extensions read their extension stores. Open a news article to see its backstory.';
  }
  if (/\.pdf$/i.test(pathname)) return 'This looks like a PDF, shown by the browser’s PDF viewer, which extensions may not read.';
  if (protocol === 'file:') return null;
  if (protocol !== 'http:' && protocol !== 'https:') return `Backstory reads web pages (http and https), not ${protocol.replace(':', '')} addresses.`;
  return null;
}

/** Sorts a failed injection's error into what the panel should say. */
export function classifyInjectionError(message: string): 'restricted' | 'permission' | 'gone' | 'other' {
  if (/cannot be scripted|chrome:\/\/|extensions gallery|Cannot access contents of url "(chrome|edge|about|view-source)|about:|PDF/i.test(message) && !/must request permission/i.test(message)) {
    return 'restricted';
  }
  if (/permission|Cannot access contents of the page|activeTab/i.test(message)) return 'permission';
  if (/No tab with id|Frame with ID 0 was removed|tab was closed|Receiving end does not exist/i.test(message)) return 'gone';
  return 'other';
}
