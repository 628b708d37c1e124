import type { ExtractedArticle } from './extract/article';

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
  | { ok: true; article: ExtractedArticle; links: PageLink[]; readerable: boolean; extractMs: number }
  | { ok: false; reason: 'no-article' | 'empty' | 'loading' | 'failed'; message: string };

/**
 * What the side panel asks of the script it injects into the page, by
 * method name: one entry per request, with its parameters and its answer.
 */
export interface PageRequests {
  extract: { params: { force: boolean }; result: ExtractResponse };
  /** Paints the passages (an actor's mentions, a timeline sentence) and scrolls to number `focus`. */
  showPassages: { params: { group: string; passages: Passage[]; focus: number }; result: { found: number } };
  clearPassages: { params: Record<string, never>; result: { found: number } };
}

export type PageMethod = keyof PageRequests;

export interface PageMessage<M extends PageMethod = PageMethod> {
  backstory: 1;
  method: M;
  params: PageRequests[M]['params'];
}

/** What the page's script tells the panel without being asked. */
export interface PageEvents {
  pageChanged: { url: string; title: string };
}

export interface PageEventMessage<E extends keyof PageEvents = keyof PageEvents> {
  backstory: 1;
  event: E;
  data: PageEvents[E];
}

const METHODS: ReadonlySet<string> = new Set<PageMethod>(['extract', 'showPassages', 'clearPassages']);

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
        typeof p.group === 'string' &&
        Number.isInteger(p.focus) &&
        Array.isArray(p.passages) &&
        p.passages.length <= 5000 &&
        p.passages.every(isPassage)
      );
    case 'clearPassages':
      return true;
  }
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
  if (message.backstory !== 1 || message.event !== 'pageChanged') return false;
  const data = message.data as Record<string, unknown> | undefined;
  return !!data && typeof data.url === 'string' && typeof data.title === 'string';
}
