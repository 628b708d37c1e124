/**
 * The Wikipedia client: looks up the names of a story's actors and events
 * with the MediaWiki Action API, a few batched requests per article, and
 * yields each result as soon as it is known. Only names leave the device,
 * never page text. Errors and time-outs become `error` results; nothing
 * here throws at the caller.
 */
import type { Actor, ActorType, BackgroundLink } from '../report';
import { judgePage, pickCandidate, type PageSummary } from './wikipedia-sense';

export interface LookupResult {
  /** The name as asked. */
  name: string;
  /** `possible`: a page that may be the one meant (the panel says "possible match"). */
  status: 'found' | 'possible' | 'missing' | 'error';
  title?: string;
  url?: string;
  description?: string | null;
  extract?: string;
  /** Only ever an https://upload.wikimedia.org/ image. */
  thumbnail?: string | null;
  /** The wiki that answered ("en", "de"). */
  lang?: string;
  /** What went wrong, in a sentence for the reader. */
  error?: string;
}

export interface LookupContext {
  /** The article's language; its wiki is asked first, then English. */
  lang: string;
  /** The type of each name's actor, to tell a politician from a film of the same name. */
  types: Record<string, ActorType>;
  /** Other actors' names and the article's topic words, to pick the story's sense of a name. */
  contextWords: string[];
}

export interface CacheEntry {
  result: LookupResult;
  /** Epoch milliseconds after which the entry is stale. */
  expires: number;
}

/** Where looked-up names are remembered between panel openings. */
export interface LookupCache {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
}

export interface WikipediaClientOptions {
  /** The API endpoint of a language's wiki; default https://{lang}.wikipedia.org/w/api.php. */
  baseUrl?: (lang: string) => string;
  fetch?: typeof fetch;
  /** Per request; default 4000 ms. */
  timeoutMs?: number;
  /** Default: an in-memory cache that lives as long as the client. */
  cache?: LookupCache;
  /** Sent as Api-User-Agent, as Wikimedia's API etiquette asks. */
  userAgent?: string;
  /** The clock, for tests. */
  now?: () => number;
}

export interface WikipediaClient {
  /**
   * Looks up each name (deduplicated) and yields one result per name, as
   * soon as it is known: cached names first, then each batch as it returns.
   */
  lookup(names: string[], ctx: LookupContext): AsyncIterable<LookupResult>;
}

export const DEFAULT_USER_AGENT = 'Backstory/0.1 (https://github.com/backstory-extension/backstory)';
/** Found (and possible) pages are remembered for a week; misses for a day, since pages get written. */
export const FOUND_TTL_MS = 7 * 24 * 3600 * 1000;
export const MISSING_TTL_MS = 24 * 3600 * 1000;
// TextExtracts returns intro extracts for at most 20 pages per request (exlimit
// max 20), so a batch of 20 titles gets every extract without a continuation.
export const TITLES_PER_QUERY = 20;
const SEARCH_LIMIT = 5;
const MAX_TITLE_LENGTH = 255;

const PAGE_PROPS = {
  prop: 'description|extracts|pageimages|pageprops|info',
  exintro: '1',
  explaintext: '1',
  exsentences: '2',
  exlimit: 'max',
  piprop: 'thumbnail',
  pithumbsize: '120',
  ppprop: 'disambiguation|wikibase_item',
  inprop: 'url',
  redirects: '1',
  format: 'json',
  formatversion: '2',
  origin: '*',
};

/** A page object of a formatversion=2 query response. */
interface ApiPage {
  title: string;
  missing?: boolean;
  invalid?: boolean;
  index?: number;
  description?: string;
  extract?: string;
  fullurl?: string;
  canonicalurl?: string;
  thumbnail?: { source: string; width: number; height: number };
  pageprops?: { disambiguation?: string; wikibase_item?: string };
}

interface ApiResponse {
  error?: { code: string; info: string };
  query?: {
    normalized?: Array<{ from: string; to: string }>;
    converted?: Array<{ from: string; to: string }>;
    redirects?: Array<{ from: string; to: string }>;
    pages?: ApiPage[];
  };
}

type Fetched = { ok: true; data: ApiResponse } | { ok: false; error: string };

/** The cache key of a name on a wiki: language plus the name, trimmed and case-folded. */
export function cacheKey(lang: string, name: string): string {
  return `${lang}:${name.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** A cache in memory, keeping at most `maxEntries` (the oldest go first). */
export function createMemoryCache(maxEntries = 500): LookupCache {
  const entries = new Map<string, CacheEntry>();
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, entry) {
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}

/**
 * Creates the Wikipedia client. Requests: one query per up to
 * {@link TITLES_PER_QUERY} names (following normalisations and redirects back
 * to the asked name), then a search for each name that missed or whose page
 * is a disambiguation or a wrong sense. The article's language wiki is asked
 * first, English for what it lacks.
 */
export function createWikipediaClient(options: WikipediaClientOptions = {}): WikipediaClient {
  const baseUrl = options.baseUrl ?? ((lang: string) => `https://${lang}.wikipedia.org/w/api.php`);
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 4000;
  const cache = options.cache ?? createMemoryCache();
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const now = options.now ?? Date.now;

  async function call(lang: string, params: Record<string, string>): Promise<Fetched> {
    const url = `${baseUrl(lang)}?${new URLSearchParams({ action: 'query', ...params, ...PAGE_PROPS })}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const response = await doFetch(url, {
        headers: { 'Api-User-Agent': userAgent },
        signal: controller.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (!response.ok) return { ok: false, error: `Wikipedia answered with HTTP ${response.status}. Try again later.` };
      const data = (await response.json()) as ApiResponse;
      if (data.error) return { ok: false, error: `Wikipedia refused the look-up (${data.error.code}: ${data.error.info}).` };
      return { ok: true, data };
    } catch {
      return controller.signal.aborted
        ? { ok: false, error: `Wikipedia did not answer within ${Math.round(timeoutMs / 100) / 10} s. Check the connection and try again.` }
        : { ok: false, error: 'Wikipedia could not be reached. Check the connection and try again.' };
    } finally {
      clearTimeout(timer);
    }
  }

  async function* lookup(names: string[], ctx: LookupContext): AsyncGenerator<LookupResult> {
    const wikis = [...new Set([ctx.lang || 'en', 'en'])];
    const typeOf = (name: string) => ctx.types[name];
    const remember = async (result: LookupResult) => {
      if (result.status === 'error') return;
      const ttl = result.status === 'missing' ? MISSING_TTL_MS : FOUND_TTL_MS;
      // A cache that fails (storage full, quota) costs a repeat request, nothing more.
      await cache.set(cacheKey(ctx.lang, result.name), { result, expires: now() + ttl }).catch(() => undefined);
    };

    let left: string[] = [];
    const seen = new Set<string>();
    for (const raw of names) {
      const name = raw.trim().replace(/\s+/g, ' ');
      const key = cacheKey(ctx.lang, name);
      if (!name || seen.has(key)) continue;
      seen.add(key);
      const cached = await cache.get(key).catch(() => undefined);
      if (cached && cached.expires > now()) yield { ...cached.result, name };
      else left.push(name);
    }
    // A title cannot hold "|" (the API's separator) or exceed 255 bytes: no such page.
    const impossible = left.filter((n) => n.includes('|') || n.length > MAX_TITLE_LENGTH);
    left = left.filter((n) => !impossible.includes(n));
    for (const name of impossible) {
      const result: LookupResult = { name, status: 'missing' };
      await remember(result);
      yield result;
    }

    const pending = left;
    const done = new Set<string>();
    const possible = new Map<string, LookupResult>();
    let failure: string | null = null;
    const settle = async (result: LookupResult) => {
      done.add(result.name);
      await remember(result);
      return result;
    };

    // 1. Exact titles, batched: the article's wiki first, English for what it lacks.
    for (const lang of wikis) {
      for (let i = 0; i < left.length && !failure; i += TITLES_PER_QUERY) {
        const batch = left.slice(i, i + TITLES_PER_QUERY);
        const answer = await call(lang, { titles: batch.join('|') });
        if (!answer.ok) {
          failure = answer.error;
          break;
        }
        const pages = pagesByAskedName(answer.data, batch);
        for (const name of batch) {
          const page = pages.get(name);
          if (!page) continue;
          const verdict = judgePage(summary(page), name, typeOf(name), ctx.contextWords, lang);
          if (verdict === 'found') yield await settle(toResult(name, 'found', page, lang));
          else if (verdict === 'possible' && !possible.has(name)) possible.set(name, toResult(name, 'possible', page, lang));
        }
      }
      left = left.filter((n) => !done.has(n) && !possible.has(n));
    }

    // 2. A search for each name that missed or was a disambiguation page or the wrong sense.
    for (const lang of wikis) {
      for (const name of left) {
        if (failure) break;
        const answer = await call(lang, { generator: 'search', gsrsearch: name, gsrlimit: String(SEARCH_LIMIT), gsrnamespace: '0' });
        if (!answer.ok) {
          failure = answer.error;
          break;
        }
        const candidates = (answer.data.query?.pages ?? [])
          .filter((p) => !p.missing && !p.invalid)
          .sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
          .map((page) => ({ ...summary(page), page }));
        const pick = pickCandidate(candidates, name, typeOf(name), ctx.contextWords);
        if (pick?.verdict === 'found') yield await settle(toResult(name, 'found', pick.page.page, lang));
        else if (pick && !possible.has(name)) possible.set(name, toResult(name, 'possible', pick.page.page, lang));
      }
      left = left.filter((n) => !done.has(n));
    }

    // 3. The rest, in the order asked: a possible match, a miss, or the error that stopped the look-ups.
    for (const name of pending) {
      if (done.has(name)) continue;
      const fallback: LookupResult = failure ? { name, status: 'error', error: failure } : { name, status: 'missing' };
      yield await settle(possible.get(name) ?? fallback);
    }
  }

  return { lookup: (names, ctx) => lookup(names, ctx) };
}

/**
 * Maps each asked name to its page in a query response, following the
 * title normalisation ("imran khan" → "Imran khan"), language-variant
 * conversion and redirect ("Imran khan" → "Imran Khan") the API applied.
 * Missing and invalid titles map to nothing.
 */
function pagesByAskedName(data: ApiResponse, asked: string[]): Map<string, ApiPage> {
  const query = data.query ?? {};
  const step = (list: Array<{ from: string; to: string }> | undefined) => new Map((list ?? []).map((s) => [s.from, s.to]));
  const normalized = step(query.normalized);
  const converted = step(query.converted);
  const redirects = step(query.redirects);
  const byTitle = new Map((query.pages ?? []).filter((p) => !p.missing && !p.invalid).map((p) => [p.title, p]));
  const out = new Map<string, ApiPage>();
  for (const name of asked) {
    let title = normalized.get(name) ?? name;
    title = converted.get(title) ?? title;
    // Redirects can chain (a redirect to a redirect); follow a few hops at most.
    for (let hop = 0; hop < 3 && redirects.has(title); hop++) title = redirects.get(title)!;
    const page = byTitle.get(title);
    if (page) out.set(name, page);
  }
  return out;
}

function summary(page: ApiPage): PageSummary {
  return {
    title: page.title,
    description: page.description ?? null,
    extract: page.extract,
    disambiguation: page.pageprops?.disambiguation !== undefined,
  };
}

function toResult(name: string, status: 'found' | 'possible', page: ApiPage, lang: string): LookupResult {
  return {
    name,
    status,
    title: page.title,
    url: pageUrl(page, lang),
    description: page.description ?? null,
    ...(page.extract ? { extract: page.extract } : {}),
    thumbnail: safeThumbnail(page.thumbnail?.source),
    lang,
  };
}

function pageUrl(page: ApiPage, lang: string): string {
  const given = page.fullurl ?? page.canonicalurl;
  if (given && /^https?:\/\//.test(given)) return given;
  return `https://${lang}.wikipedia.org/wiki/${encodeURIComponent(page.title.replace(/ /g, '_'))}`;
}

/** Keeps only thumbnails served by Wikimedia's upload server. */
function safeThumbnail(source: string | undefined): string | null {
  return source && source.startsWith('https://upload.wikimedia.org/') ? source : null;
}

/** A "Search Wikipedia" link for a name, for when look-ups are off or found nothing. */
export function wikipediaSearchUrl(name: string, lang: string): string {
  const wiki = /^[a-z]{2,3}(-[a-z]+)?$/.test(lang) ? lang : 'en';
  return `https://${wiki}.wikipedia.org/w/index.php?${new URLSearchParams({ search: name, title: 'Special:Search', fulltext: '1' })}`;
}

/**
 * Turns look-up results into background links: a `wikipedia` link for each
 * page found (or possibly found, said so in the reason) and a `search` link
 * for names Wikipedia did not answer. `about` names the actors whose name or
 * alias was looked up.
 */
export function toBackgroundLinks(results: LookupResult[], actors: Actor[], lang = 'en'): BackgroundLink[] {
  const actorOf = (name: string) => {
    const key = name.toLowerCase();
    return actors.find((a) => [a.name, ...a.aliases].some((n) => n.toLowerCase() === key));
  };
  return results.map((result): BackgroundLink => {
    const actor = actorOf(result.name);
    const about = actor ? [actor.name] : [];
    if ((result.status === 'found' || result.status === 'possible') && result.url && result.title) {
      const what = result.description ? `: ${result.description}` : '';
      const reason = result.status === 'found' ? `Wikipedia${what}` : `possible match on Wikipedia${what}`;
      return { url: result.url, title: result.title, kind: 'wikipedia', about, reason };
    }
    return {
      url: wikipediaSearchUrl(result.name, result.lang ?? lang),
      title: `Search Wikipedia for “${result.name}”`,
      kind: 'search',
      about,
      reason: result.status === 'error' ? 'Wikipedia look-up failed' : 'no Wikipedia page found',
    };
  });
}
