import { describe, expect, it } from 'vitest';
import { tokenize } from '../../lib/text/tokenize';

const words = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('keeps the offsets of every token into the original text', () => {
    const text = '  Mr. Khalilzad’s “talks” — held in Jan. — failed.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('adds an offset to every token when given one', () => {
    expect(tokenize('Kabul', 10)[0]).toEqual({ text: 'Kabul', start: 10, end: 15 });
  });

  it('keeps the full stop of abbreviations, dotted acronyms and initials', () => {
    expect(words('Mr. Smith met Dr. J. R. Jones in the U.S. on Jan. 5.')).toEqual(
      ['Mr.', 'Smith', 'met', 'Dr.', 'J.', 'R.', 'Jones', 'in', 'the', 'U.S.', 'on', 'Jan.', '5', '.'],
    );
  });

  it('splits off a sentence-final full stop after an ordinary word', () => {
    expect(words('He left Kabul.')).toEqual(['He', 'left', 'Kabul', '.']);
  });

  it('splits possessives with straight and curly apostrophes', () => {
    expect(words("Pakistan’s army and Germany's envoy")).toEqual(['Pakistan', '’s', 'army', 'and', 'Germany', "'s", 'envoy']);
  });

  it('splits negations the CoNLL way', () => {
    expect(words("We don't know")).toEqual(['We', 'do', "n't", 'know']);
  });

  it('keeps hyphenated names and names with apostrophes whole', () => {
    expect(words('Tehreek-e-Taliban Pakistan and O’Brien')).toEqual(['Tehreek-e-Taliban', 'Pakistan', 'and', 'O’Brien']);
  });

  it('keeps non-ASCII names whole, also with combining accents', () => {
    expect(words('Māori leaders of Ngātiwai met Ma\u0304ori elders')).toEqual(['Māori', 'leaders', 'of', 'Ngātiwai', 'met', 'Ma\u0304ori', 'elders']);
  });

  it('makes quotes and dashes tokens of their own', () => {
    expect(words('“Peace,” he said — again – "soon"')).toEqual(['“', 'Peace', ',', '”', 'he', 'said', '—', 'again', '–', '"', 'soon', '"']);
  });

  it('keeps numbers, dates and URLs whole', () => {
    expect(words('$1,000.50 on 1996-08-22 at https://example.org/a?b=1.')).toEqual(['$', '1,000.50', 'on', '1996-08-22', 'at', 'https://example.org/a?b=1', '.']);
  });
});
