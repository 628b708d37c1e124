// The most frequent English function words: in English news they make up a
// fifth or more of all words; in other languages written in Latin script,
// only the odd borrowed "the" or "in".
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for on with was as by at it from he said his be are have has but not an its they were who which this will their been'.split(' '),
);

/** Which analysis stages work for an article's language, and what to tell the reader when some do not. */
export interface LanguageSupport {
  /** The language the analysis assumed: the page's `lang`, else a guess from the text. */
  language: string | null;
  actors: boolean;
  dates: boolean;
  /** A sentence for the reader where something is off for this language. */
  note: string | null;
}

/**
 * Decides what the English-trained stages can do for this article. The
 * page's declared language is trusted when it names one; pages that declare
 * none (many do) are judged by how much of their text is English function words.
 */
export function languageSupport(declared: string | null, text: string): LanguageSupport {
  const base = declared?.toLowerCase().split(/[-_]/)[0] || null;
  const english = base ? base === 'en' : looksEnglish(text);
  if (english) return { language: base ?? 'en', actors: true, dates: true, note: null };
  const name = base ? languageName(base) : 'a language other than English';
  return {
    language: base,
    actors: false,
    dates: false,
    note: `This article is in ${name}. Backstory finds actors and dates in English articles only, so those sections are left out; the article’s details and links are still shown.`,
  };
}

/** True when at least 12% of the first 2,000 words are common English function words. */
export function looksEnglish(text: string): boolean {
  const words = text.slice(0, 15_000).toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return !/[^\p{Script=Latin}\p{P}\p{N}\s]/u.test(text.slice(0, 2000));
  const sample = words.slice(0, 2000);
  const hits = sample.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  return hits / sample.length >= 0.12;
}

/** The English name of a language code ("fr" → "French"), or the code itself. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
