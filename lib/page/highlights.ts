import { anchorWithRetry, describeRange } from '../highlights/anchor';
import { paintHighlights, scrollToRange, type PaintItem } from '../highlights/paint';
import { pageInfoFromDocument, pageKeyFor } from '../highlights/record';
import { findPublicationDate } from '../extract/published';
import type { CapturedSelection, PageRequests, PaintRequest } from '../messages';

// The ranges painted last, by highlight id, so the panel can scroll to one.
const painted = new Map<string, Range>();

/** The reader's selection as W3C selectors, with what the page says about itself for the citation. */
export function captureSelection(doc: Document): CapturedSelection {
  const selection = doc.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return { ok: false, message: 'Select a passage on the page first, then save it.' };
  }
  const selectors = describeRange(doc, selection.getRangeAt(0));
  if (!selectors) return { ok: false, message: 'The selection holds no text of the page (it may be inside a form field or an image).' };
  return { ok: true, selectors, page: pageInfoFromDocument(doc, { published: findPublicationDate(doc) }) };
}

/**
 * Finds the saved highlights in the page, retrying for a few seconds while
 * content arrives late, and paints those it finds; the rest are orphans,
 * reported back and never painted on other text.
 */
export async function paintSaved(doc: Document, items: PaintRequest[], timeoutMs = 4000): Promise<PageRequests['paintHighlights']['result']> {
  const paint = (results: Awaited<ReturnType<typeof anchorWithRetry>>) => {
    painted.clear();
    const paintItems: PaintItem[] = [];
    results.forEach((result, i) => {
      if (!('range' in result)) return;
      painted.set(items[i].id, result.range);
      paintItems.push({ id: items[i].id, range: result.range, colour: items[i].colour });
    });
    paintHighlights(doc, paintItems);
  };
  const results = await anchorWithRetry(
    doc,
    items.map((item) => item.selectors),
    { timeoutMs, onProgress: paint },
  );
  paint(results);
  const anchored: Array<{ id: string; start: number }> = [];
  const orphans: string[] = [];
  results.forEach((result, i) => {
    if ('range' in result) anchored.push({ id: items[i].id, start: result.start });
    else orphans.push(items[i].id);
  });
  return { anchored, orphans };
}

/** Scrolls a painted highlight into view. */
export function scrollToHighlight(id: string): { found: boolean } {
  const range = painted.get(id);
  if (range) scrollToRange(range);
  return { found: !!range };
}

/** The key this page's highlights are stored under. */
export function pageIdentity(doc: Document): { pageKey: string } {
  return { pageKey: pageKeyFor(pageInfoFromDocument(doc)) };
}
