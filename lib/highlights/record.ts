import { splitByline } from '../extract/byline';
import { describeRange } from './anchor';
import type { HighlightColour, HighlightRecord, PageInfo } from './types';

/**
 * The key that groups a page's highlights: the canonical URL when the page
 * names one on its own site (its host or a sub- or parent domain), else its URL, without the fragment and without
 * utm_* tracking parameters, so the same article shared through different
 * links is one page. A canonical URL on another host is not believed: a page
 * could otherwise claim to be another site's article and be handed its
 * highlights by automatic restore.
 */
export function pageKeyFor(page: Pick<PageInfo, 'url' | 'canonicalUrl'>): string {
  const raw = page.canonicalUrl && sameSite(page.canonicalUrl, page.url) ? page.canonicalUrl : page.url;
  try {
    const url = new URL(raw);
    url.hash = '';
    // forEach, not iteration: URLSearchParams is not iterable through Firefox's content-script wrappers.
    const tracking: string[] = [];
    url.searchParams.forEach((_value, name) => {
      if (/^utm_/i.test(name)) tracking.push(name);
    });
    for (const name of tracking) url.searchParams.delete(name);
    return url.href;
  } catch {
    return raw;
  }
}

/** The same host, or one a subdomain of the other (m.site.example and site.example). */
function sameSite(a: string, b: string): boolean {
  try {
    const [x, y] = [new URL(a).host, new URL(b).host];
    return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
  } catch {
    return false;
  }
}

/**
 * What a page says about itself, for citations: canonical URL, title,
 * authors, site and publication date from the usual <link> and <meta> tags.
 * `known` (e.g. the analysis report's article info) wins where it has a value.
 */
export function pageInfoFromDocument(doc: Document, known: Partial<PageInfo> & { byline?: string | null } = {}): PageInfo {
  const meta = (...names: string[]) => {
    for (const name of names) {
      const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
      const content = el?.getAttribute('content')?.trim();
      if (content) return content;
    }
    return null;
  };
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  let canonicalUrl: string | null = null;
  try {
    canonicalUrl = canonical ? new URL(canonical, doc.URL).href : null;
  } catch {
    canonicalUrl = null;
  }
  const authors = known.authors?.length
    ? known.authors
    : splitByline(known.byline ?? meta('author', 'article:author', 'parsely-author', 'dc.creator'));
  return {
    url: known.url || doc.URL,
    canonicalUrl: known.canonicalUrl ?? canonicalUrl,
    title: known.title || meta('og:title', 'twitter:title') || doc.title || doc.URL,
    authors: authors.filter((a) => !/^https?:/i.test(a)),
    site: known.site ?? meta('og:site_name', 'application-name'),
    published: known.published ?? meta('article:published_time', 'datePublished', 'date', 'dc.date', 'pubdate'),
  };
}

/** A random id; ids are kept through export and import, so re-importing a file adds no copies. */
export function newHighlightId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * A new highlight record for the text in `range`, or null when the range
 * holds no text. Offsets count in the text of `root` (the page's body).
 */
export function createHighlight(
  root: Element | Document,
  range: Range,
  page: PageInfo,
  extra: { note?: string; tags?: string[]; colour?: HighlightColour; now?: Date } = {},
): HighlightRecord | null {
  const selectors = describeRange(root, range);
  if (!selectors) return null;
  const now = (extra.now ?? new Date()).toISOString();
  return {
    id: newHighlightId(),
    pageKey: pageKeyFor(page),
    page,
    selectors,
    note: extra.note ?? '',
    tags: normaliseTags(extra.tags ?? []),
    colour: extra.colour ?? 'yellow',
    created: now,
    modified: now,
  };
}

/** Tags as stored: trimmed, without a leading #, no empties, no repeats (case-insensitively). */
export function normaliseTags(tags: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}
