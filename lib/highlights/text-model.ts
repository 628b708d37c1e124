/**
 * The text model that selectors count in, shared by `describeRange` (saving)
 * and `anchorHighlight` / `findQuote` (finding again).
 *
 * The text of a root is its text nodes in document order, skipping
 * <script>, <style>, <noscript> and <template>, with:
 *  - every run of whitespace (spaces, tabs, newlines, no-break spaces) and every
 *    block boundary (<p>, <li>, <td>, <br> ...) collapsed into one space,
 *  - no leading or trailing space.
 * Offsets are UTF-16 code units into that string. We normalise whitespace
 * because it is what changes most often between two loads of the same article
 * (re-indented HTML, templates joining paragraphs differently), and because it
 * makes quotes read as the reader saw them ("end of one paragraph. Start of
 * the next") instead of as raw `textContent` ("paragraph.\n\n      Start").
 */

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE ' +
    'FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN NAV OL OPTION P PRE SECTION SUMMARY ' +
    'TABLE TBODY TD TFOOT TH THEAD TR UL'
  ).split(' '),
);

// Whitespace as HTML renders it, plus the no-break space that pages use between words.
const isSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x202f;

/** One root's flattened text and, for each of its characters, the text node and offset it came from. */
export interface TextModel {
  root: Node;
  text: string;
  /** The text nodes in document order. */
  nodes: Text[];
  /** nodeOf[i]: index into `nodes` of the character at model offset i. */
  nodeOf: Int32Array;
  /** offsetIn[i]: offset of that character inside its text node. */
  offsetIn: Int32Array;
  /** firstChar[k]: model offset of the first character at or after node k (text.length when none). */
  firstChar: Int32Array;
}

/** The element whose text selectors count in: a Document stands for its body. */
export function textRoot(root: Element | Document): Element {
  return root.nodeType === 9 ? ((root as Document).body ?? (root as Document).documentElement) : (root as Element);
}

/**
 * Flattens the text under `root` into the text model described at the top of
 * this file. Build it once per batch of anchors: it walks the whole subtree.
 */
export function buildTextModel(rootOrDoc: Element | Document): TextModel {
  const root = textRoot(rootOrDoc);
  const nodes: Text[] = [];
  // Block boundaries met between text nodes, as "a break comes before node k".
  const breakBefore: boolean[] = [];
  let pendingBreak = false;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        nodes.push(child as Text);
        breakBefore.push(pendingBreak);
        pendingBreak = false;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED.has(tag)) continue;
        const block = BLOCKS.has(tag);
        if (block) pendingBreak = true;
        walk(child);
        if (block) pendingBreak = true;
      }
    }
  };
  walk(root);

  // At most one space per node comes from a block boundary rather than from a character.
  let capacity = nodes.length;
  for (const node of nodes) capacity += node.data.length;
  const codes = new Uint16Array(capacity);
  const nodeOf = new Int32Array(capacity);
  const offsetIn = new Int32Array(capacity);
  const firstChar = new Int32Array(nodes.length + 1);
  let length = 0;
  // A space waits until a visible character follows, so none leads or trails.
  let space: { node: number; offset: number } | null = null;

  for (let k = 0; k < nodes.length; k++) {
    firstChar[k] = length;
    const data = nodes[k].data;
    if (breakBefore[k] && length > 0 && !space) space = { node: k, offset: 0 };
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) {
        if (length > 0 && !space) space = { node: k, offset: i };
        continue;
      }
      if (space) {
        codes[length] = 32;
        nodeOf[length] = space.node;
        offsetIn[length] = space.offset;
        length++;
        space = null;
      }
      codes[length] = data.charCodeAt(i);
      nodeOf[length] = k;
      offsetIn[length] = i;
      length++;
    }
  }
  firstChar[nodes.length] = length;
  return {
    root,
    text: decode(codes.subarray(0, length)),
    nodes,
    nodeOf: nodeOf.subarray(0, length),
    offsetIn: offsetIn.subarray(0, length),
    firstChar,
  };
}

/** UTF-16 code units to a string, in chunks small enough for the argument limit of fromCharCode. */
function decode(codes: Uint16Array): string {
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return text;
}

/**
 * The model offset of the first character at or after a DOM boundary point
 * (a Range's start or end). Points outside the root clamp to its ends.
 */
export function offsetAtPoint(model: TextModel, container: Node, offset: number): number {
  const k = container.nodeType === 3 ? model.nodes.indexOf(container as Text) : -1;
  if (k >= 0) {
    // Node k's characters are contiguous and in offset order; only a space carried
    // over from an earlier node may come first, and it lies before any point in k.
    let lo = model.firstChar[k];
    let hi = model.firstChar[k + 1];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (model.nodeOf[mid] !== k || model.offsetIn[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  // Otherwise find the first text node that starts at or after the point.
  const doc = model.root.ownerDocument!;
  const point = doc.createRange();
  point.setStart(container, offset);
  let lo = 0;
  let hi = model.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (point.comparePoint(model.nodes[mid], 0) < 0) lo = mid + 1;
    else hi = mid;
  }
  return model.firstChar[lo];
}

/**
 * A DOM Range covering model offsets [start, end). Callers pass spans that
 * neither start nor end on a collapsed space (see `trimSpan`).
 */
export function rangeFromOffsets(model: TextModel, start: number, end: number): Range {
  const range = model.root.ownerDocument!.createRange();
  range.setStart(model.nodes[model.nodeOf[start]], model.offsetIn[start]);
  const last = end - 1;
  range.setEnd(model.nodes[model.nodeOf[last]], model.offsetIn[last] + 1);
  return range;
}

/** Narrows [start, end) so that it neither starts nor ends with a space. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return [start, end];
}
