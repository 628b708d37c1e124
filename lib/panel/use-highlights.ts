import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  exportHighlights,
  HighlightImportError,
  importHighlightsFile,
  type ExportFormat,
  type ExportScope,
  type HighlightPatch,
  type HighlightRecord,
  type PageHighlight,
} from '../highlights';
import { isPageEvent } from '../messages';
import { highlightErrorMessage, highlightStore, paintPageHighlights, saveSelectionInTab } from './highlights';
import { askPage, injectPageScript } from './page';

/**
 * The highlights the panel shows and the page paints: this page's (found
 * again and painted, or listed as not found) and all of them, with the
 * reader's actions on them. Storage errors become a sentence in `status`;
 * nothing saved before is lost.
 */
export function useHighlights(tabId: number | null, pageVersion: unknown) {
  const [all, setAll] = useState<HighlightRecord[]>([]);
  const [page, setPage] = useState<PageHighlight[]>([]);
  const [status, setStatus] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const store = await highlightStore();
      setAll(await store.list());
      if (tabId === null) return setPage([]);
      const identity = () => askPage(tabId, 'pageIdentity', {});
      const { pageKey } = await identity().catch(async () => {
        // No page script in the page yet: a report kept from before the page was reloaded is on screen while the
        // page is read again. Put it in (a second copy leaves at once) and ask again.
        const injected = await injectPageScript(tabId);
        if (!injected.ok) throw new Error(injected.message);
        return identity();
      });
      const { records, anchored, orphans } = await paintPageHighlights(tabId, pageKey, store);
      const byId = new Map(records.map((r) => [r.id, r]));
      const found = [...anchored].sort((a, b) => a.start - b.start).flatMap(({ id }) => (byId.has(id) ? [{ record: byId.get(id)!, found: true }] : []));
      const missing = orphans.flatMap((id) => (byId.has(id) ? [{ record: byId.get(id)!, found: false }] : []));
      setPage([...found, ...missing]);
    } catch (error) {
      setStatus(highlightErrorMessage(error));
    }
    // pageVersion: a new reading of the tab (navigation, reload) means anchoring again.
  }, [tabId, pageVersion]);

  useEffect(() => {
    void reload();
    const onMessage = (message: unknown) => {
      if (isPageEvent(message) && message.event === 'highlightsChanged') void reload();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [reload]);

  const act = useCallback(
    async (what: () => Promise<string | null>) => {
      try {
        setStatus(await what());
      } catch (error) {
        setStatus(error instanceof HighlightImportError ? error.message : highlightErrorMessage(error));
      }
      await reload();
    },
    [reload],
  );

  return {
    all,
    page,
    status,
    saveSelection: () =>
      act(async () => {
        if (tabId === null) return 'There is no page to save from.';
        const result = await saveSelectionInTab(tabId);
        return result.ok ? 'Highlight saved.' : result.message;
      }),
    jump: (id: string) => {
      if (tabId !== null) void askPage(tabId, 'scrollToHighlight', { id }).catch(() => undefined);
    },
    update: (id: string, patch: HighlightPatch) =>
      act(async () => {
        await (await highlightStore()).update(id, patch);
        return null;
      }),
    remove: (record: HighlightRecord) =>
      act(async () => {
        await (await highlightStore()).remove(record.id);
        return null;
      }),
    restore: (record: HighlightRecord) =>
      act(async () => {
        await (await highlightStore()).save(record);
        return 'Highlight restored.';
      }),
    exportAs: (format: ExportFormat, records: HighlightRecord[], _scope: ExportScope) => {
      const file = exportHighlights(records, format);
      download(file.filename, file.mime, file.text);
      setStatus(`Exported ${records.length} highlight${records.length === 1 ? '' : 's'} as ${file.filename}.`);
    },
    importFile: (file: File) =>
      act(async () => {
        const summary = await importHighlightsFile(await highlightStore(), file);
        return `Imported ${file.name}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} already there.`;
      }),
  };
}

/** Saves text as a file through an object URL: no downloads permission needed. */
function download(filename: string, mime: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
