import type { ArticleText } from './extract/article';
import { HIGHLIGHT_COLOURS, type HighlightColour, type HighlightSelectors, type PageInfo } from './highlights/types';

/** A passage of the analysed text to find and paint in the page. */
export interface Passage {
  exact: string;
  prefix?: string;
  suffix?: string;
}

/** Links read from the original page, before ranking (see lib/background). */
export interface PageLink {
  url: string;
  text: string;
  title?: string;
  context: 'in-article' | 'related';
  snippet?: string;
}

export type ExtractResponse =
  | { ok: true; article: ArticleText; links: PageLink[]; readerable: boolean; extractMs: number }
  | { ok: false; reason: 'no-article' | 'empty' | 'loading' | 'failed'; message: string };

/**
 * What the side panel asks of the script it injects into the page, by
 * method name: one entry per request, with its parameters and its answer.
 */
export interface PageRequests {
  extract: { params: { force: boolean }; result: ExtractResponse };
  /** Paints the passages (an actor's mentions, a timeline sentence) and scrolls to number `focus`. */
  showPassages: { params: { passages: Passage[]; focus: number }; result: { found: number } };
  clearPassages: { params: Record<string, never>; result: { found: number } };
  /** Describes the reader's current selection as W3C selectors, with what the page says about itself. */
  captureSelection: { params: Record<string, never>; result: CapturedSelection };
  /** Finds and paints saved highlights (retrying while the page loads late content); says where each landed. */
  paintHighlights: { params: { items: PaintRequest[] }; result: { anchored: Array<{ id: string; start: number }>; orphans: string[] } };
  /** Scrolls a painted highlight into view. */
  scrollToHighlight: { params: { id: string }; result: { found: boolean } };
  /** The key highlights of this page are stored under (canonical URL, else URL). */
  pageIdentity: { params: Record<string, never>; result: { pageKey: string } };
}

export type CapturedSelection =
  | { ok: true; selectors: Required<HighlightSelectors>; page: PageInfo }
  | { ok: false; message: string };

export interface PaintRequest {
  id: string;
  selectors: HighlightSelectors;
  colour: HighlightColour;
}

/**
 * What the auto-restore script asks of the background: the highlights saved
 * for the page it runs in. The page's URL comes from the sender, not from
 * the message, so a page cannot ask for another page's highlights.
 */
export interface BackgroundRequests {
  highlightsForPage: { params: { canonicalUrl: string | null }; result: PaintRequest[] };
}

export interface BackgroundMessage {
  backstory: 1;
  method: keyof BackgroundRequests;
  params: BackgroundRequests[keyof BackgroundRequests]['params'];
}

export type PageMethod = keyof PageRequests;

export interface PageMessage<M extends PageMethod = PageMethod> {
  backstory: 1;
  method: M;
  params: PageRequests[M]['params'];
}

/** What the page's script, or the background, tells the panel without being asked. */
export interface PageEvents {
  pageChanged: { url: string; title: string };
  /** From the background: highlights were saved, so an open panel should reload its list. */
  highlightsChanged: { pageKey: string };
  /**
   * From Chrome's background: the toolbar button was pressed in this window, so a side panel open there closes,
   * or reads its tab if it was waiting for leave to (the press gave it).
   */
  toolbarPressed: { windowId: number };
}

export interface PageEventMessage<E extends keyof PageEvents = keyof PageEvents> {
  backstory: 1;
  event: E;
  data: PageEvents[E];
}

const METHODS: ReadonlySet<string> = new Set<PageMethod>([
  'extract',
  'showPassages',
  'clearPassages',
  'captureSelection',
  'paintHighlights',
  'scrollToHighlight',
  'pageIdentity',
]);

/** Builds a typed request for the page script. */
export function pageMessage<M extends PageMethod>(method: M, params: PageRequests[M]['params']): PageMessage<M> {
  return { backstory: 1, method, params };
}

/**
 * Checks that an incoming message is one of ours and well formed, so that
 * nothing else that reaches a listener can make it act.
 */
export function isPageMessage(value: unknown): value is PageMessage {
  if (!value || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  if (message.backstory !== 1 || typeof message.method !== 'string' || !METHODS.has(message.method)) return false;
  const params = message.params;
  if (!params || typeof params !== 'object') return false;
  const p = params as Record<string, unknown>;
  switch (message.method as PageMethod) {
    case 'extract':
      return typeof p.force === 'boolean';
    case 'showPassages':
      return (
        Number.isInteger(p.focus) &&
        Array.isArray(p.passages) &&
        p.passages.length <= 5000 &&
        p.passages.every(isPassage)
      );
    case 'clearPassages':
    case 'captureSelection':
    case 'pageIdentity':
      return true;
    case 'paintHighlights':
      return Array.isArray(p.items) && p.items.length <= 5000 && p.items.every(isPaintRequest);
    case 'scrollToHighlight':
      return typeof p.id === 'string' && p.id.length <= 100;
  }
}

function isPaintRequest(value: unknown): value is PaintRequest {
  if (!value || typeof value !== 'object') return false;
  const item = value as Record<string, unknown>;
  return (
    typeof item.id === 'string' &&
    item.id.length <= 100 &&
    (HIGHLIGHT_COLOURS as readonly string[]).includes(item.colour as string) &&
    isSelectors(item.selectors)
  );
}

/** Checks stored or received selectors before anything anchors with them. */
export function isSelectors(value: unknown): value is HighlightSelectors {
  if (!value || typeof value !== 'object') return false;
  const { quote, position } = value as Record<string, unknown>;
  if (!quote || typeof quote !== 'object') return false;
  const q = quote as Record<string, unknown>;
  const text = (v: unknown, max: number) => v === undefined || (typeof v === 'string' && v.length <= max);
  if (q.type !== 'TextQuoteSelector' || typeof q.exact !== 'string' || !q.exact || !text(q.exact, 100_000) || !text(q.prefix, 500) || !text(q.suffix, 500)) {
    return false;
  }
  if (position === undefined) return true;
  const pos = position as Record<string, unknown>;
  return pos.type === 'TextPositionSelector' && Number.isInteger(pos.start) && Number.isInteger(pos.end) && (pos.start as number) >= 0 && (pos.end as number) >= (pos.start as number);
}

/** Checks a request to the background from a page script. */
export function isBackgroundMessage(value: unknown): value is BackgroundMessage {
  if (!value || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  if (message.backstory !== 1 || message.method !== 'highlightsForPage') return false;
  const params = message.params as Record<string, unknown> | undefined;
  return !!params && (params.canonicalUrl === null || (typeof params.canonicalUrl === 'string' && params.canonicalUrl.length <= 4096));
}

function isPassage(value: unknown): value is Passage {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  const optionalString = (v: unknown) => v === undefined || (typeof v === 'string' && v.length <= 200);
  return typeof p.exact === 'string' && p.exact.length > 0 && p.exact.length <= 5000 && optionalString(p.prefix) && optionalString(p.suffix);
}

/** Checks an event message from a page script. */
export function isPageEvent(value: unknown): value is PageEventMessage {
  if (!value || typeof value !== 'object') return false;
  const message = value as Record<string, unknown>;
  const data = message.data as Record<string, unknown> | undefined;
  if (message.backstory !== 1 || !data) return false;
  if (message.event === 'pageChanged') return typeof data.url === 'string' && typeof data.title === 'string';
  if (message.event === 'highlightsChanged') return typeof data.pageKey === 'string';
  if (message.event === 'toolbarPressed') return Number.isInteger(data.windowId);
  return false;
}
