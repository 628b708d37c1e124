import { describe, expect, it } from 'vitest';
import { cleanByline } from '../../lib/extract/byline';

describe('cleanByline', () => {
  it('keeps the names of a plain byline as they are', () => {
    for (const name of ['Daniel Kahn Gillmor', 'Aleš Vávra', 'Alexandre Hervaud, Jérémy Piette', 'Bruno (Henrique Zecchin) Rodrigues', '肖春芳', 'Brian May']) {
      expect(cleanByline(name)).toBe(name);
    }
  });

  it('takes off the "By" before the names, in the languages pages write it', () => {
    expect(cleanByline('By Ana Sandoiu')).toBe('Ana Sandoiu');
    expect(cleanByline('Par Sébastien Farcis')).toBe('Sébastien Farcis');
    expect(cleanByline('by  Jane Doe\n and John Roe')).toBe('Jane Doe and John Roe');
  });

  it('cuts the date, the time and a comment count that the byline element holds too', () => {
    expect(cleanByline('by Lucas Nolan22 Dec 2016651')).toBe('Lucas Nolan');
    expect(cleanByline('By Nathan Willis March 25, 2015')).toBe('Nathan Willis');
    expect(cleanByline('Sam Okafor 2024-03-02')).toBe('Sam Okafor');
    expect(cleanByline('Li Wei, Sept. 3rd, 2021 at 9:15')).toBe('Li Wei');
    expect(cleanByline('Posted on March 3, 2020 by Jane Doe')).toBe('Jane Doe');
  });

  it('leaves out a last line that names the desk, not an author', () => {
    expect(cleanByline('By Brenda  Goodman, MA\n        WebMD Health News')).toBe('Brenda Goodman, MA');
    expect(cleanByline('By Kelli  Miller\n   WebMD Health News\n')).toBe('Kelli Miller');
    // On one line, or as the only line, it stays.
    expect(cleanByline('BBC News')).toBe('BBC News');
    expect(cleanByline('Jane Doe, Staff Writer')).toBe('Jane Doe, Staff Writer');
  });

  it('writes a name in capitals with a capital at the start of each part', () => {
    expect(cleanByline('By GILLIAN MOHNEY March 11, 2015 3:46 PM')).toBe('Gillian Mohney');
    expect(cleanByline('JOE HILDEBRAND')).toBe('Joe Hildebrand');
    expect(cleanByline("CONOR O'BRIEN-SMITH")).toBe("Conor O'Brien-Smith");
    // A news agency's initials stay as they are.
    expect(cleanByline('By AP')).toBe('AP');
    expect(cleanByline('BBC STAFF')).toBe('BBC Staff');
  });

  it('gives no byline for a date and its label alone, or for nothing', () => {
    expect(cleanByline('Last Updated: January 7, 2025')).toBeNull();
    expect(cleanByline('Published 22 Dec 2016')).toBeNull();
    expect(cleanByline('  ')).toBeNull();
    expect(cleanByline('By')).toBeNull();
    expect(cleanByline('by 22 Dec 2016')).toBeNull();
    expect(cleanByline(null)).toBeNull();
  });
});
