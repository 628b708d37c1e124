import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ArticleText } from '../extract/article';
import { isPageEvent } from '../messages';
import { analyze, prepareAnalysis } from './analyze-client';
import { KeptReports, type KeptReport } from './kept-reports';
import { NO_TAB, askPage, requestSiteAccess, startRead, type PendingRead, type ReadOutcome } from './page';
import { markStage } from './timing';
import { WAITING_PORT } from './toolbar';

export type PanelState =
  | { kind: 'starting' }
  | { kind: 'reading'; tabId: number }
  | { kind: 'restricted'; message: string }
  | { kind: 'permission'; tabId: number }
  | { kind: 'no-article'; tabId: number; message: string }
  | { kind: 'loading'; tabId: number }
  | { kind: 'failed'; tabId: number | null; message: string }
  | ReadyState;

type ReadyState = { kind: 'ready'; tabId: number } & KeptReport;

/** Whether a read gave another article than `shown` (a read that gave none leaves the shown one standing). */
function otherArticle(outcome: ReadOutcome, shown: ArticleText): boolean {
  if (outcome.kind !== 'read' || !outcome.response.ok) return false;
  const { article } = outcome.response;
  return article.text !== shown.text || article.info.title !== shown.info.title;
}

/**
 * The panel's state machine: which tab it follows (or the one `?tabId=` pins
 * it to), reading that tab's article, analysing it, and starting over when the
 * reader switches tabs or the page navigates.
 */
export function usePanel(pinnedTabId: number | null, first?: PendingRead) {
  const [state, setState] = useState<PanelState>({ kind: 'starting' });
  const shown = useRef(state);
  shown.current = state;
  const current = useRef<{ tabId: number; url?: string } | null>(null);
  const generation = useRef(0);
  const firstRead = useRef(first);
  // The last reports of the last few pages read: shown at once when the reader comes back to one, or opens the panel again.
  const [kept] = useState(() => new KeptReports());

  /**
   * Reads the tab and shows what it gave. A report already shown for the
   * page (`quiet`: it finished loading, at the same address, after its
   * article was shown; or the reader came back to a tab read before) stays
   * on screen while the page is read again, and is replaced only if the
   * article changed.
   */
  const readNow = useCallback(async (force = false, quiet = false) => {
    const run = ++generation.current;
    const stale = () => run !== generation.current;
    const started = !force && firstRead.current;
    firstRead.current = undefined;
    // A quiet read leaves the marks of the read that showed the report (lib/panel/timing.ts).
    if (!started && !quiet) markStage('read');
    const pending = started || startRead(pinnedTabId, force);
    const target = await pending.target;
    if (stale()) return;
    if (!target) return setState({ kind: 'failed', tabId: null, message: NO_TAB });
    const tabId = target.id;
    current.current = { tabId, url: target.url };
    const before = shown.current;
    const onScreen = quiet && before.kind === 'ready' && before.tabId === tabId ? before : null;
    const back = onScreen || force ? null : await kept.get(target.url, { incognito: target.incognito });
    if (stale()) return;
    const showing: ReadyState | null = onScreen ?? (back && { kind: 'ready', tabId, ...back });
    // A quiet read leaves what the tab showed on screen until it has something else to show (no "Reading…" blink,
    // and a panel waiting for leave to read the page is still waiting for it).
    const settledHere = quiet && 'tabId' in before && before.tabId === tabId && before.kind !== 'reading';
    if (showing || !settledHere) setState(showing ?? { kind: 'reading', tabId });
    // The analysis code and model (which the panel's page preloads) load once the page's
    // answer is on its way, and while it comes; with a kept report on screen, only if the article changed.
    if (!showing) void prepareAnalysis().catch(() => undefined);
    const outcome = await pending.outcome;
    if (stale()) return;
    if (showing && !otherArticle(outcome, showing.article)) {
      // The same article in a new document (the page was reloaded): the same report, shown anew, so
      // that what is painted in the page is painted again.
      if (outcome.kind === 'read' && outcome.fresh) setState({ ...showing });
      return;
    }
    switch (outcome.kind) {
      case 'restricted':
        return setState({ kind: 'restricted', message: outcome.message });
      case 'permission':
        return setState({ kind: 'permission', tabId });
      case 'failed':
        return setState({ kind: 'failed', tabId, message: outcome.message });
    }
    const response = outcome.response;
    if (!response.ok) {
      if (response.reason === 'loading') return setState({ kind: 'loading', tabId });
      if (response.reason === 'failed') return setState({ kind: 'failed', tabId, message: response.message });
      return setState({ kind: 'no-article', tabId, message: response.message });
    }
    try {
      markStage('extracted');
      const report = await analyze(response.article, response.links, response.extractMs);
      markStage('analysed', { ...report.timings, words: report.article.wordCount });
      if (stale()) return;
      const entry: KeptReport = { report, article: response.article, readerable: response.readerable };
      setState({ kind: 'ready', tabId, ...entry });
      if (target.url) void kept.keep(target.url, entry, { incognito: target.incognito });
    } catch (error) {
      if (!stale()) setState({ kind: 'failed', tabId, message: `Backstory could not analyse this article (${(error as Error).message}).` });
    }
  }, [pinnedTabId, kept]);

  // The window this side panel is in, for the toolbar button (lib/panel/toolbar.ts): asked when first
  // needed, not while the panel starts; none for the panel's page opened in a tab.
  const windowId = useRef<Promise<number | undefined>>();
  const ownWindow = useCallback(
    () =>
      (windowId.current ??= Promise.all([browser.tabs.getCurrent(), browser.windows.getCurrent()]).then(
        ([tab, w]) => (tab ? undefined : w.id),
        () => undefined,
      )),
    [],
  );

  // The latest read, settled either way, so that one can wait for it (a failing read still reports its error).
  const latest = useRef<Promise<unknown>>(Promise.resolve());
  const read = useCallback(
    (force = false, quiet = false) => {
      const task = readNow(force, quiet);
      latest.current = task.catch(() => undefined);
      return task;
    },
    [readNow],
  );

  // A layout effect, so that the first read starts before the first paint rather than after it.
  useLayoutEffect(() => {
    void read();
    const onActivated = (info: { tabId: number }) => {
      if (pinnedTabId === null && info.tabId !== current.current?.tabId) void read();
    };
    const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
      if (tabId !== current.current?.tabId) return;
      if (change.url && change.url !== current.current.url) void read();
      // The page has loaded: read it again, quietly, once a read under way (one its new address
      // started, which reads the document as soon as it is parsed) has shown what it found.
      else if (change.status === 'complete') void latest.current.then(() => read(false, true));
    };
    const onMessage = (message: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      if (!isPageEvent(message)) return;
      if (message.event === 'toolbarPressed') {
        // Only the background sends it (a page script's message has a tab); a panel opened as a page stays.
        if (pinnedTabId !== null || sender.id !== browser.runtime.id || sender.tab) return;
        const pressed = (message.data as { windowId: number }).windowId;
        void ownWindow().then((own) => {
          if (own !== pressed) return;
          // A press on a tab the panel was waiting for leave to read grants it (activeTab): read it, stay open.
          if (shown.current.kind === 'permission') void read();
          else window.close();
        });
        return;
      }
      if (message.event !== 'pageChanged' || sender.tab?.id !== current.current?.tabId) return;
      if ((message.data as { url: string }).url !== current.current?.url) void read();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [read, pinnedTabId, ownWindow]);

  // Firefox's sidebar, while it waits for leave to read its tab, tells the background which window it is in, so
  // that a toolbar press there reads the tab instead of closing the sidebar. Chrome's panel hears of every press.
  const waitingForLeave = state.kind === 'permission';
  useEffect(() => {
    if (!import.meta.env.FIREFOX || !waitingForLeave || pinnedTabId !== null) return;
    const port = browser.runtime.connect({ name: WAITING_PORT });
    let open = true;
    port.onDisconnect.addListener(() => void (open = false));
    port.onMessage.addListener(() => {
      if (shown.current.kind === 'permission') void read();
    });
    void ownWindow().then((windowId) => {
      if (open && windowId !== undefined) port.postMessage({ windowId });
    });
    return () => {
      open = false;
      port.disconnect();
    };
  }, [waitingForLeave, pinnedTabId, read, ownWindow]);

  const grantAndRead = useCallback(async () => {
    // The request must be the click's first act: Firefox refuses permission
    // requests made after an await. Read either way, since a toolbar click may
    // have granted this tab even if the reader declines access to all sites.
    await requestSiteAccess().catch(() => false);
    return read();
  }, [read]);

  const showPassages = useCallback((passages: { exact: string; prefix?: string; suffix?: string }[], focus: number) => {
    const tabId = current.current?.tabId;
    if (tabId === undefined) return Promise.resolve({ found: 0 });
    return askPage(tabId, 'showPassages', { passages, focus }).catch(() => ({ found: 0 }));
  }, []);

  return { state, read, grantAndRead, showPassages };
}
