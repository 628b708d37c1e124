// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { splitByline } from '../../lib/extract/byline';
import { createHighlight, pageInfoFromDocument, pageKeyFor } from '../../lib/highlights/record';

describe('pageKeyFor', () => {
  it('prefers the canonical URL and drops the fragment and utm_ parameters', () => {
    expect(pageKeyFor({ url: 'https://a.example/x?id=1&utm_source=tw#top', canonicalUrl: null })).toBe('https://a.example/x?id=1');
    expect(pageKeyFor({ url: 'https://m.a.example/x', canonicalUrl: 'https://a.example/x' })).toBe('https://a.example/x');
  });

  it('does not believe a canonical URL on another site', () => {
    expect(pageKeyFor({ url: 'https://evil.example/x', canonicalUrl: 'https://news.example/story' })).toBe('https://evil.example/x');
    expect(pageKeyFor({ url: 'https://evil.co.uk/x', canonicalUrl: 'https://bbc.co.uk/story' })).toBe('https://evil.co.uk/x');
  });
});

describe('splitByline', () => {
  it('splits a byline into author names', () => {
    expect(splitByline('By Jane Doe and John Roe')).toEqual(['Jane Doe', 'John Roe']);
    expect(splitByline('Ana Ruiz, Li Wei & Sam Okafor')).toEqual(['Ana Ruiz', 'Li Wei', 'Sam Okafor']);
    expect(splitByline(null)).toEqual([]);
    // A meta author with its date, as bylines come (see cleanByline).
    expect(splitByline('By Nathan Willis March 25, 2015')).toEqual(['Nathan Willis']);
    // A degree after a name is not a second author.
    expect(splitByline('By Brenda Goodman, MA\n WebMD Health News')).toEqual(['Brenda Goodman']);
    expect(splitByline('Jane Doe, Ph.D., and John Roe, MD')).toEqual(['Jane Doe', 'John Roe']);
  });
});

describe('pageInfoFromDocument', () => {
  it('reads canonical URL, title, authors, site and date from the page, letting known values win', () => {
    document.head.innerHTML = `
      <link rel="canonical" href="/story/123">
      <meta property="og:title" content="Storm hits coast">
      <meta name="author" content="By Jane Doe and John Roe">
      <meta property="og:site_name" content="The Daily">
      <meta property="article:published_time" content="2024-03-02T08:00:00Z">`;
    const info = pageInfoFromDocument(document);
    expect(info).toMatchObject({
      canonicalUrl: new URL('/story/123', document.URL).href,
      title: 'Storm hits coast',
      authors: ['Jane Doe', 'John Roe'],
      site: 'The Daily',
      published: '2024-03-02T08:00:00Z',
    });
    expect(pageInfoFromDocument(document, { title: 'From the report', byline: 'Ann Lee' })).toMatchObject({
      title: 'From the report',
      authors: ['Ann Lee'],
    });
  });
});

describe('createHighlight', () => {
  it('makes a record with selectors, page, defaults and timestamps', () => {
    document.body.innerHTML = '<p>Alpha beta gamma.</p>';
    const range = document.createRange();
    range.setStart(document.body.querySelector('p')!.firstChild!, 6);
    range.setEnd(document.body.querySelector('p')!.firstChild!, 10);
    const page = { url: 'https://a.example/x#y', canonicalUrl: null, title: 'X', authors: [], site: null, published: null };
    const record = createHighlight(document, range, page, { tags: ['#one'], now: new Date('2024-01-02T03:04:05Z') })!;
    expect(record).toMatchObject({
      pageKey: 'https://a.example/x',
      selectors: { quote: { exact: 'beta', prefix: 'Alpha ', suffix: ' gamma.' }, position: { start: 6, end: 10 } },
      note: '',
      tags: ['one'],
      colour: 'yellow',
      created: '2024-01-02T03:04:05.000Z',
      modified: '2024-01-02T03:04:05.000Z',
    });
    expect(record.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
