import { describe, expect, it } from 'vitest';
import { allTags, groupByPage, inReadingOrder, normaliseForSearch, searchHighlights } from '../../lib/highlights/search';
import { makeRecord } from './fixtures';

const OTHER = { url: 'https://example.org/élysée', canonicalUrl: null, title: 'Macron à l’Élysée', site: 'Le Monde' };

const records = [
  makeRecord({ exact: 'The Élysée Palace confirmed the visit', tags: ['France', 'diplomacy'], colour: 'blue', page: OTHER }),
  makeRecord({ exact: 'Facebook collects data on people without accounts', note: 'Shadow profiles', tags: ['privacy'] }),
  makeRecord({ exact: 'Advertisers can target by phone number', tags: ['privacy', 'ads'], colour: 'pink' }),
];

describe('normaliseForSearch', () => {
  it('drops diacritics and case', () => {
    expect(normaliseForSearch('Élysée ÇA Ñandú')).toBe('elysee ca nandu');
  });
});

describe('searchHighlights', () => {
  it('matches words in quotes regardless of accents and case', () => {
    expect(searchHighlights(records, { text: 'ELYSEE' }).map((r) => r.selectors.quote.exact)).toEqual(['The Élysée Palace confirmed the visit']);
  });

  it('requires every word, in any order, across quote, note, tags and title', () => {
    expect(searchHighlights(records, { text: 'shadow facebook' })).toEqual([records[1]]);
    expect(searchHighlights(records, { text: 'macron visit' })).toEqual([records[0]]);
    expect(searchHighlights(records, { text: 'privacy phone' })).toEqual([records[2]]);
    expect(searchHighlights(records, { text: 'shadow phone' })).toEqual([]);
  });

  it('filters by tag and by colour', () => {
    expect(searchHighlights(records, { tags: ['Privacy'] })).toEqual([records[1], records[2]]);
    expect(searchHighlights(records, { tags: ['privacy', 'ads'] })).toEqual([records[2]]);
    expect(searchHighlights(records, { colours: ['blue', 'pink'] })).toEqual([records[0], records[2]]);
  });

  it('returns everything for an empty query and filters by page', () => {
    expect(searchHighlights(records, {})).toEqual(records);
    expect(searchHighlights(records, { pageKey: records[0].pageKey })).toEqual([records[0]]);
  });
});

describe('inReadingOrder', () => {
  it('orders by where highlights were found now, else where they were saved', () => {
    const [a, b, c] = records;
    expect(inReadingOrder([c, a, b]).map((r) => r.id)).toEqual([a.id, b.id, c.id]);
    expect(inReadingOrder([a, b, c], new Map([[a.id, 5000]])).map((r) => r.id)).toEqual([b.id, c.id, a.id]);
  });
});

describe('groupByPage', () => {
  it('groups by page, most recently changed page first', () => {
    const late = { ...records[0], modified: '2025-01-01T00:00:00.000Z' };
    const groups = groupByPage([records[1], late, records[2]]);
    expect(groups.map((g) => [g.page.title, g.highlights.length])).toEqual([
      ['Macron à l’Élysée', 1],
      ['Facebook Is Tracking Me Even Though I’m Not on Facebook', 2],
    ]);
  });
});

describe('allTags', () => {
  it('lists each tag once, sorted', () => {
    expect(allTags(records)).toEqual(['ads', 'diplomacy', 'France', 'privacy']);
  });
});
