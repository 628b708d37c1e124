import { browser } from 'wxt/browser';
import { pageInfoFromDocument } from '../highlights/record';
import type { BackgroundMessage, PaintRequest } from '../messages';
import { paintSaved } from './highlights';

/**
 * Runs on page load where the reader allowed automatic restore: asks the
 * background for this page's saved highlights and paints those it finds.
 * Pages with none cost one message and nothing else.
 */
export async function restoreHighlightsOnLoad(): Promise<void> {
  const { canonicalUrl } = pageInfoFromDocument(document);
  const request: BackgroundMessage = { backstory: 1, method: 'highlightsForPage', params: { canonicalUrl } };
  const items = (await browser.runtime.sendMessage(request).catch(() => [])) as PaintRequest[];
  if (Array.isArray(items) && items.length) await paintSaved(document, items, 8000);
}
