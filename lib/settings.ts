import { storage } from 'wxt/utils/storage';

/**
 * The reader's settings, each a versioned item in browser.storage.local
 * (a new version adds a migration here, so an update never loses a choice).
 */
export const settings = {
  /** Look actor and event names up on Wikipedia. Off until the reader turns it on. */
  wikipediaLookups: storage.defineItem<boolean>('local:settings:wikipedia-lookups', { fallback: false, version: 1 }),
  /** Paint saved highlights when a page loads, without opening the panel (needs access to the pages visited). */
  restoreHighlights: storage.defineItem<boolean>('local:settings:restore-highlights', { fallback: false, version: 1 }),
  /**
   * End-to-end builds only: the MediaWiki API to ask instead of Wikipedia's
   * (a local test server). Shipped builds ignore it.
   */
  wikipediaApiForTests: storage.defineItem<string | null>('local:settings:wikipedia-api-for-tests', { fallback: null, version: 1 }),
};

/** Every web page: the optional access that lets Backstory read pages without a toolbar click first. */
export const SITE_ORIGINS = ['http://*/*', 'https://*/*'];

/** The host permission look-ups ask for when the reader turns them on. */
export const WIKIPEDIA_ORIGINS = ['https://*.wikipedia.org/*'];
