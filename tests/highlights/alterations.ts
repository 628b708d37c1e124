/**
 * Re-anchoring trials on real pages, shared by tests/highlights/anchoring-pages.test.ts
 * and `npm run eval:anchoring`: save a random passage, alter a copy of the
 * page the way pages change between visits, anchor again, and judge the
 * result against where the passage really is now (tracked with two comment
 * nodes, which the text model ignores).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { anchorHighlight, describeRange, prepareAnchoring } from '../../lib/highlights/anchor';
import { buildTextModel, offsetAtPoint, rangeFromOffsets, trimSpan } from '../../lib/highlights/text-model';
import type { HighlightSelectors } from '../../lib/highlights/types';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PAGES_DIR = path.resolve(repoRoot, '../shared/data/readability-pages');

/** The readability test pages, or [] when ../shared is not there. */
export function listPages(): string[] {
  if (!fs.existsSync(PAGES_DIR)) return [];
  return fs
    .readdirSync(PAGES_DIR)
    .filter((name) => fs.existsSync(path.join(PAGES_DIR, name, 'source.html')))
    .sort();
}

/** A page to run trials on: its document and a pristine copy of its body to restore before each trial. */
export interface PageFixture {
  doc: Document;
  body: HTMLElement;
}

/**
 * A page parsed in jsdom, without scripts, styles and comments (they hold no
 * text we anchor in). Trials swap in a fresh copy of the body rather than
 * clone the document: jsdom keeps every cloned Document alive.
 */
export function loadPage(name: string): PageFixture {
  const html = fs.readFileSync(path.join(PAGES_DIR, name, 'source.html'), 'utf8');
  const { document } = new JSDOM(html, { url: `https://example.org/${name}/`, virtualConsole: new VirtualConsole() }).window;
  for (const el of Array.from(document.querySelectorAll('script, style, link, iframe'))) el.remove();
  for (const el of Array.from(document.querySelectorAll('[style]'))) el.removeAttribute('style');
  const walker = document.createTreeWalker(document, 128 /* SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
  return { doc: document, body: document.body.cloneNode(true) as HTMLElement };
}

/** The fixture's document with its original body back. */
export function freshCopy(page: PageFixture): Document {
  page.doc.documentElement.replaceChild(page.body.cloneNode(true), page.doc.body);
  return page.doc;
}

/** A small seeded PRNG (mulberry32), so every run draws the same passages. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(rng: Random, list: T[]): T => list[Math.floor(rng() * list.length)];

export const ALTERATION_KINDS = ['none', 'ads', 'paragraphs', 'whitespace-punctuation', 'word-edit', 'reorder', 'combined', 'deleted'] as const;
export type AlterationKind = (typeof ALTERATION_KINDS)[number];

interface Markers {
  start: Comment;
  end: Comment;
}

const BLOCK_SELECTOR = 'p, li, div, td, blockquote, h1, h2, h3, h4, h5, h6, section, article, table, ul, ol';

/**
 * Picks a random passage of 2 to 80 words, mostly starting inside a
 * paragraph of the article (long ones run on across paragraphs, list items
 * and cells), and returns its model span.
 */
export function pickPassage(
  doc: Document,
  rng: Random,
  model = buildTextModel(doc),
  paragraphs = Array.from(doc.body.querySelectorAll('p, li, td')).filter((p) => (p.textContent ?? '').trim().length > 60),
): [number, number] | null {
  const { text } = model;
  if (text.length < 200) return null;
  let from = 0;
  let to = text.length;
  if (paragraphs.length && rng() < 0.8) {
    const p = pick(rng, paragraphs);
    from = offsetAtPoint(model, p, 0);
    to = offsetAtPoint(model, p, p.childNodes.length);
  }
  const wordStarts: number[] = [];
  for (let i = from; i < to; i++) if (text[i] !== ' ' && (i === 0 || text[i - 1] === ' ')) wordStarts.push(i);
  if (!wordStarts.length) return null;
  const start = pick(rng, wordStarts);
  const roll = rng();
  const words = roll < 0.5 ? 2 + Math.floor(rng() * 10) : roll < 0.85 ? 12 + Math.floor(rng() * 20) : 32 + Math.floor(rng() * 50);
  let end = start;
  for (let n = 0; n < words && end < text.length; n++) {
    while (end < text.length && text[end] === ' ') end++;
    while (end < text.length && text[end] !== ' ') end++;
  }
  const span = trimSpan(text, start, end);
  return span[1] > span[0] ? span : null;
}

/** Saves the passage (selectors, as the extension would) and marks where it is with two comments. */
export function savePassage(doc: Document, span: [number, number]): { selectors: HighlightSelectors; markers: Markers } {
  const model = buildTextModel(doc);
  const range = rangeFromOffsets(model, span[0], span[1]);
  const selectors = describeRange(doc, range)!;
  const end = doc.createComment('passage-end');
  const atEnd = range.cloneRange();
  atEnd.collapse(false);
  atEnd.insertNode(end);
  const start = doc.createComment('passage-start');
  const atStart = range.cloneRange();
  atStart.collapse(true);
  atStart.insertNode(start);
  return { selectors, markers: { start, end } };
}

const ADS = [
  'Advertisement',
  'ADVERTISEMENT — Continue reading the main story',
  'Sponsored: Try our new app today and get the news first. Subscribe for $1 a week.',
  'Related: The stories everyone is reading right now',
  'Sign up for our newsletter to get the latest updates delivered to your inbox.',
];
const WORDS = (
  'update officials said later statement council reporters morning according sources added government ' +
  'spokesperson confirmed earlier report residents committee announced weekend meeting region'
).split(' ');

const sentence = (rng: Random) => {
  const n = 8 + Math.floor(rng() * 12);
  const words = Array.from({ length: n }, () => pick(rng, WORDS));
  return words.join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
};

/** The nearest block element holding both markers, below <body>. */
function passageBlock(markers: Markers): Element | null {
  const range = markers.start.ownerDocument!.createRange();
  range.setStartBefore(markers.start);
  range.setEndAfter(markers.end);
  let node: Node | null = range.commonAncestorContainer;
  while (node && node.nodeType === 1 && !(node as Element).matches(BLOCK_SELECTOR)) node = node.parentNode;
  if (node && node.nodeType !== 1) node = node.parentElement;
  for (let el = node as Element | null; el; el = el.parentElement) {
    if (el.matches(BLOCK_SELECTOR) && el !== el.ownerDocument.body) return el;
  }
  return null;
}

function insertBlocks(doc: Document, rng: Random, markers: Markers, make: () => Element, count: number, nearPassage: 'before' | 'after') {
  const blocks = Array.from(doc.body.querySelectorAll(BLOCK_SELECTOR));
  for (let i = 0; i < count && blocks.length; i++) {
    const at = pick(rng, blocks);
    at.parentNode?.insertBefore(make(), rng() < 0.5 ? at : at.nextSibling);
  }
  const block = passageBlock(markers);
  if (block?.parentNode) block.parentNode.insertBefore(make(), nearPassage === 'before' ? block : block.nextSibling);
}

const textNodesUnder = (root: Node): Text[] => {
  const walker = root.ownerDocument!.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  return nodes;
};

/** Text nodes between the two markers. */
function passageTextNodes(markers: Markers): Text[] {
  const range = markers.start.ownerDocument!.createRange();
  range.setStartAfter(markers.start);
  range.setEndBefore(markers.end);
  return textNodesUnder(range.commonAncestorContainer).filter((t) => range.intersectsNode(t));
}

const ALTER: Record<AlterationKind, (doc: Document, markers: Markers, rng: Random) => boolean> = {
  none: () => true,
  ads: (doc, markers, rng) => {
    insertBlocks(doc, rng, markers, () => Object.assign(doc.createElement('div'), { className: 'ad', textContent: pick(rng, ADS) }), 5, 'before');
    return true;
  },
  paragraphs: (doc, markers, rng) => {
    insertBlocks(doc, rng, markers, () => Object.assign(doc.createElement('p'), { textContent: `${sentence(rng)} ${sentence(rng)}` }), 3, 'after');
    return true;
  },
  // Re-indented HTML, typographic quotes and dashes, and commas added or dropped, inside the passage too.
  'whitespace-punctuation': (doc, _markers, rng) => {
    let double = false;
    for (const node of textNodesUnder(doc.body)) {
      node.data = node.data
        .replace(/ /g, () => pick(rng, [' ', ' ', ' ', '  ', '\n      ', '\u00a0']))
        .replace(/"/g, () => ((double = !double) ? '“' : '”'))
        .replace(/'/g, '’')
        .replace(/ - /g, ' — ')
        .replace(/,/g, () => (rng() < 0.3 ? '' : ','))
        .replace(/(\w) (but|which|and) /g, (m, w, conj) => (rng() < 0.2 ? `${w}, ${conj} ` : m));
    }
    return true;
  },
  'word-edit': (doc, markers, rng) => {
    const candidates: Array<{ node: Text; index: number; word: string }> = [];
    for (const node of passageTextNodes(markers)) {
      for (const m of node.data.matchAll(/\p{L}{3,}/gu)) candidates.push({ node, index: m.index!, word: m[0] });
    }
    if (candidates.length < 2) return false;
    const { node, index, word } = pick(rng, candidates);
    const replacement = pick(rng, ['reportedly', 'allegedly', 'nevertheless', 'significant', 'new']);
    node.data = node.data.slice(0, index) + (replacement === word ? 'changed' : replacement) + node.data.slice(index + word.length);
    void doc;
    return true;
  },
  // The passage's block moves elsewhere among its siblings.
  reorder: (_doc, markers, rng) => {
    const block = passageBlock(markers);
    const parent = block?.parentElement;
    if (!block || !parent) return false;
    const others = Array.from(parent.children).filter((c) => c !== block && (c.textContent ?? '').trim().length > 20);
    if (!others.length) return false;
    const other = pick(rng, others);
    const after = block.compareDocumentPosition(other) & 4; /* other follows block */
    parent.insertBefore(block, after ? other.nextSibling : other);
    return true;
  },
  combined: (doc, markers, rng) => ALTER.ads(doc, markers, rng) && ALTER.paragraphs(doc, markers, rng) && ALTER['whitespace-punctuation'](doc, markers, rng),
  deleted: (doc, markers) => {
    const range = doc.createRange();
    range.setStartAfter(markers.start);
    range.setEndBefore(markers.end);
    range.deleteContents();
    return true;
  },
};

/**
 * - reanchored: on the passage; imprecise: mostly on it, but misses or adds over a tenth;
 * - copy: on another place showing exactly the saved words, on a page that had them more than once
 *   (menus and teasers repeated for mobile and desktop): the right words, not the saved place;
 * - wrong: on other words; orphaned: not found; skipped: the alteration did not apply.
 */
export type Outcome = 'reanchored' | 'imprecise' | 'copy' | 'wrong' | 'orphaned' | 'skipped';

/**
 * Judges an anchor against the passage's true place now: wrong when most of
 * the painted text is not the passage (or the passage is gone), imprecise
 * when it overlaps but misses or adds more than a tenth.
 */
export function judge(anchored: [number, number] | null, truth: [number, number]): Outcome {
  if (!anchored) return 'orphaned';
  const [a, b] = anchored;
  const [t0, t1] = truth;
  if (t1 <= t0) return 'wrong';
  const overlap = Math.max(0, Math.min(b, t1) - Math.max(a, t0));
  if (overlap < 0.5 * (b - a)) return 'wrong';
  return overlap >= 0.9 * (t1 - t0) && overlap >= 0.9 * (b - a) ? 'reanchored' : 'imprecise';
}

export interface TrialResult {
  kind: AlterationKind;
  outcome: Outcome;
  quote: string;
  method?: string;
  /** For reading failures: the selectors, and the text found around the anchor and around the truth. */
  detail?: string;
}

/** One trial: a fresh copy of the page, a random passage saved on it, an alteration, and the anchor judged. */
export function runTrial(page: PageFixture, kind: AlterationKind, rng: Random): TrialResult {
  const doc = freshCopy(page);
  const span = pickPassage(doc, rng);
  if (!span) return { kind, outcome: 'skipped', quote: '' };
  const { selectors, markers } = savePassage(doc, span);
  const before = buildTextModel(doc).text;
  const repeats = before.indexOf(selectors.quote.exact) !== before.lastIndexOf(selectors.quote.exact);
  if (!ALTER[kind](doc, markers, rng)) return { kind, outcome: 'skipped', quote: selectors.quote.exact };
  const context = prepareAnchoring(doc);
  const { model } = context;
  const at = (marker: Comment) => {
    const parent = marker.parentNode!;
    return offsetAtPoint(model, parent, Array.prototype.indexOf.call(parent.childNodes, marker));
  };
  const truth = trimSpan(model.text, at(markers.start), at(markers.end));
  const result = anchorHighlight(doc, selectors, context);
  const anchored: [number, number] | null = 'range' in result ? [result.start, result.end] : null;
  let outcome = judge(anchored, truth);
  if (outcome === 'wrong' && anchored && model.text.slice(anchored[0], anchored[1]) === selectors.quote.exact && repeats) outcome = 'copy';
  const around = ([a, b]: [number, number]) => `${model.text.slice(Math.max(0, a - 40), a)}[${model.text.slice(a, b)}]${model.text.slice(b, b + 40)}`;
  const detail =
    outcome === 'reanchored'
      ? undefined
      : `saved ${JSON.stringify(selectors)}\n    anchored ${anchored ? around(anchored) : '-'} (${'method' in result ? result.method : result.reason})\n    truth ${around(truth)}`;
  return { kind, outcome, quote: selectors.quote.exact, method: 'method' in result ? result.method : undefined, detail };
}
