import { browser } from 'wxt/browser';
import { isPageMessage, type PageEventMessage, type PageMessage, type PageRequests } from '../messages';
import { extractFromPage } from './extract';
import { captureSelection, pageIdentity, paintSaved, scrollToHighlight } from './highlights';
import { clearPassages, showPassages } from './passages';
import { installReader } from './reader';

const INSTALLED = Symbol.for('backstory.page-script');

/**
 * The script the panel injects into a page when it is opened there: answers
 * the panel's requests and tells it when the page changes under it. Injecting
 * it twice is harmless: the second copy sees the first and leaves. Returns
 * whether this copy is the one that installed itself.
 */
export function runPageScript(): boolean {
  const scope = globalThis as Record<symbol, unknown>;
  if (scope[INSTALLED]) return false;
  scope[INSTALLED] = true;
  installReader(() => extractFromPage(document, false));

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the extension's own pages may ask (a web page cannot reach this listener at all).
    const fromExtensionPage = sender.id === browser.runtime.id && (!sender.url || sender.url.startsWith(browser.runtime.getURL('/')));
    if (!fromExtensionPage || !isPageMessage(message)) return undefined;
    return Promise.resolve(answer(message));
  });
  watchForChanges();
  return true;
}

function answer(message: PageMessage): PageRequests[keyof PageRequests]['result'] | Promise<PageRequests[keyof PageRequests]['result']> {
  switch (message.method) {
    case 'extract':
      return extractFromPage(document, (message as PageMessage<'extract'>).params.force);
    case 'showPassages': {
      const { passages, focus } = (message as PageMessage<'showPassages'>).params;
      return showPassages(document, passages, focus);
    }
    case 'clearPassages':
      return clearPassages(document);
    case 'captureSelection':
      return captureSelection(document);
    case 'paintHighlights':
      return paintSaved(document, (message as PageMessage<'paintHighlights'>).params.items);
    case 'scrollToHighlight':
      return scrollToHighlight((message as PageMessage<'scrollToHighlight'>).params.id);
    case 'pageIdentity':
      return pageIdentity(document);
  }
}

/**
 * Tells the panel when a single-page app moves to another article or the
 * title changes. The script goes in as soon as the tab has a document, so a
 * page still being parsed is watched only once it has been: until then
 * every element the parser adds would wake the watcher, and the title it
 * has not reached yet would read as a change.
 */
function watchForChanges(): void {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watchForChanges, { once: true });
    return;
  }
  let last = `${location.href}\n${document.title}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const now = `${location.href}\n${document.title}`;
    if (now === last) return;
    last = now;
    const event: PageEventMessage<'pageChanged'> = { backstory: 1, event: 'pageChanged', data: { url: location.href, title: document.title } };
    browser.runtime.sendMessage(event).catch(() => undefined);
  };
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }).observe(document, { subtree: true, childList: true, characterData: false });
  addEventListener('popstate', check);
}
