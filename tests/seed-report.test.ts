// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../lib/analyze';
import { harvestLinks } from '../lib/background';
import { extractArticle } from '../lib/extract/article';
import type { Report } from '../lib/report';
import { hasShared, parseHtml } from '../scripts/node-dom';
import { seedArticle } from './helpers/pages';

/** As the gold file says to match: case-insensitive, ignoring possessive 's, punctuation and accents. */
const key = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');

interface GoldActor {
  name: string;
  type: string;
  aliases: string[];
}

describe.skipIf(!hasShared)('the seed article’s report, through the whole pipeline', () => {
  let report: Report;
  let gold: ReturnType<typeof seedArticle>['gold'] & { actors: GoldActor[]; not_actors: string[]; dates: Array<{ value: string }>; not_dates: string[]; background_links_in_page: string[]; not_background_links: string[] };

  it('reads the article', () => {
    const seed = seedArticle();
    gold = seed.gold as typeof gold;
    const doc = parseHtml(seed.html, gold.url);
    const extracted = extractArticle(doc, { url: gold.url });
    if (!extracted.ok) throw new Error(extracted.message);
    report = analyzeArticle(extracted.article, { links: harvestLinks(doc, gold.url, extracted.article.contentHtml) });
    expect(report.article).toMatchObject({ title: gold.title, published: '2025-09-16', siteName: 'Newsflash' });
  });

  it('finds every gold actor with the right type, merged into one entry each', () => {
    for (const actor of gold.actors) {
      const forms = new Set([actor.name, ...actor.aliases].map(key));
      const found = report.actors.filter((a) => [a.name, ...a.aliases].some((n) => forms.has(key(n))));
      expect(found.map((a) => a.type), actor.name).toContain(actor.type);
    }
    const khalilzad = report.actors.find((a) => a.name === 'Zalmay Khalilzad');
    expect(khalilzad?.aliases).toContain('Khalilzad');
    const ttp = report.actors.find((a) => a.name === 'Tehreek-e-Taliban Pakistan');
    expect(ttp?.aliases).toContain('TTP');
  });

  it('lists none of the page furniture or common words', () => {
    const listed = new Set(report.actors.flatMap((a) => [a.name, ...a.aliases]).map(key));
    for (const name of gold.not_actors) expect(listed.has(key(name)), name).toBe(false);
  });

  it('puts Zalmay Khalilzad, TTP and Pakistan among the first five', () => {
    const top = report.actors.slice(0, 5).flatMap((a) => [a.name, ...a.aliases]);
    expect(top).toEqual(expect.arrayContaining(['Zalmay Khalilzad', 'TTP', 'Pakistan']));
  });

  it('gives exactly the gold dates, and none of the not-dates', () => {
    expect(report.dates.map((d) => d.value).sort()).toEqual(gold.dates.map((d) => d.value).sort());
    for (const text of gold.not_dates) expect(report.dates.map((d) => d.text)).not.toContain(text);
  });

  it('ranks the page’s background links first and leaves out the unrelated ones', () => {
    const urls = report.links.map((l) => l.url);
    expect(urls.slice(0, gold.background_links_in_page.length).sort()).toEqual([...gold.background_links_in_page].sort());
    for (const url of gold.not_background_links) expect(urls).not.toContain(url);
  });

  it('names the events worth background', () => {
    expect(report.events).toEqual(expect.arrayContaining(['Doha Agreement', 'Operation Sarbakaf']));
  });
});
