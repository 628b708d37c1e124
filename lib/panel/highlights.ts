import { browser } from 'wxt/browser';
import { HighlightStoreError, openHighlightStore, pageKeyFor, type HighlightRecord, type HighlightStore } from '../highlights';
import { newHighlightId } from '../highlights/record';
import type { PageEventMessage, PaintRequest } from '../messages';
import { askPage, injectPageScript } from './page';

let opening: Promise<HighlightStore> | null = null;

/** The highlights database of this extension context, opened once. */
export function highlightStore(): Promise<HighlightStore> {
  opening ??= openHighlightStore().catch((error) => {
    opening = null;
    throw error;
  });
  return opening;
}

/** A sentence for the reader from any error met while saving or loading highlights. */
export function highlightErrorMessage(error: unknown): string {
  if (error instanceof HighlightStoreError) return error.message;
  return `Backstory could not reach its highlights (${(error as Error)?.message ?? String(error)}). Nothing saved before was lost.`;
}

export const toPaintRequest = (record: HighlightRecord): PaintRequest => ({ id: record.id, selectors: record.selectors, colour: record.colour });

/**
 * Saves the reader's selection in a tab as a highlight and paints it: asks
 * the page for the selection's selectors and citation details, stores the
 * record, repaints the page's highlights and tells an open panel.
 */
export async function saveSelectionInTab(tabId: number): Promise<{ ok: true; record: HighlightRecord } | { ok: false; message: string }> {
  const injected = await injectPageScript(tabId);
  if (!injected.ok) return { ok: false, message: injected.message };
  const captured = await askPage(tabId, 'captureSelection', {}).catch((error) => ({ ok: false as const, message: `The page did not answer (${(error as Error).message}).` }));
  if (!captured.ok) return captured;
  const now = new Date().toISOString();
  const record: HighlightRecord = {
    id: newHighlightId(),
    pageKey: pageKeyFor(captured.page),
    page: captured.page,
    selectors: captured.selectors,
    note: '',
    tags: [],
    colour: 'yellow',
    created: now,
    modified: now,
  };
  try {
    const store = await highlightStore();
    await store.save(record);
    await paintPageHighlights(tabId, record.pageKey, store);
  } catch (error) {
    return { ok: false, message: highlightErrorMessage(error) };
  }
  const event: PageEventMessage<'highlightsChanged'> = { backstory: 1, event: 'highlightsChanged', data: { pageKey: record.pageKey } };
  void browser.runtime.sendMessage(event).catch(() => undefined);
  return { ok: true, record };
}

/** Paints a page's saved highlights in its tab and says which were found. */
export async function paintPageHighlights(tabId: number, pageKey: string, store?: HighlightStore) {
  const records = await (store ?? (await highlightStore())).listPage(pageKey);
  const result = await askPage(tabId, 'paintHighlights', { items: records.map(toPaintRequest) });
  return { records, ...result };
}

const MENU_ID = 'backstory-save-highlight';
export const SAVE_COMMAND = 'save-highlight';

/**
 * Background wiring for saving: the "Save highlight to Backstory" item in
 * the selection's context menu and the keyboard shortcut. Both grant
 * activeTab for the tab they were used in, which lets us read the selection.
 * A failure is shown as the toolbar badge's tooltip and a "!" badge, since
 * the background has no other way to speak to the reader.
 */
export function setUpHighlightCapture(): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Save highlight to Backstory', contexts: ['selection'] }, () => void browser.runtime.lastError);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID && tab?.id !== undefined) void saveAndReport(tab.id);
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === SAVE_COMMAND && tab?.id !== undefined) void saveAndReport(tab.id);
  });
}

async function saveAndReport(tabId: number): Promise<void> {
  const result = await saveSelectionInTab(tabId);
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: result.ok ? '' : '!' }).catch(() => undefined);
  await action.setTitle({ tabId, title: result.ok ? 'Open Backstory' : `Backstory: ${result.message}` }).catch(() => undefined);
}
