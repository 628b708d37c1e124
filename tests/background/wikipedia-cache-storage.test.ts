import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createWikipediaClient, type CacheEntry } from '../../lib/background';
import { createStorageCache } from '../../lib/background/wikipedia-cache-storage';
import { startFakeMediaWiki } from './fake-mediawiki';

const entry = (name: string, expires = Date.now() + 60_000): CacheEntry => ({
  result: { name, status: 'found', title: name, url: `https://en.wikipedia.org/wiki/${name}`, description: null, lang: 'en' },
  expires,
});

describe('createStorageCache', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('stores entries in browser.storage.local, where a new cache finds them', async () => {
    await createStorageCache().set('en:kabul', entry('Kabul', 123));
    expect(await createStorageCache().get('en:kabul')).toEqual(entry('Kabul', 123));
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain('wikipedia-cache:en:kabul');
  });

  it('answers undefined for a name it never stored', async () => {
    expect(await createStorageCache().get('en:nobody')).toBeUndefined();
  });

  it('removes the oldest entries beyond its size', async () => {
    let clock = 0;
    const cache = createStorageCache({ maxEntries: 2, now: () => ++clock });
    await cache.set('en:a', entry('a'));
    await cache.set('en:b', entry('b'));
    await cache.set('en:c', entry('c'));
    expect(await cache.get('en:a')).toBeUndefined();
    expect(await cache.get('en:b')).toBeDefined();
    expect(await cache.get('en:c')).toBeDefined();
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('wikipedia-cache:'))).toHaveLength(2);
  });

  it('ignores entries stored in another shape version', async () => {
    await fakeBrowser.storage.local.set({ 'wikipedia-cache:en:old': { v: 0, result: { name: 'old' }, expires: Infinity } });
    expect(await createStorageCache().get('en:old')).toBeUndefined();
  });

  it('spares Wikipedia a second request when the panel is reopened', async () => {
    const wiki = await startFakeMediaWiki();
    try {
      const ctx = { lang: 'en', types: {}, contextWords: [] };
      const lookup = async () => {
        const client = createWikipediaClient({ baseUrl: wiki.baseUrl, cache: createStorageCache() });
        const out = [];
        for await (const result of client.lookup(['Zalmay Khalilzad'], ctx)) out.push(result);
        return out;
      };
      const first = await lookup();
      const second = await lookup();
      expect(wiki.requests).toHaveLength(1);
      expect(second).toEqual(first);
    } finally {
      await wiki.close();
    }
  });
});
