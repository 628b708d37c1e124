import { ABBREVIATIONS } from './abbreviations';

/** A sentence of the analysed text: [start, end) offsets and its text. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits text into sentences at ., ! and ? followed by space and a capital,
 * quote or digit, and at blank lines; abbreviations ("Mr.", "Sept.") and
 * initials ("J. R.") do not end a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) sentences.push({ start: start + lead, end: start + lead + body.length, text: body });
    start = end;
  };
  const boundary = /([.!?]+["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])|\n\s*\n/gu;
  for (const m of text.matchAll(boundary)) {
    const at = m.index!;
    if (m[1]) {
      const before = text.slice(Math.max(0, at - 12), at);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      // A paragraph ends its sentence even after an abbreviation ("the Xbox One S.", a blank line, "You can…").
      if (m[1] === '.' && !/\n\s*\n/u.test(m[2]) && (ABBREVIATIONS.has(word.replace(/\.$/, '')) || /^\p{L}$/u.test(word))) continue;
      push(at + m[1].length);
    } else {
      push(at);
    }
  }
  push(text.length);
  return sentences;
}
