import { describe, expect, it } from 'vitest';
import { harvestLinks, rankLinks, type RawLink } from '../../lib/background';
import type { Actor } from '../../lib/report';
import { hasShared } from '../../scripts/node-dom';
import { loadSeed } from './seed';

const actor = (name: string, type: Actor['type'], aliases: string[], salience: number): Actor => ({
  name, type, aliases, salience, mentions: 1, offsets: [],
});
const ACTORS = [
  actor('Tehreek-e-Taliban Pakistan', 'organization', ['TTP', 'Pakistani Taliban'], 1),
  actor('Imran Khan', 'person', ['Khan'], 0.4),
  actor('Pakistan', 'place', [], 0.9),
  actor('United States', 'place', ['US', 'U.S.'], 0.2),
];
const ARTICLE = { title: 'A story', text: 'Even Operation Sarbakaf began after talks collapsed. Pakistan and the TTP fought on.' };
const related = (url: string, text: string, snippet?: string): RawLink => ({ url, text, context: 'related', ...(snippet ? { snippet } : {}) });

describe('rankLinks', () => {
  it('ranks links that mention more and more salient actors higher, and says who they are about', () => {
    const links = rankLinks(
      [
        related('https://n.example/a/pakistan-budget-passes', 'Pakistan budget passes'),
        related('https://n.example/a/ttp-claims-attack', 'TTP claims attack in Pakistan'),
      ],
      ACTORS,
      ARTICLE,
    );
    expect(links.map((l) => l.url)).toEqual(['https://n.example/a/ttp-claims-attack', 'https://n.example/a/pakistan-budget-passes']);
    expect(links[0]).toMatchObject({ kind: 'related', about: ['Tehreek-e-Taliban Pakistan', 'Pakistan'], reason: 'about TTP, Pakistan' });
  });

  it('reads the URL slug as well as the text', () => {
    const [link] = rankLinks([related('https://n.example/a/pakistani-taliban-regroup-in-border-areas', 'Read this')], ACTORS, ARTICLE);
    expect(link.about).toEqual(['Tehreek-e-Taliban Pakistan']);
  });

  it('counts named events of the article as key terms', () => {
    const [link] = rankLinks([related('https://n.example/a/offensive-begins', 'Operation Sarbakaf begins')], [], ARTICLE);
    expect(link).toMatchObject({ about: [], reason: 'mentions Operation Sarbakaf' });
  });

  it('drops related links that mention nothing of the article', () => {
    expect(rankLinks([related('https://n.example/sports/rain-spoils-t20-opener', 'Rain Spoils India–Australia T20 Opener')], ACTORS, ARTICLE)).toEqual([]);
  });

  it('does not take a lone surname inside another name for the actor ("Arab Khan" is not Imran Khan)', () => {
    const links = rankLinks([related('https://n.example/a/militant-arab-khan-killed', 'Militant Arab Khan killed', 'Arab Khan, alias Ziauddin.')], ACTORS, ARTICLE);
    expect(links).toEqual([]);
    const [khan] = rankLinks([related('https://n.example/a/khan-speaks', 'Khan speaks from jail')], ACTORS, ARTICLE);
    expect(khan.about).toEqual(['Imran Khan']);
  });

  it('matches short acronyms only as written ("US", not "us")', () => {
    expect(rankLinks([related('https://n.example/a/what-it-means-for-us', 'What it means for us')], ACTORS, ARTICLE)).toEqual([]);
    expect(rankLinks([related('https://n.example/a/envoy', 'US envoy visits')], ACTORS, ARTICLE)).toHaveLength(1);
  });

  it('keeps links the author put in the body, below the ones that mention the story', () => {
    const links = rankLinks(
      [
        { url: 'https://n.example/a/a-good-primer', text: 'a good primer', context: 'in-article' },
        related('https://n.example/a/ttp-claims-attack', 'TTP claims attack'),
      ],
      ACTORS,
      ARTICLE,
    );
    expect(links.map((l) => [l.kind, l.reason])).toEqual([
      ['related', 'about TTP'],
      // Its kind says why; the panel would otherwise read "Linked in the article · linked in the article".
      ['in-article', ''],
    ]);
  });
});

describe.skipIf(!hasShared)('rankLinks on the seed article', () => {
  const seed = hasShared ? loadSeed() : undefined!;
  const links = hasShared ? rankLinks(harvestLinks(seed.doc, seed.url, seed.articleHtml), seed.actors, seed.article) : [];

  it('puts the three background links of the page first', () => {
    expect(links.slice(0, 3).map((l) => l.url).sort()).toEqual([...seed.gold.background_links_in_page].sort());
  });

  it('leaves out every link that is not background, and the unrelated teasers', () => {
    const urls = links.map((l) => l.url);
    for (const bad of seed.gold.not_background_links) expect(urls).not.toContain(bad);
    expect(urls).not.toContain('https://newsflash.example/pakistan/security-forces-kill-militant-arab-khan');
    expect(urls).toHaveLength(3);
  });

  it('says why each is listed', () => {
    const reason = (slug: string) => links.find((l) => l.url.endsWith(slug))?.reason;
    expect(reason('/operation-sarbakaf-launched-in-bajaur')).toContain('mentions Operation Sarbakaf');
    expect(reason('/ttp-deputy-emir-mufti-muzahim-killed-in-bajaur-raid')).toMatch(/^about TTP/);
    expect(reason('/a-dangerous-chorus-for-dialogue')).toMatch(/Zalmay Khalilzad.*Imran Khan/);
  });
});
