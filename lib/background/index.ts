/**
 * Background links (issue 5): the page's own further reading and Wikipedia.
 *
 * - content script: `harvestLinks(document, url, readabilityContentHtml)`
 * - pipeline: `rankLinks(links, actors, { title, text, events? })`, `findEvents(text)`
 * - side panel: `createWikipediaClient({ cache })` and `toBackgroundLinks`;
 *   the browser.storage-backed cache is in `./wikipedia-cache-storage`,
 *   imported by the panel only, so that this module stays free of browser APIs.
 */
export { harvestLinks, type RawLink } from './harvest';
export { rankLinks } from './rank';
export { findEvents } from './events';
export { classifyLink, normaliseUrl, type DropReason } from './urls';
export {
  createWikipediaClient,
  createMemoryCache,
  cacheKey,
  toBackgroundLinks,
  wikipediaSearchUrl,
  DEFAULT_USER_AGENT,
  FOUND_TTL_MS,
  MISSING_TTL_MS,
  TITLES_PER_QUERY,
  type CacheEntry,
  type LookupCache,
  type LookupContext,
  type LookupResult,
  type WikipediaClient,
  type WikipediaClientOptions,
} from './wikipedia';
