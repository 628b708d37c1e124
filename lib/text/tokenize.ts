import { ABBREVIATIONS } from './abbreviations';

/** A token of the analysed text with [start, end) offsets into it. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

// Letters include combining marks so that "Māori" written with a combining
// macron stays one word.
const L = '\\p{L}\\p{M}';
const TOKEN = new RegExp(
  [
    'https?://[^\\s<>"“”]+[^\\s<>"“”.,;:!?)\\]]', // URLs
    `[${L}](?:\\.[${L}])+\\.?`, // dotted acronyms: U.S., e.g.
    '\\p{N}+(?:[.,:/-]\\p{N}+)*', // numbers, dates, times: 1,000  3.5  1996-08-22
    `[${L}\\p{N}]+(?:[-'’&][${L}\\p{N}]+)*`, // words, hyphenated names, O'Brien, AT&T
    '\\.\\.\\.|--|\\S', // anything else is one character
  ].join('|'),
  'gu',
);
// Clitics that CoNLL (and most English taggers) split off: Pakistan's, don't.
const CLITIC = /(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/iu;

/**
 * Splits text into word and punctuation tokens that keep their offsets, the
 * way the tagger's training data (CoNLL-2003) was tokenised: possessives and
 * clitics are split off ("Pakistan", "’s"), abbreviations and initials keep
 * their full stop ("Mr.", "U.S.", "J."), hyphenated names stay whole
 * ("Tehreek-e-Taliban") and quotes and dashes are tokens of their own.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const push = (t: string, start: number) => tokens.push({ text: t, start: offset + start, end: offset + start + t.length });
  const re = new RegExp(TOKEN);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let word = m[0];
    const at = m.index;
    const clitic = /^[\p{L}]/u.test(word) ? CLITIC.exec(word) : null;
    if (clitic && clitic.index > 0) {
      push(word.slice(0, clitic.index), at);
      push(clitic[0], at + clitic.index);
      continue;
    }
    // Take the full stop of "Mr." and of initials ("J."), but leave the one
    // that ends a sentence after an ordinary word.
    if (text[at + word.length] === '.' && /^\p{L}+$/u.test(word)) {
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word)) word += '.';
    }
    push(word, at);
    re.lastIndex = at + word.length;
  }
  return tokens;
}
