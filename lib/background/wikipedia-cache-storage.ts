/**
 * The Wikipedia look-up cache in `browser.storage.local`, so that reopening
 * the panel on the same or a related article asks Wikipedia nothing for the
 * names it already knows. Browser-only: the panel imports it, lib/ does not.
 */
import { storage } from 'wxt/utils/storage';
import type { CacheEntry, LookupCache } from './wikipedia';

/** One stored look-up. `v` is the shape's version; entries of another version are ignored (it is only a cache). */
interface StoredEntry extends CacheEntry {
  v: 1;
  stored: number;
}

const PREFIX = 'local:wikipedia-cache:';

// When each entry was stored, to evict the oldest once the cache is full.
const index = storage.defineItem<Record<string, number>>('local:wikipedia-cache-index', { fallback: {}, version: 1 });

export interface StorageCacheOptions {
  /** The most names kept; the oldest are removed beyond it. Default 1000. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * A {@link LookupCache} in `browser.storage.local`: one storage key per
 * name (`wikipedia-cache:<lang>:<name>`) and an index of when each was
 * stored, to keep at most `maxEntries` (the oldest go first). Expiry is the
 * client's: it stores found pages for a week and misses for a day.
 */
export function createStorageCache(options: StorageCacheOptions = {}): LookupCache {
  const maxEntries = options.maxEntries ?? 1000;
  const now = options.now ?? Date.now;
  // Index updates are read-modify-write: run them one after another.
  let queue: Promise<void> = Promise.resolve();

  return {
    async get(key) {
      const stored = await storage.getItem<StoredEntry>(`${PREFIX}${key}`);
      if (!stored || stored.v !== 1) return undefined;
      return { result: stored.result, expires: stored.expires };
    },
    set(key, entry) {
      const task = queue.then(async () => {
        const stored = now();
        await storage.setItem<StoredEntry>(`${PREFIX}${key}`, { v: 1, stored, result: entry.result, expires: entry.expires });
        const times = { ...(await index.getValue()), [key]: stored };
        const keys = Object.keys(times).sort((a, b) => times[a] - times[b]);
        const evicted = keys.slice(0, Math.max(0, keys.length - maxEntries));
        for (const old of evicted) delete times[old];
        if (evicted.length) await storage.removeItems(evicted.map((old) => `${PREFIX}${old}` as const));
        await index.setValue(times);
      });
      queue = task.catch(() => undefined);
      return task;
    },
  };
}
