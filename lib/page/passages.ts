import type { Passage } from '../messages';

/** The highlight names the panel paints with; their colours come from PAGE_HIGHLIGHT_CSS. */
export const HIGHLIGHT_NAMES = { all: 'backstory-mentions', focus: 'backstory-focus' } as const;

/** Inserted with scripting.insertCSS, so the page's DOM gains no <style> element. */
export const PAGE_HIGHLIGHT_CSS = `
::highlight(backstory-mentions) { background-color: rgba(255, 213, 79, 0.55); color: inherit; }
::highlight(backstory-focus) { background-color: rgba(255, 152, 0, 0.85); color: #111; }
`;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT']);

interface TextIndex {
  /** The page's visible-ish text with every run of white space collapsed to one space. */
  text: string;
  nodes: Text[];
  /** For each character of `text`: the index into `nodes`, and the offset in that node. */
  nodeAt: Uint32Array;
  offsetAt: Uint32Array;
}

/** Flattens the text nodes under `root` into one searchable string that maps back to the DOM. */
export function indexText(root: Node): TextIndex {
  const nodes: Text[] = [];
  const chars: string[] = [];
  const nodeAt: number[] = [];
  const offsetAt: number[] = [];
  let lastWasSpace = true;
  const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, 4 /* SHOW_TEXT */, {
    acceptNode: (node) => (node.parentElement && SKIP.has(node.parentElement.tagName) ? 2 /* REJECT */ : 1 /* ACCEPT */),
  });
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const value = node.nodeValue ?? '';
    const index = nodes.push(node) - 1;
    for (let i = 0; i < value.length; i++) {
      const space = /\s/.test(value[i]);
      if (space && lastWasSpace) continue;
      chars.push(space ? ' ' : value[i]);
      nodeAt.push(index);
      offsetAt.push(i);
      lastWasSpace = space;
    }
  }
  return { text: chars.join(''), nodes, nodeAt: Uint32Array.from(nodeAt), offsetAt: Uint32Array.from(offsetAt) };
}

/**
 * Finds a passage in indexed page text: every place its words occur, and of
 * those the one whose surroundings best agree with its prefix and suffix.
 */
export function locatePassage(index: TextIndex, passage: Passage): [number, number] | null {
  const exact = passage.exact.replace(/\s+/g, ' ').trim();
  if (!exact) return null;
  let best: [number, number] | null = null;
  let bestScore = -1;
  for (let at = index.text.indexOf(exact); at >= 0; at = index.text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const score =
      commonSuffix(index.text.slice(Math.max(0, at - 40), at), (passage.prefix ?? '').replace(/\s+/g, ' ')) +
      commonPrefix(index.text.slice(end, end + 40), (passage.suffix ?? '').replace(/\s+/g, ' '));
    if (score > bestScore) {
      best = [at, end];
      bestScore = score;
    }
  }
  return best;
}

function commonSuffix(a: string, b: string): number {
  const x = a.trimEnd();
  const y = b.trimEnd();
  let n = 0;
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  const x = a.trimStart();
  const y = b.trimStart();
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function toRange(doc: Document, index: TextIndex, [start, end]: [number, number]): Range {
  const range = doc.createRange();
  range.setStart(index.nodes[index.nodeAt[start]], index.offsetAt[start]);
  const last = end - 1;
  range.setEnd(index.nodes[index.nodeAt[last]], index.offsetAt[last] + 1);
  return range;
}

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

function registry(): { highlights: HighlightRegistry; Highlight: new (...ranges: Range[]) => unknown } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  return css?.highlights && Highlight ? { highlights: css.highlights, Highlight } : null;
}

/**
 * Paints passages in the page with the CSS Custom Highlight API (the DOM is
 * not changed) and scrolls passage number `focus` into view. Where the API is
 * missing, the focused passage is selected instead.
 */
export function showPassages(doc: Document, _group: string, passages: Passage[], focus: number): { found: number } {
  const index = indexText(doc.body);
  const ranges = passages.map((p) => locatePassage(index, p)).map((span) => (span ? toRange(doc, index, span) : null));
  const found = ranges.filter((r): r is Range => r !== null);
  const focused = ranges[focus] ?? found[0] ?? null;
  const api = registry();
  if (api) {
    api.highlights.set(HIGHLIGHT_NAMES.all, new api.Highlight(...found));
    if (focused) api.highlights.set(HIGHLIGHT_NAMES.focus, new api.Highlight(focused));
    else api.highlights.delete(HIGHLIGHT_NAMES.focus);
  } else if (focused) {
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(focused);
  }
  if (focused) {
    const element = focused.startContainer.parentElement;
    element?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
  }
  return { found: found.length };
}

/** Removes what showPassages painted. */
export function clearPassages(_doc: Document): { found: number } {
  const api = registry();
  api?.highlights.delete(HIGHLIGHT_NAMES.all);
  api?.highlights.delete(HIGHLIGHT_NAMES.focus);
  return { found: 0 };
}
