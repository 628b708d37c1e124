import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/text/sentences';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks', () => {
    expect(texts('Talks failed. Why? Nobody knows!')).toEqual(['Talks failed.', 'Why?', 'Nobody knows!']);
  });

  it('does not split after titles, months, dotted acronyms or initials', () => {
    expect(texts('Mr. Sharif met Gen. Munir on Jan. 5 in the U.S. capital. J. R. Smith wrote.')).toEqual([
      'Mr. Sharif met Gen. Munir on Jan. 5 in the U.S. capital.',
      'J. R. Smith wrote.',
    ]);
  });

  it('keeps closing quotes, straight or curly, with their sentence', () => {
    expect(texts('He said “no.” Then he left. She said "yes." It ended.')).toEqual(['He said “no.”', 'Then he left.', 'She said "yes."', 'It ended.']);
  });

  it('splits before an opening quote', () => {
    expect(texts('He wrote. “The time has come.”')).toEqual(['He wrote.', '“The time has come.”']);
  });

  it('splits at blank lines, so a headline without a full stop is a sentence', () => {
    expect(texts('Khalilzad Urges Talks\n\nISLAMABAD — He spoke')).toEqual(['Khalilzad Urges Talks', 'ISLAMABAD — He spoke']);
  });

  it('splits at a blank line after an initial or an abbreviation too', () => {
    expect(texts('It beats the Xbox One S.\n\nYou can buy it now. Talks began in Jan.\n\nThey failed.')).toEqual([
      'It beats the Xbox One S.',
      'You can buy it now.',
      'Talks began in Jan.',
      'They failed.',
    ]);
  });

  it('gives offsets into the text', () => {
    const text = 'One.  Two.\n\nThree';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
