/**
 * The shapes of a saved highlight. Selectors follow the W3C Web Annotation
 * Data Model (https://www.w3.org/TR/annotation-model/#selectors); offsets and
 * quotes are counted in the text model of `text-model.ts` (whitespace runs
 * collapsed to one space, UTF-16 code units).
 */

/** The quoted passage with up to 32 characters of context on each side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** [start, end) offsets of the passage in the page's text model. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Both selectors of one passage: the quote is the truth, the position a hint. */
export interface HighlightSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}

export const HIGHLIGHT_COLOURS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColour = (typeof HIGHLIGHT_COLOURS)[number];

/** What we know about the page a highlight was saved on (for grouping and citations). */
export interface PageInfo {
  url: string;
  canonicalUrl: string | null;
  title: string;
  /** Author names, one per entry ("Daniel Kahn Gillmor", "Associated Press"). */
  authors: string[];
  /** The site or publication ("The New York Times"). */
  site: string | null;
  /** ISO date (YYYY-MM-DD or a full ISO timestamp) the page says it was published. */
  published: string | null;
}

/** A saved highlight, as stored (schema version 1). */
export interface HighlightRecord {
  id: string;
  /** Groups highlights of one page: the canonical URL (else the URL) without fragment. */
  pageKey: string;
  page: PageInfo;
  selectors: HighlightSelectors;
  note: string;
  tags: string[];
  colour: HighlightColour;
  /** ISO timestamps. */
  created: string;
  modified: string;
}

/** The fields a reader can edit after saving. */
export type HighlightPatch = Partial<Pick<HighlightRecord, 'note' | 'tags' | 'colour'>>;

/** One of the current page's highlights, and whether it was found on the page as it is now. */
export interface PageHighlight {
  record: HighlightRecord;
  found: boolean;
}

/** Which highlights an export holds. */
export type ExportScope = 'all' | 'page' | 'search';
