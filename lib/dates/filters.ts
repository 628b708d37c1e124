/**
 * The filter step: numbers and words that parsers read as dates but that
 * the text uses otherwise — counts ("2000 troops"), money ("$2019"),
 * section and model numbers ("page 2019", "Windows 2000"), names
 * ("Theresa May", "the Sunday Times", "USA Today").
 */
import type { Tense } from './resolve';
import type { ParsedDate, Reading } from './types';

// Words after a number that make it a count or a measure, not a year.
const COUNT_AFTER =
  /^\s*(?:%|percent\b|per\s*cent\b|-?years?[-\s]old\b|years?\b|people\b|persons\b|men\b|women\b|children\b|soldiers\b|troops\b|fighters\b|militants\b|police(?:men)?\b|officers\b|elders\b|residents\b|families\b|workers\b|employees\b|jobs\b|members\b|students\b|voters\b|votes\b|deaths\b|dead\b|cases\b|patients\b|refugees\b|migrants\b|homes\b|houses\b|buildings\b|shares\b|points\b|units\b|copies\b|cars\b|vehicles\b|tons\b|tonnes\b|barrels\b|acres\b|hectares\b|feet\b|ft\b|meters\b|metres\b|miles\b|km\b|kilometers\b|kilometres\b|kg\b|pounds\b|dollars\b|euros\b|yen\b|rupees\b|calories\b|words\b|pages\b|rounds\b|times\b|hours\b|minutes\b|GMT\b|UTC\b|hrs\b|mph\b|MW\b|cc\b|[ap]\.?m\.?(?!\w))/i;

// Words before a number that make it something other than a year.
const NOT_YEAR_BEFORE =
  /(?:[$€£¥#]\s*|\b(?:no|nos|number|page|pages|p|pp|section|chapter|room|flight|route|highway|interstate|model|version|article|rule|resolution|code|form|bus|channel|exit|suite|unit|box|dial|call|ext|about|approximately|nearly|almost|more than|less than|fewer than|over|under|some|up to|at least|only|just|roughly|estimated|total of|were)\.?\s+)$/i;

const YEAR_PREPOSITION = /\b(?:in|since|of|from|by|until|till|to|circa|c\.|before|after|during)\s+$/i;

const MONTH_OR_SEASON = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Spring|Summer|Fall|Autumn|Winter|Fiscal|FY)\.?$/;

// Newspapers, shows and sections named after days.
const DAY_AS_NAME = /^\s*(?:Times|Telegraph|Express|Mirror|Post|Herald|Star|Business|Metropolitan|Review|Styles|Magazine|Paper|Edition|Show|Night Football|School|Bloody)\b/;
const TODAY_AS_NAME = /^['’]s\s+Paper\b|^\s+(?:show|Show)\b/;

/** The word just before `at` and whether it starts a sentence. */
function previousWord(text: string, at: number): { word: string; sentenceStart: boolean } {
  const before = text.slice(Math.max(0, at - 40), at);
  const m = /([\p{L}\p{N}.'’-]+)(\s*)$/u.exec(before);
  if (!m) return { word: '', sentenceStart: true };
  const beforeWord = before.slice(0, m.index).trimEnd();
  return { word: m[1], sentenceStart: beforeWord === '' || /[.!?:;"“”]$/.test(beforeWord) || /\n\s*$/.test(before.slice(0, m.index)) };
}

/** Whether only punctuation or a line break separates `at` from the end of the previous sentence. */
function startsSentence(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 10), at);
  return at === 0 || /(?:[.!?:;"“”]\s+|\n\s*|^\s*)$/.test(before);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** A bare four-digit number that the text uses as a year. */
function isBareYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 30);
  if (COUNT_AFTER.test(after) || NOT_YEAR_BEFORE.test(before)) return false;
  const year = +text.slice(start, end);
  if (year < 1700 && !YEAR_PREPOSITION.test(before)) return false;
  // "Windows 2000", "Euro 2020", "Vision 2030": a name, unless the word is a month or starts the sentence.
  const { word, sentenceStart } = previousWord(text, start);
  if (word && isCapitalised(word) && !sentenceStart && !MONTH_OR_SEASON.test(word)) return false;
  return true;
}

// A paragraph that ends with a social-media handle is the author's bio ("He joined The Times in 2007. @handle").
const AUTHOR_BIO = /(?:^|\n\s*\n)([^\n]*\s@\w{2,}(?:\s*[•|·]\s*\w+)*)\s*(?=\n\s*\n|$)/g;

/**
 * The [start, end) ranges of paragraphs about the author rather than the
 * story: their dates ("joined The Times in 2007") are not the story's.
 */
export function authorBioRanges(text: string): Array<[number, number]> {
  return [...text.matchAll(AUTHOR_BIO)].map((m) => {
    const start = m.index! + m[0].indexOf(m[1]);
    return [start, start + m[1].length];
  });
}

/**
 * Decides whether a parsed expression is a date in this text; see the
 * module comment for what is rejected. Durations, ages and times of day are
 * never produced by the parsers, so they need no rule here.
 */
export function isDateMention(parsed: ParsedDate, text: string): boolean {
  const { start, end, reading } = parsed;
  const written = text.slice(start, end);
  if (parsed.parser === 'year') return isBareYear(text, start, end);
  if (parsed.parser === 'spelled-year') return !COUNT_AFTER.test(text.slice(end, end + 30)); // not "nineteen ninety people"
  if (reading.kind === 'weekday' && DAY_AS_NAME.test(text.slice(end, end + 25))) return false;
  if (reading.kind === 'month' && reading.day === undefined && parsed.parser === 'chrono') {
    // "Theresa May", "April Ryan", "the Women's March": a month alone next to a name.
    const { word, sentenceStart } = previousWord(text, start);
    if (word && isCapitalised(word) && !sentenceStart && !/^(?:In|Since|By|Until|From|Of|Early|Late|Mid|Last|Next|This)$/.test(word)) return false;
    if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 3)) && !/^\s+(?:of|\d)/.test(text.slice(end, end + 4))) return false;
    if (/^\s*['’]s\b/.test(text.slice(end, end + 3))) return false;
  }
  if (/^today$/i.test(written) && TODAY_AS_NAME.test(text.slice(end, end + 10))) return false;
  // Capitalised inside a sentence, the word is part of a name: "USA Today", "New York Today", "The World of Tomorrow".
  if (/^(?:Today|Tomorrow|Yesterday|Tonight)$/.test(written) && !startsSentence(text, start)) return false;
  return true;
}

// Words of habit: a statement with one names no particular date.
const HABITUAL = /\b(?:always|usually|often|typically|generally|normally|routinely|tends?\s+to|every|each|can)\b/i;

/**
 * Whether a month or season named without a year ("in early March", "during
 * the winter") is part of a habitual statement rather than a date: "during
 * peak pothole-repair season in early March, that number can expand". Only
 * in clauses with no tense marker; "since April, attacks have grown each week"
 * stays a date.
 */
export function isGenericMention(reading: Reading, sentence: string, tense: Tense): boolean {
  const bareSeason = reading.kind === 'season' && reading.followTense === true;
  const bareMonth = reading.kind === 'month' && reading.day === undefined && reading.direction === 0 && reading.yearShift === undefined;
  return (bareSeason || bareMonth) && tense === 'unknown' && HABITUAL.test(sentence);
}
