import type { HighlightColour, HighlightRecord, PageInfo } from './types';

/** Lower case, without diacritics: "Élysée" → "elysee", so searching forgives both. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

export interface HighlightQuery {
  /** Words that must all appear (in the quote, note, tags or page title), in any order. */
  text?: string;
  /** Keep highlights carrying every one of these tags (case-insensitive). */
  tags?: string[];
  /** Keep highlights of any of these colours. */
  colours?: HighlightColour[];
  /** Keep one page's highlights. */
  pageKey?: string;
}

// Each record's searchable text, computed once: records are immutable values (edits make new ones).
const haystacks = new WeakMap<HighlightRecord, string>();

function haystack(record: HighlightRecord): string {
  let text = haystacks.get(record);
  if (text === undefined) {
    text = normaliseForSearch(
      [record.selectors.quote.exact, record.note, record.tags.join(' '), record.page.title, record.page.site ?? ''].join('\n'),
    );
    haystacks.set(record, text);
  }
  return text;
}

/**
 * The highlights matching a query: every word of `text` somewhere in the
 * quote, note, tags, title or site (case and diacritics ignored), and the tag,
 * colour and page filters. Keeps the input order.
 */
export function searchHighlights(records: HighlightRecord[], query: HighlightQuery): HighlightRecord[] {
  const words = normaliseForSearch(query.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  const tags = (query.tags ?? []).map(normaliseForSearch);
  const colours = query.colours?.length ? new Set(query.colours) : null;
  return records.filter((record) => {
    if (query.pageKey && record.pageKey !== query.pageKey) return false;
    if (colours && !colours.has(record.colour)) return false;
    if (tags.length) {
      const own = record.tags.map(normaliseForSearch);
      if (!tags.every((tag) => own.includes(tag))) return false;
    }
    if (!words.length) return true;
    const text = haystack(record);
    return words.every((word) => text.includes(word));
  });
}

/**
 * A page's highlights in reading order: by where they were found on the page
 * now (`anchoredAt`, a model offset per id), else where they were saved.
 */
export function inReadingOrder(records: HighlightRecord[], anchoredAt: Map<string, number> = new Map()): HighlightRecord[] {
  const at = (r: HighlightRecord) => anchoredAt.get(r.id) ?? r.selectors.position?.start ?? Number.MAX_SAFE_INTEGER;
  return records.slice().sort((a, b) => at(a) - at(b) || a.created.localeCompare(b.created));
}

export interface PageGroup {
  pageKey: string;
  /** The page as described by its most recently saved highlight. */
  page: PageInfo;
  /** In reading order. */
  highlights: HighlightRecord[];
  /** The latest `modified` among them. */
  lastModified: string;
}

/** Highlights grouped by page, the most recently active page first. */
export function groupByPage(records: HighlightRecord[]): PageGroup[] {
  const groups = new Map<string, HighlightRecord[]>();
  for (const record of records) {
    const list = groups.get(record.pageKey);
    if (list) list.push(record);
    else groups.set(record.pageKey, [record]);
  }
  return [...groups.entries()]
    .map(([pageKey, list]) => {
      const newest = list.reduce((a, b) => (b.created > a.created ? b : a));
      const lastModified = list.reduce((m, r) => (r.modified > m ? r.modified : m), '');
      return { pageKey, page: newest.page, highlights: inReadingOrder(list), lastModified };
    })
    .sort((a, b) => b.lastModified.localeCompare(a.lastModified));
}

/** Every tag in use, sorted, each once (as first written). */
export function allTags(records: HighlightRecord[]): string[] {
  const seen = new Map<string, string>();
  for (const record of records) for (const tag of record.tags) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}
