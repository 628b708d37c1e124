import { findQuote, prepareAnchoring } from '../highlights/anchor';
import { highlightApi, scrollToRange } from '../highlights/paint';
import type { Passage } from '../messages';

/** The highlight names the panel paints actor mentions and timeline sentences with. */
export const HIGHLIGHT_NAMES = { all: 'backstory-mentions', focus: 'backstory-focus' } as const;

/**
 * Paints passages in the page with the CSS Custom Highlight API (the DOM is
 * not changed) and scrolls passage number `focus` into view. Where the API is
 * missing, the focused passage is selected instead.
 */
export function showPassages(doc: Document, passages: Passage[], focus: number): { found: number } {
  const context = prepareAnchoring(doc);
  const ranges = passages.map((passage) => findQuote(doc, passage, context));
  const found = ranges.filter((r): r is Range => r !== null);
  const focused = ranges[focus] ?? found[0] ?? null;
  const api = highlightApi(doc);
  if (api) {
    api.registry.set(HIGHLIGHT_NAMES.all, new api.Highlight(...found));
    if (focused) api.registry.set(HIGHLIGHT_NAMES.focus, new api.Highlight(focused));
    else api.registry.delete(HIGHLIGHT_NAMES.focus);
  } else if (focused) {
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(focused);
  }
  if (focused) scrollToRange(focused);
  return { found: found.length };
}

/** Removes what showPassages painted. */
export function clearPassages(doc: Document): { found: number } {
  const api = highlightApi(doc);
  api?.registry.delete(HIGHLIGHT_NAMES.all);
  api?.registry.delete(HIGHLIGHT_NAMES.focus);
  return { found: 0 };
}
