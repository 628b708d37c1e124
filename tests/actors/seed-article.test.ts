import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findActors, nameKey } from '../../lib/actors';
import { articleText } from './article-text';

const dir = new URL('../../../shared/fixtures/seed-article/', import.meta.url);
const hasSeed = existsSync(new URL('gold.json', dir));
if (!hasSeed) console.warn('Skipping the seed-article test: ../shared/fixtures/seed-article is missing.');

describe.skipIf(!hasSeed)('findActors on the seed article', () => {
  const gold = hasSeed ? JSON.parse(readFileSync(new URL('gold.json', dir), 'utf8')) : { actors: [], not_actors: [] };
  const article = hasSeed ? articleText(readFileSync(new URL('article.html', dir), 'utf8'))! : { text: '', ledeEnd: 0 };
  const actors = findActors(article.text, article);
  const find = (names: string[]) => actors.find((a) => [a.name, ...a.aliases].some((n) => names.map(nameKey).includes(nameKey(n))));

  it('finds every gold actor with its type', () => {
    for (const g of gold.actors) expect(find([g.name, ...g.aliases])?.type, g.name).toBe(g.type);
  });

  it('merges Khalilzad into Zalmay Khalilzad, and TTP and the Pakistani Taliban into Tehreek-e-Taliban Pakistan', () => {
    expect(find(['Khalilzad'])?.name).toBe('Zalmay Khalilzad');
    expect(find(['TTP'])?.name).toBe('Tehreek-e-Taliban Pakistan');
    expect(find(['Pakistani Taliban'])?.name).toBe('Tehreek-e-Taliban Pakistan');
  });

  it('lists each Taliban once, the Afghan apart from the Pakistani', () => {
    for (const g of gold.actors.filter((a: { name: string }) => /Taliban/.test(a.name))) {
      const names = [g.name, ...g.aliases].map(nameKey);
      expect(actors.filter((a) => [a.name, ...a.aliases].some((n) => names.includes(nameKey(n)))), g.name).toHaveLength(1);
    }
    expect(find(['Taliban'])?.name).toBe('Afghan Taliban');
  });

  it('lists none of the page furniture or common words', () => {
    for (const name of gold.not_actors) expect(find([name]), name).toBeUndefined();
  });

  it('puts Zalmay Khalilzad, TTP and Pakistan among the first five', () => {
    const top = actors.slice(0, 5).map((a) => a.name);
    expect(top).toEqual(expect.arrayContaining(['Zalmay Khalilzad', 'Tehreek-e-Taliban Pakistan', 'Pakistan']));
  });

  it('ranks the Taliban and Kabul, named again and again, above Twitter, named once in the lede ("a post on X (formerly Twitter)")', () => {
    const rank = (name: string) => actors.findIndex((a) => a.name === name);
    expect(rank('Twitter')).toBeGreaterThan(rank('Afghan Taliban'));
    expect(rank('Twitter')).toBeGreaterThan(rank('Kabul'));
  });
});
