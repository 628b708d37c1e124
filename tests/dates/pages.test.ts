import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/dates';
import { articleText, hasShared, sharedRoot } from './articleText';

// Three of the readability pages with article-level gold (../shared/data/README.md), the ones
// with the hard cases: the coming week and its Friday, captions, a century, an author bio, a
// month in a past clause. `npm run eval:dates -- --extras` scores all eight (extraction is slow).
const pagesDir = new URL('data/readability-pages/', sharedRoot);
const pages = ['nytimes-3', 'nytimes-4', 'herald-sun-1'].filter(
  (name) => hasShared && existsSync(new URL(`${name}/gold.json`, pagesDir)),
);
if (!hasShared) console.warn(`Skipping the gold-page date tests: ${sharedRoot.pathname} is missing.`);

interface PageGold {
  published: string;
  dates: Array<{ value: string; text: string }>;
  not_dates: string[];
}

describe.skipIf(!pages.length)('findDates on the gold pages', () => {
  // Extraction is the slow part: each page is read once.
  const cache = new Map<string, { gold: PageGold; entries: ReturnType<typeof findDates> }>();
  const read = (name: string) => {
    if (!cache.has(name)) {
      const gold: PageGold = JSON.parse(readFileSync(new URL(`${name}/gold.json`, pagesDir), 'utf8'));
      const { text, ledeEnd } = articleText(new URL(`${name}/source.html`, pagesDir));
      cache.set(name, { gold, entries: findDates(text, { published: gold.published, ledeEnd }) });
    }
    return cache.get(name)!;
  };

  it.each(pages)('%s: lists the gold dates and nothing else', (name) => {
    const { gold, entries } = read(name);
    expect([...new Set(entries.map((e) => e.value))].sort()).toEqual([...new Set(gold.dates.map((d) => d.value))].sort());
  });

  it.each(pages)('%s: lists none of the gold not_dates', (name) => {
    const { gold, entries } = read(name);
    const listed = entries.map((e) => e.text.toLowerCase());
    expect(listed.filter((t) => gold.not_dates.some((n) => n.toLowerCase() === t))).toEqual([]);
  });
});
