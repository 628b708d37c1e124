import { describe, expect, it } from 'vitest';
import { findActors, nameKey } from '../../lib/actors';

const byName = (text: string) => new Map(findActors(text).map((a) => [a.name, a]));

describe('nameKey', () => {
  it('ignores case, accents, punctuation and a possessive', () => {
    expect(nameKey('Pakistan’s')).toBe('pakistan');
    expect(nameKey('Māori')).toBe(nameKey('maori'));
    expect(nameKey('U.S.')).toBe('us');
  });
});

describe('findActors', () => {
  const text =
    'Talks on the border\n\nFormer United States envoy to Afghanistan Zalmay Khalilzad urged talks with the Tehreek-e-Taliban Pakistan (TTP) on Sunday. ' +
    'Khalilzad said the TTP must stop attacks. Prime Minister Shehbaz Sharif rejected the idea in Islamabad.\n\n' +
    'Sharif said Pakistan’s army would fight on. The U.S. did not comment, and the US embassy in Islamabad was closed in April.';
  const actors = byName(text);

  it('merges a surname into the full name', () => {
    expect(actors.get('Zalmay Khalilzad')?.aliases).toContain('Khalilzad');
    expect(actors.has('Khalilzad')).toBe(false);
  });

  it('merges an acronym defined in the text into the name it stands for', () => {
    expect(actors.get('Tehreek-e-Taliban Pakistan')?.aliases).toContain('TTP');
  });

  it('merges well-known short forms into the full name', () => {
    expect(actors.get('United States')?.aliases).toEqual(expect.arrayContaining(['U.S.', 'US']));
  });

  it('keeps a title as the role, not in the name', () => {
    expect(actors.get('Shehbaz Sharif')?.role).toBe('Prime Minister');
  });

  it('counts mentions and keeps their offsets', () => {
    const sharif = actors.get('Shehbaz Sharif')!;
    expect(sharif.mentions).toBe(2);
    for (const [s, e] of sharif.offsets) expect(['Shehbaz Sharif', 'Sharif']).toContain(text.slice(s, e));
  });

  it('drops months, weekdays and lone honorifics', () => {
    for (const junk of ['April', 'Sunday', 'Mullah']) expect(actors.has(junk)).toBe(false);
  });

  it('ranks an actor of the lede above one mentioned once at the end', () => {
    const names = [...actors.keys()];
    expect(names.indexOf('Zalmay Khalilzad')).toBeLessThan(names.indexOf('Pakistan'));
  });
});
