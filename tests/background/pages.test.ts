import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { harvestLinks, rankLinks, type RawLink } from '../../lib/background';
import { hasShared } from '../../scripts/node-dom';
import { realPages } from '../helpers/pages';
import { actorsFromGold, type GoldActor } from './seed';

// linkedom parses the forty pages ten times faster than jsdom, and gives the same links
// (checked once against jsdom: they differ only in how one page's "&amp;" reads in a teaser).
const parseHtml = (html: string) => parseHTML(html).document as unknown as Document;
// The address Readability's test suite gave these pages; expected.html's links are resolved against it.
const PAGE_URL = 'http://fakehost/test/page.html';
const NOT_BACKGROUND = /sharer|\/intent\/|shareArticle|wa\.me\/|mailto:|\/(tag|tags|topic|author|category|by)\/|(twitter|facebook|instagram)\.com\/|wp-admin|\/login|\/subscribe/i;

const pages = realPages();
const harvested = new Map<string, RawLink[]>();
function harvest(name: string): RawLink[] {
  if (!harvested.has(name)) {
    const page = pages.find((p) => p.name === name)!;
    const articleHtml = readFileSync(resolve(page.dir, 'expected.html'), 'utf8');
    harvested.set(name, harvestLinks(parseHtml(page.source), PAGE_URL, articleHtml));
  }
  return harvested.get(name)!;
}
/** The text of Readability's output for a page (a fragment, so it gets a body to live in). */
const articleText = (dir: string) =>
  parseHtml(`<!doctype html><html><body>${readFileSync(resolve(dir, 'expected.html'), 'utf8')}</body></html>`).body.textContent ?? '';
const urlsOf = (name: string) => harvest(name).map((l) => l.url);

describe.skipIf(!hasShared)('harvestLinks on real pages', () => {
  if (!hasShared) console.warn('../shared/data is missing: skipping the real-page link tests.');

  it.each(pages.map((p) => p.name))('%s: keeps only http(s) article links, never navigation, sharing, tags or authors', (name) => {
    for (const link of harvest(name)) {
      expect(link.url).toMatch(/^https?:\/\/[^#]+$/);
      expect(link.url).not.toMatch(/[?&]utm_/);
      expect(link.url).not.toMatch(NOT_BACKGROUND);
      expect(link.url).not.toBe(PAGE_URL);
    }
  });

  it('keeps the reports and articles CNN links from its story', () => {
    expect(urlsOf('cnn')).toEqual(
      expect.arrayContaining([
        'http://web.stanford.edu/group/scspi-dev/cgi-bin/publications/state-union-report',
        'http://money.cnn.com/2016/01/11/news/economy/rich-taxes/index.html',
        'http://money.cnn.com/2016/01/05/news/economy/chicago-segregated/index.html',
      ]),
    );
  });

  it('keeps the related NYT stories below the article, as related', () => {
    const related = harvest('nytimes-2').filter((l) => l.context === 'related').map((l) => l.url);
    expect(related).toEqual(
      expect.arrayContaining([
        'http://www.nytimes.com/2016/07/26/business/verizon-yahoo-sale.html',
        'http://www.nytimes.com/2016/07/23/business/dealbook/yahoo-sale-verizon.html',
      ]),
    );
  });

  it('drops author pages, columns and the front page of the day', () => {
    const urls = urlsOf('nytimes-3');
    expect(urls).not.toContain('https://www.nytimes.com/by/corey-kilgannon');
    expect(urls).not.toContain('http://www.nytimes.com/pages/todayspaper/index.html');
    expect(urls).toContain('https://nypost.com/2019/02/17/manhole-fires-force-theater-evacuations-in-midtown/');
  });

  it('drops the reporter’s social profile, e-mail link and sponsored boxes', () => {
    const urls = urlsOf('breitbart');
    expect(urls).not.toContain('http://twitter.com/lucasnolan_');
    expect(urls.some((u) => /wp-admin|taboola|lifedaily/.test(u))).toBe(false);
    expect(urls).toContain('http://www.breitbart.com/tech/2016/12/15/facebook-introduce-warning-labels-stories-deemed-fake-news/');
  });

  it('finds nothing on a page whose only "related" links are login and comment counts', () => {
    expect(harvest('herald-sun-1')).toEqual([]);
  });
});

describe.skipIf(!hasShared)('rankLinks on real pages with gold actors', () => {
  const withGold = pages.filter((p) => p.hasGold).map((p) => p.name);

  it.each(withGold)('%s: ranks without error and explains every link', (name) => {
    const page = pages.find((p) => p.name === name)!;
    const gold = JSON.parse(readFileSync(resolve(page.dir, 'gold.json'), 'utf8')) as { actors: GoldActor[] };
    const text = articleText(page.dir);
    const links = rankLinks(harvest(name), actorsFromGold(gold.actors, text), { title: page.metadata.title, text });
    for (const link of links) {
      expect(link.score).toBeGreaterThan(0);
      // A link that mentions nothing of the story is listed only for being in the article's body, which its kind says.
      if (!link.reason) expect(link.kind).toBe('in-article');
    }
  });

  it('puts the Yahoo and Verizon stories first on the Yahoo sale article', () => {
    const page = pages.find((p) => p.name === 'nytimes-2')!;
    const gold = JSON.parse(readFileSync(resolve(page.dir, 'gold.json'), 'utf8')) as { actors: GoldActor[] };
    const text = articleText(page.dir);
    const links = rankLinks(harvest('nytimes-2'), actorsFromGold(gold.actors, text), { title: page.metadata.title, text });
    expect(links.slice(0, 5).every((l) => l.about.some((a) => /Yahoo|Verizon/.test(a)))).toBe(true);
    expect(links.at(-1)).toMatchObject({ kind: 'in-article', reason: '' });
  });
});
