import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, ActorType } from '../../lib/report';
import {
  createMemoryCache,
  createWikipediaClient,
  toBackgroundLinks,
  wikipediaSearchUrl,
  DEFAULT_USER_AGENT,
  MISSING_TTL_MS,
  type LookupCache,
  type LookupContext,
  type LookupResult,
  type WikipediaClientOptions,
} from '../../lib/background';
import { startFakeMediaWiki, type FakeMediaWiki } from './fake-mediawiki';

const SEED_NAMES = ['Zalmay Khalilzad', 'Tehreek-e-Taliban Pakistan', 'imran khan', 'Kabul', 'Sharif', 'Khan', 'Operation Sarbakaf', 'Tehreek-e-Insaf'];
const SEED_TYPES: Record<string, ActorType> = {
  'Zalmay Khalilzad': 'person',
  'Tehreek-e-Taliban Pakistan': 'organization',
  'imran khan': 'person',
  Kabul: 'place',
  Sharif: 'person',
  Khan: 'person',
  'Operation Sarbakaf': 'other',
  'Tehreek-e-Insaf': 'organization',
};
// What the panel passes: the story's other actors and its topic words.
const SEED_CONTEXT = ['Pakistan', 'Afghanistan', 'Taliban', 'TTP', 'PTI', 'Islamabad', 'Imran Khan', 'Shehbaz Sharif', 'Zalmay Khalilzad', 'prime minister', 'militant'];
const seedCtx: LookupContext = { lang: 'en', types: SEED_TYPES, contextWords: SEED_CONTEXT };
const CAPITALS = ['Kabul', 'Islamabad', 'Tehran', 'New Delhi', 'Beijing', 'Moscow', 'Paris', 'London', 'Berlin', 'Rome', 'Madrid', 'Lisbon', 'Vienna', 'Prague', 'Warsaw', 'Athens', 'Cairo', 'Ankara', 'Riyadh', 'Doha', 'Dhaka', 'Kathmandu', 'Colombo', 'Tokyo', 'Seoul'];

let wiki: FakeMediaWiki;
beforeEach(async () => {
  wiki = await startFakeMediaWiki();
});
afterEach(async () => {
  await wiki.close();
});

function client(options: WikipediaClientOptions = {}) {
  return createWikipediaClient({ baseUrl: wiki.baseUrl, ...options });
}

async function collect(results: AsyncIterable<LookupResult>): Promise<LookupResult[]> {
  const out: LookupResult[] = [];
  for await (const result of results) out.push(result);
  return out;
}

function byName(results: LookupResult[]): Record<string, LookupResult> {
  return Object.fromEntries(results.map((r) => [r.name, r]));
}

describe('createWikipediaClient().lookup', () => {
  it('asks for all titles in one batched query and searches only for the misses', async () => {
    const results = await collect(client().lookup(SEED_NAMES, seedCtx));
    expect(results.map((r) => r.name).sort()).toEqual([...SEED_NAMES].sort());
    const queries = wiki.requests.filter((r) => r.params.has('titles'));
    const searches = wiki.requests.filter((r) => r.params.get('generator') === 'search').map((r) => r.params.get('gsrsearch'));
    expect(queries).toHaveLength(1);
    expect(queries[0].params.get('titles')!.split('|').sort()).toEqual([...SEED_NAMES].sort());
    expect(searches.sort()).toEqual(['Khan', 'Operation Sarbakaf', 'Sharif', 'Tehreek-e-Insaf']);
  });

  it('sends the documented query parameters and an Api-User-Agent, and nothing but names', async () => {
    await collect(client().lookup(['Kabul', 'Zalmay Khalilzad'], { lang: 'de', types: {}, contextWords: ['secret page words'] }));
    const [first] = wiki.requests;
    expect(Object.fromEntries(first.params)).toMatchObject({
      action: 'query',
      titles: 'Kabul|Zalmay Khalilzad',
      redirects: '1',
      prop: 'description|extracts|pageimages|pageprops|info',
      exintro: '1',
      explaintext: '1',
      exsentences: '2',
      piprop: 'thumbnail',
      pithumbsize: '120',
      ppprop: 'disambiguation|wikibase_item',
      inprop: 'url',
      format: 'json',
      formatversion: '2',
      origin: '*',
    });
    expect(first.headers['api-user-agent']).toBe(DEFAULT_USER_AGENT);
    for (const request of wiki.requests) expect(request.params.toString()).not.toMatch(/secret/);
  });

  it('follows normalisation and redirects back to the name asked', async () => {
    const results = byName(await collect(client().lookup(SEED_NAMES, seedCtx)));
    expect(results['imran khan']).toMatchObject({ status: 'found', title: 'Imran Khan', url: 'https://en.wikipedia.org/wiki/Imran_Khan', lang: 'en' });
    expect(results['Tehreek-e-Taliban Pakistan']).toMatchObject({ status: 'found', title: 'Pakistani Taliban', description: 'Islamist militant group in Pakistan' });
    expect(results['Zalmay Khalilzad'].extract).toMatch(/^Zalmay Mamozy Khalilzad is an Afghan-American diplomat/);
  });

  it('keeps thumbnails from upload.wikimedia.org and drops any other host', async () => {
    const results = byName(await collect(client().lookup(SEED_NAMES, seedCtx)));
    expect(results['Zalmay Khalilzad'].thumbnail).toMatch(/^https:\/\/upload\.wikimedia\.org\//);
    expect(results['imran khan'].status).toBe('found');
    expect(results['imran khan'].thumbnail).toBeNull();
  });

  it('finds the page for a missing title through the search, when it fits the context', async () => {
    const results = byName(await collect(client().lookup(SEED_NAMES, seedCtx)));
    expect(results['Tehreek-e-Insaf']).toMatchObject({ status: 'found', title: 'Pakistan Tehreek-e-Insaf' });
    expect(results['Operation Sarbakaf']).toEqual({ name: 'Operation Sarbakaf', status: 'missing' });
  });

  it('answers a disambiguation page with a possible match among the search results, not a sure one', async () => {
    const results = byName(await collect(client().lookup(SEED_NAMES, seedCtx)));
    expect(results.Sharif.status).toBe('possible');
    expect(results.Sharif.title).toBe('Shehbaz Sharif');
  });

  it('returns no page rather than a wrong sense ("Khan" in a Pakistan story is not a title, a film or an academy)', async () => {
    const results = byName(await collect(client().lookup(SEED_NAMES, seedCtx)));
    expect(results.Khan).toEqual({ name: 'Khan', status: 'missing' });
  });

  it('yields pages found in the batch before the names that need a search', async () => {
    const order = (await collect(client().lookup(SEED_NAMES, seedCtx))).map((r) => r.name);
    for (const batchHit of ['Zalmay Khalilzad', 'imran khan', 'Kabul']) {
      expect(order.indexOf(batchHit)).toBeLessThan(order.indexOf('Tehreek-e-Insaf'));
      expect(order.indexOf(batchHit)).toBeLessThan(order.indexOf('Khan'));
    }
  });

  it('batches up to 20 titles per request', async () => {
    const results = await collect(client().lookup(CAPITALS, { lang: 'en', types: {}, contextWords: [] }));
    expect(wiki.requests).toHaveLength(2);
    expect(wiki.requests.map((r) => r.params.get('titles')!.split('|').length)).toEqual([20, 5]);
    expect(results.every((r) => r.status === 'found' || r.status === 'possible')).toBe(true);
    expect(results).toHaveLength(CAPITALS.length);
  });

  it('asks the article language first and English for what it lacks', async () => {
    const results = byName(await collect(client().lookup(['Kabul', 'Zalmay Khalilzad'], { lang: 'de', types: { Kabul: 'place', 'Zalmay Khalilzad': 'person' }, contextWords: ['Afghanistan'] })));
    expect(wiki.requests.map((r) => `${r.lang}:${r.params.get('titles')}`)).toEqual(['de:Kabul|Zalmay Khalilzad', 'en:Zalmay Khalilzad']);
    expect(results.Kabul).toMatchObject({ status: 'found', lang: 'de', url: 'https://de.wikipedia.org/wiki/Kabul' });
    expect(results['Zalmay Khalilzad']).toMatchObject({ status: 'found', lang: 'en' });
  });

  it('turns an API error into an error result that says what Wikipedia answered', async () => {
    const results = await collect(client().lookup(['Broken Name'], seedCtx));
    expect(results).toEqual([{ name: 'Broken Name', status: 'error', error: expect.stringContaining('Cannot access the database') }]);
  });

  it('turns an HTTP failure into an error result', async () => {
    const [result] = await collect(client().lookup(['Server Down'], seedCtx));
    expect(result).toMatchObject({ status: 'error', error: expect.stringContaining('503') });
  });

  it('gives up on a slow answer after the time-out, with an error result', async () => {
    const started = Date.now();
    const [result] = await collect(client({ timeoutMs: 200 }).lookup(['Slow Name'], seedCtx));
    expect(result).toMatchObject({ name: 'Slow Name', status: 'error', error: expect.stringMatching(/did not answer within 0\.2 s/) });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('turns an unreachable server into an error result instead of throwing', async () => {
    await wiki.close();
    const results = await collect(client().lookup(['Kabul'], seedCtx));
    expect(results).toEqual([{ name: 'Kabul', status: 'error', error: expect.stringContaining('could not be reached') }]);
    wiki = await startFakeMediaWiki();
  });
});

describe('the look-up cache', () => {
  it('makes no request for names looked up before, on the same or a related article', async () => {
    const cache = createMemoryCache();
    const first = await collect(client({ cache }).lookup(SEED_NAMES, seedCtx));
    const asked = wiki.requests.length;
    // Reopening the panel: a new client, the same cache.
    const again = await collect(client({ cache }).lookup(SEED_NAMES, seedCtx));
    expect(wiki.requests).toHaveLength(asked);
    expect(byName(again)).toEqual(byName(first));
    // A related article sharing some names asks only for the new ones.
    await collect(client({ cache }).lookup(['Kabul', 'Zalmay Khalilzad', 'Dhaka', 'Kathmandu', 'Colombo', 'Tokyo', 'Seoul'], seedCtx));
    expect(wiki.requests.slice(asked).map((r) => r.params.get('titles'))).toEqual(['Dhaka|Kathmandu|Colombo|Tokyo|Seoul']);
  });

  it('keeps misses for a shorter time than pages', async () => {
    let clock = 1_000_000;
    const cache = createMemoryCache();
    await collect(client({ cache, now: () => clock }).lookup(SEED_NAMES, seedCtx));
    const asked = wiki.requests.length;
    clock += MISSING_TTL_MS + 1;
    await collect(client({ cache, now: () => clock }).lookup(SEED_NAMES, seedCtx));
    const retried = wiki.requests.slice(asked);
    expect(retried.filter((r) => r.params.has('titles')).map((r) => r.params.get('titles'))).toEqual(['Khan|Operation Sarbakaf']);
  });

  it('does not remember errors', async () => {
    const cache = createMemoryCache();
    await collect(client({ cache }).lookup(['Broken Name'], seedCtx));
    await collect(client({ cache }).lookup(['Broken Name'], seedCtx));
    expect(wiki.requests).toHaveLength(2);
  });

  it('still answers when the cache fails', async () => {
    const broken: LookupCache = { get: () => Promise.reject(new Error('quota')), set: () => Promise.reject(new Error('quota')) };
    const results = await collect(client({ cache: broken }).lookup(['Zalmay Khalilzad'], seedCtx));
    expect(results[0]).toMatchObject({ name: 'Zalmay Khalilzad', status: 'found' });
  });

  it('forgets the oldest names beyond its size', async () => {
    const cache = createMemoryCache(2);
    const entry = (name: string) => ({ result: { name, status: 'missing' as const }, expires: Infinity });
    await cache.set('en:a', entry('a'));
    await cache.set('en:b', entry('b'));
    await cache.set('en:c', entry('c'));
    expect(await cache.get('en:a')).toBeUndefined();
    expect((await cache.get('en:c'))?.result.name).toBe('c');
  });
});

describe('wikipediaSearchUrl', () => {
  it('links to the search page of the language wiki', () => {
    expect(wikipediaSearchUrl('Operation Sarbakaf', 'de')).toBe('https://de.wikipedia.org/w/index.php?search=Operation+Sarbakaf&title=Special%3ASearch&fulltext=1');
  });

  it('falls back to English for a language code that is not one', () => {
    expect(new URL(wikipediaSearchUrl('Kabul', 'evil.example/x')).host).toBe('en.wikipedia.org');
  });
});

describe('toBackgroundLinks', () => {
  const actors: Actor[] = [
    { name: 'Imran Khan', type: 'person', aliases: ['Khan'], mentions: 3, salience: 0.6, offsets: [] },
    { name: 'Operation Sarbakaf', type: 'other', aliases: [], mentions: 1, salience: 0.2, offsets: [] },
  ];

  it('links found pages to Wikipedia and the rest to a search, naming the actor', () => {
    const links = toBackgroundLinks(
      [
        { name: 'Khan', status: 'possible', title: 'Imran Khan', url: 'https://en.wikipedia.org/wiki/Imran_Khan', description: 'Prime Minister of Pakistan from 2018 to 2022', lang: 'en' },
        { name: 'Operation Sarbakaf', status: 'missing' },
      ],
      actors,
    );
    expect(links).toEqual([
      { url: 'https://en.wikipedia.org/wiki/Imran_Khan', title: 'Imran Khan', kind: 'wikipedia', about: ['Imran Khan'], reason: 'possible match on Wikipedia: Prime Minister of Pakistan from 2018 to 2022' },
      { url: wikipediaSearchUrl('Operation Sarbakaf', 'en'), title: 'Search Wikipedia for “Operation Sarbakaf”', kind: 'search', about: ['Operation Sarbakaf'], reason: 'no Wikipedia page found' },
    ]);
  });
});
