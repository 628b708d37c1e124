/**
 * Harvesting background links from a news page: the publisher's own links
 * inside the article body and its "Related", "Also see", "Read more" boxes.
 * Runs on the original page's Document (content script, tests, CLI).
 */
import { classifyLink } from './urls';

/** A link found on the page, before ranking. */
export interface RawLink {
  /** Absolute http(s) URL without hash or utm_* parameters. */
  url: string;
  /** The link's visible text (or its image's alt text). */
  text: string;
  /** The link's title attribute, when it has one. */
  title?: string;
  /** Inside the article body, or in a related-articles block around it. */
  context: 'in-article' | 'related';
  /** Teaser text next to the link, e.g. the description in an "Also see" box. */
  snippet?: string;
}

// Labels and class names of blocks that point to further reading. The
// non-English ones cover the languages of the test pages (fr, es, pt, de, cs).
const RELATED_LABEL =
  /^\W*(related|see also|also see|also read|read also|read more|read next|more on|more about|more from|recommended|further reading|more stories|more coverage|in depth|you (may|might) also|what to read next|lire aussi|à lire aussi|sur le même sujet|leia também|leia mais|veja também|ver también|lee también|relacionad|mehr zum thema|weitere artikel|lesen sie auch|související|čtěte také|leggi anche)/i;
const RELATED_ATTR =
  /related|also[-_ ]?see|see[-_ ]?also|also[-_ ]?read|more[-_ ]?on\b|read[-_ ]?(more|next|also)|recommended|further[-_ ]?reading|more[-_ ]?(stories|coverage|articles)/i;
// An ancestor with more text than this is a page column, not a related box.
const MAX_BLOCK_TEXT = 4000;
const MAX_TEXT = 300;
// Link texts that say nothing about where they lead.
const GENERIC_TEXT = /^(here|this|link|more|read more|continue reading|click here|full story|see more|view more|\W*)$/i;

/**
 * Collects the page's background links: (a) links in the article body that
 * lead to other articles (`in-article`; the body is known from Readability's
 * `articleHtml`, whose hrefs are matched against the page's links) and (b)
 * links in related / also-see / read-more blocks outside it (`related`).
 * Navigation, sharing, tag and author pages, comments, ads, house pages,
 * files, non-http(s) links and the page itself are left out (see
 * `classifyLink`). URLs are absolute and deduplicated, keeping the most
 * telling text. Never throws on odd markup; returns `[]` when nothing fits.
 */
export function harvestLinks(doc: Document, pageUrl: string, articleHtml: string): RawLink[] {
  const found = new Map<string, RawLink>();
  const add = (link: RawLink) => {
    const seen = found.get(link.url);
    if (!seen) {
      found.set(link.url, link);
      return;
    }
    if (link.context === 'in-article') seen.context = 'in-article';
    if (betterText(link.text, seen.text)) seen.text = link.text;
    seen.title ??= link.title;
    seen.snippet ??= link.snippet;
  };

  const bodyUrls = new Set<string>();
  for (const a of articleAnchors(doc, articleHtml)) {
    const url = keep(a, pageUrl);
    if (!url) continue;
    bodyUrls.add(url);
    add(rawLink(a, url, 'in-article'));
  }

  const related = new RelatedBlocks();
  for (const a of Array.from(doc.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    const url = keep(a, pageUrl);
    if (!url) continue;
    const inBody = bodyUrls.has(url);
    if (!inBody && !related.contains(a)) continue;
    add(rawLink(a, url, inBody ? 'in-article' : 'related', inBody ? undefined : teaser(a)));
  }
  return [...found.values()].sort((x, y) => rank(x) - rank(y));
}

// In-article links first, each group in page order (Map keeps insertion order; sort is stable).
function rank(link: RawLink): number {
  return link.context === 'in-article' ? 0 : 1;
}

/** Anchors of Readability's article HTML, parsed inertly (a template's content runs no scripts and loads nothing). */
function articleAnchors(doc: Document, articleHtml: string): Element[] {
  if (!articleHtml) return [];
  const template = doc.createElement('template');
  template.innerHTML = articleHtml;
  return Array.from(template.content.querySelectorAll('a[href]'));
}

function keep(a: Element, pageUrl: string): string | null {
  const { url, drop } = classifyLink(a.getAttribute('href') ?? '', pageUrl);
  return drop ? null : url;
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
}

// A label some sites put inside the link itself ("Related: Chicago is America's most segregated city").
const LABEL_PREFIX = /^(related|see also|also see|read more|read also|more|watch|listen)\s*:\s*/i;

function rawLink(a: Element, url: string, context: RawLink['context'], snippet?: string): RawLink {
  const link: RawLink = { url, text: anchorText(a), context };
  const title = clean(a.getAttribute('title'));
  if (title) link.title = title;
  if (snippet) link.snippet = snippet;
  return link;
}

function anchorText(a: Element): string {
  const text = clean(a.textContent).replace(LABEL_PREFIX, '');
  if (text) return text;
  const img = a.querySelector('img[alt]');
  return clean(img?.getAttribute('alt')) || clean(a.getAttribute('aria-label'));
}

function betterText(candidate: string, current: string): boolean {
  if (!candidate || GENERIC_TEXT.test(candidate)) return false;
  if (!current || GENERIC_TEXT.test(current)) return true;
  return candidate.length > current.length;
}

// Boxes of paid links ("Promoted stories", Taboola, Outbrain) look like related blocks but are ads.
const SPONSORED_ATTR = /taboola|outbrain|zergnet|revcontent|sponsor|promoted|advert|(^|[\s_-])ads?([\s_-]|$)|dfp/i;
const COMMENT_ATTR = /comment/i;

/**
 * Decides whether a page link sits in a related-articles block, remembering
 * per element what it found so that a page's few hundred links walk each
 * ancestor chain cheaply.
 */
class RelatedBlocks {
  private memo = new Map<Element, 'related' | 'sponsored' | 'comments' | 'big' | 'plain'>();

  contains(a: Element): boolean {
    for (let el: Element | null = a; el && el.tagName !== 'BODY'; el = el.parentElement) {
      if (el.tagName === 'NAV' || el.getAttribute('role') === 'navigation') return false;
      let kind = this.memo.get(el);
      if (kind === undefined) {
        kind = blockKind(el);
        this.memo.set(el, kind);
      }
      if (kind === 'related') return true;
      if (kind !== 'plain') return false;
    }
    return false;
  }
}

function attributesOf(el: Element): string {
  return [el.getAttribute('class'), el.id, el.getAttribute('aria-label'), el.getAttribute('data-module')]
    .filter(Boolean)
    .join(' ');
}

function blockKind(el: Element): 'related' | 'sponsored' | 'comments' | 'big' | 'plain' {
  const attrs = attributesOf(el);
  if (SPONSORED_ATTR.test(attrs)) return 'sponsored';
  if (COMMENT_ATTR.test(attrs)) return 'comments';
  if ((el.textContent?.length ?? 0) > MAX_BLOCK_TEXT) return 'big';
  if (el.tagName === 'A') return 'plain';
  if (RELATED_ATTR.test(attrs)) return 'related';
  const labelledBy = el.getAttribute('aria-labelledby');
  const labelEl = labelledBy ? el.ownerDocument.getElementById(labelledBy) : null;
  const heading = el.querySelector('h1, h2, h3, h4, h5, h6, [class*="label"], [class*="title"], [class*="heading"]');
  const before = el.previousElementSibling;
  const labels = [labelEl, heading, before && /^H[1-6]$/.test(before.tagName) ? before : null];
  const labelled = labels.some((l) => {
    const text = clean(l?.textContent);
    return text.length > 0 && text.length <= 80 && RELATED_LABEL.test(text);
  });
  return labelled ? 'related' : 'plain';
}

/**
 * The teaser next to a link in a related box: the text of the smallest
 * enclosing block that holds no other link, minus the link and box labels.
 * Prose around a link in a paragraph is not a teaser.
 */
function teaser(a: Element): string | undefined {
  const href = a.getAttribute('href');
  let box: Element | null = null;
  for (let el = a.parentElement, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
    if (el.tagName === 'P' || el.tagName === 'BODY') break;
    const others = Array.from(el.querySelectorAll('a[href]')).some((o) => o.getAttribute('href') !== href);
    if (others || (el.textContent?.length ?? 0) > 800) break;
    box = el;
  }
  if (!box) return undefined;
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node === a) return;
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (/^(SCRIPT|STYLE|TIME|BUTTON)$/.test(el.tagName)) return;
    if (RELATED_LABEL.test(clean(el.textContent)) && clean(el.textContent).length <= 40) return;
    el.childNodes.forEach(walk);
  };
  walk(box);
  const text = clean(parts.join(' '));
  return text.length >= 20 ? text : undefined;
}
