import { HIGHLIGHT_COLOURS, type HighlightColour } from './types';

/**
 * Painting anchored highlights on the page. The CSS Custom Highlight API
 * paints ranges without touching the page's DOM: the extension inserts the
 * `::highlight()` colours as an extension stylesheet (scripting.insertCSS,
 * see lib/page/styles.ts). Where a browser lacks the API (Firefox before
 * 140), we wrap the text in <mark> elements and add one <style> for them,
 * the only changes we then make to the page.
 */

export interface PaintItem {
  id: string;
  range: Range;
  colour: HighlightColour;
}

export const STYLE_ELEMENT_ID = 'backstory-highlight-style';
export const MARK_ATTRIBUTE = 'data-backstory-highlight';

/** Translucent, so the page's own text colour stays readable in light and dark pages. */
export const COLOUR_VALUES: Record<HighlightColour, string> = {
  yellow: 'rgba(255, 214, 0, 0.45)',
  green: 'rgba(76, 217, 100, 0.4)',
  blue: 'rgba(64, 156, 255, 0.35)',
  pink: 'rgba(255, 105, 180, 0.35)',
  purple: 'rgba(175, 82, 222, 0.35)',
};

const highlightName = (colour: HighlightColour) => `backstory-${colour}`;

/** The `HighlightRegistry` and `Highlight` of the document's window, when the browser has them. */
export function highlightApi(doc: Document) {
  // Typed by hand: the DOM typings in use may predate the Custom Highlight API.
  const view = doc.defaultView as unknown as {
    CSS?: { highlights?: Map<string, object> };
    Highlight?: new (...ranges: Range[]) => object;
  } | null;
  const registry = view?.CSS?.highlights;
  const Highlight = view?.Highlight;
  return registry && Highlight ? { registry, Highlight } : null;
}

function injectStyle(doc: Document) {
  if (doc.getElementById(STYLE_ELEMENT_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ELEMENT_ID;
  style.textContent = HIGHLIGHT_COLOURS.map(
    (c) =>
      `::highlight(${highlightName(c)}) { background-color: ${COLOUR_VALUES[c]}; }\n` +
      `mark[${MARK_ATTRIBUTE}][data-colour="${c}"] { background-color: ${COLOUR_VALUES[c]}; color: inherit; }`,
  ).join('\n');
  (doc.head ?? doc.documentElement).appendChild(style);
}

/**
 * Paints exactly these highlights (removing ours painted before), one
 * `::highlight(backstory-<colour>)` per colour, or <mark> elements where the
 * Custom Highlight API is missing. Returns which of the two it used.
 */
export function paintHighlights(doc: Document, items: PaintItem[]): 'highlight-api' | 'marks' {
  clearHighlights(doc);
  const api = highlightApi(doc);
  if (!api) {
    injectStyle(doc);
    paintWithMarks(doc, items);
    return 'marks';
  }
  for (const colour of HIGHLIGHT_COLOURS) {
    const ranges = items.filter((item) => item.colour === colour).map((item) => item.range);
    if (ranges.length) api.registry.set(highlightName(colour), new api.Highlight(...ranges));
  }
  return 'highlight-api';
}

/** Removes every highlight Backstory painted on the page, in either way. */
export function clearHighlights(doc: Document): void {
  const api = highlightApi(doc);
  if (api) for (const colour of HIGHLIGHT_COLOURS) api.registry.delete(highlightName(colour));
  const parents = new Set<Node>();
  for (const mark of Array.from(doc.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`))) {
    const parent = mark.parentNode;
    if (!parent) continue;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parents.add(parent);
  }
  // Re-join the text nodes we split, so the page's text is as it was.
  for (const parent of parents) parent.normalize();
}

/** Scrolls the start of a highlight into the middle of the view. */
export function scrollToRange(range: Range): void {
  const node = range.startContainer;
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** The [start, end) pieces of each text node that `range` covers, skipping whitespace between blocks. */
function textPieces(doc: Document, range: Range): Array<{ node: Text; start: number; end: number }> {
  const pieces: Array<{ node: Text; start: number; end: number }> = [];
  const top = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(top.nodeType === 3 ? top.parentNode! : top, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!range.intersectsNode(node) || !node.data.trim()) continue;
    if (NOT_TEXT.has(node.parentElement?.tagName.toUpperCase() ?? '')) continue;
    const start = node === range.startContainer ? range.startOffset : 0;
    const end = node === range.endContainer ? range.endOffset : node.data.length;
    if (end > start) pieces.push({ node, start, end });
  }
  return pieces;
}

function paintWithMarks(doc: Document, items: PaintItem[]) {
  // Work out every piece before splitting any node, as splitting moves range boundaries.
  const byNode = new Map<Text, Array<{ start: number; end: number; item: PaintItem }>>();
  for (const item of items) {
    for (const { node, start, end } of textPieces(doc, item.range)) {
      if (!byNode.has(node)) byNode.set(node, []);
      byNode.get(node)!.push({ start, end, item });
    }
  }
  for (const [node, spans] of byNode) {
    const cuts = [...new Set(spans.flatMap((s) => [s.start, s.end]).concat(0, node.data.length))].sort((a, b) => a - b);
    // Split from the end so that `node` keeps the first piece.
    const parts: Array<{ text: Text; start: number; end: number }> = [];
    for (let i = cuts.length - 2; i >= 0; i--) {
      const text = i === 0 ? node : node.splitText(cuts[i]);
      parts.push({ text, start: cuts[i], end: cuts[i + 1] });
    }
    for (const part of parts) {
      const covering = spans.filter((s) => s.start <= part.start && s.end >= part.end);
      if (!covering.length) continue;
      const top = covering[covering.length - 1].item;
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, covering.map((s) => s.item.id).join(' '));
      mark.setAttribute('data-colour', top.colour);
      part.text.parentNode!.insertBefore(mark, part.text);
      mark.appendChild(part.text);
    }
  }
}
