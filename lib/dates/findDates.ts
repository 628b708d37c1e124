/**
 * The timeline of an article: every date it refers to, placed on the
 * calendar relative to the publication date, one entry per date.
 *
 * The pipeline, top to bottom:
 *   parse    chrono-node and our pattern parsers read date expressions;
 *            spans grow over modifiers ("late September", "the end of 1990")
 *   filter   counts, money, names and other numbers that are not dates go,
 *            and so do the dates of the author's bio (before merging, so a
 *            rejected long reading cannot hide a short one)
 *   merge    of overlapping readings the longest wins
 *   resolve  relative readings are placed against the reference date and tense,
 *            or against the date mentioned before ("the following month");
 *            a month or season in a habitual statement is no date and goes
 *   collapse repeated mentions of one date become one entry with a count
 *   rank     key dates are marked; entries are sorted chronologically
 */
import type { DateEntry } from '../report';
import { splitSentences, type Sentence } from '../text/sentences';
import { dayOf, parseIsoDay, timelineSortKey } from './calendar';
import { authorBioRanges, isDateMention, isGenericMention } from './filters';
import { PARSER_PREFERENCE, parseDates } from './parsers';
import { detectTense, resolveReading } from './resolve';
import type { DateContext, DateMention, ParsedDate } from './types';

export interface FindDatesOptions {
  /** The page's publication date, ISO `YYYY-MM-DD`, or null when it states none. */
  published: string | null;
  /** The clock to resolve against when there is no publication date (default: now). */
  now?: Date;
  /** Offset where the lede (headline and first two body paragraphs) ends. */
  ledeEnd?: number;
}

// Mentioned this often, a date is key even outside the lede.
const KEY_MENTIONS = 3;
const MAX_SENTENCE = 200;

const MODIFIER_BEFORE = /(?:\b(?:(?:the\s+)?(?:early|late|mid)|the (?:end|beginning|start|middle|turn) of(?: the)?)[-\s]+|\bmid-)$/i;
const PREPOSITION_BEFORE = /\b(?:since|in|on|by|until|till|from|before|after|during|through|throughout|as of)\s+$/i;
// The first year and the dash of an abbreviated year range (lib/dates/parsers.ts parseYearRanges).
const RANGE_BEFORE = /\d{4}\s*[-–—/]\s*$/;

function makeContext(text: string, options: FindDatesOptions): DateContext {
  const published = options.published ? parseIsoDay(options.published) : null;
  return published
    ? { text, reference: published, referenceName: 'publication' }
    : { text, reference: dayOf(options.now ?? new Date()), referenceName: 'today' };
}

/** Grows a span leftwards over "early", "mid-", "the end of" and the like. */
function extendOverModifiers(parsed: ParsedDate, text: string): ParsedDate {
  const m = MODIFIER_BEFORE.exec(text.slice(Math.max(0, parsed.start - 30), parsed.start));
  return m ? { ...parsed, start: parsed.start - m[0].length } : parsed;
}

/** Keeps the longest of overlapping readings; on equal length, the one of the parser listed first. */
function mergeOverlaps(parsed: ParsedDate[]): ParsedDate[] {
  const rank = (p: ParsedDate) => PARSER_PREFERENCE.indexOf(p.parser);
  const byStrength = [...parsed].sort((a, b) => b.end - b.start - (a.end - a.start) || rank(a) - rank(b));
  const kept: ParsedDate[] = [];
  for (const candidate of byStrength) {
    if (!kept.some((k) => k.start < candidate.end && candidate.start < k.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function sentenceAt(sentences: Sentence[], offset: number): Sentence {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sentences[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return sentences[lo] ?? { start: 0, end: 0, text: '' };
}

/**
 * Every date mention in the text, resolved, in text order. This is the
 * per-mention view the evaluation scores; the side panel wants `findDates`.
 */
export function findDateMentions(text: string, options: FindDatesOptions): DateMention[] {
  const context = makeContext(text, options);
  const sentences = splitSentences(text);
  const parsed = parseDates(context).map((p) => extendOverModifiers(p, text));
  const bios = authorBioRanges(text);
  const dates = parsed.filter((p) => isDateMention(p, text) && !bios.some(([from, to]) => p.start >= from && p.end <= to));
  const mentions: DateMention[] = [];
  for (const p of mergeOverlaps(dates)) {
    const sentence = sentenceAt(sentences, p.start);
    const tense = detectTense(text, p.start, p.end, sentence);
    if (isGenericMention(p.reading, sentence.text, tense)) continue;
    const resolved = resolveReading(p.reading, tense, context, mentions, p.start);
    if (resolved) mentions.push({ start: p.start, end: p.end, text: text.slice(p.start, p.end), ...resolved, parser: p.parser });
  }
  return mentions;
}

/** The sentence, cut to the clauses around the mention when it is long. */
function trimSentence(sentence: Sentence, start: number, end: number): string {
  const text = sentence.text;
  if (text.length <= MAX_SENTENCE) return text;
  const cuts = [0, ...[...text.matchAll(/[,;:—–(]\s/g)].map((m) => m.index! + m[0].length), text.length];
  const from0 = start - sentence.start;
  const to0 = end - sentence.start;
  let from = Math.max(...cuts.filter((c) => c <= from0));
  let to = Math.min(...cuts.filter((c) => c >= to0));
  for (;;) {
    const before = Math.max(...cuts.filter((c) => c < from), -1);
    const after = Math.min(...cuts.filter((c) => c > to), Infinity);
    if (before >= 0 && to - before <= MAX_SENTENCE) from = before;
    else if (after !== Infinity && after - from <= MAX_SENTENCE) to = after;
    else break;
  }
  if (to - from > MAX_SENTENCE) {
    from = Math.max(from, from0 - 80);
    to = Math.min(to, from + MAX_SENTENCE);
  }
  const body = text.slice(from, to).trim().replace(/[,;:—–(]$/, '').trim();
  return `${from > 0 ? '… ' : ''}${body}${to < text.length ? ' …' : ''}`;
}

/** Offset where the headline and first two body paragraphs end. */
function defaultLedeEnd(text: string): number {
  const blocks = [...text.matchAll(/\n\s*\n/g)];
  return blocks.length >= 3 ? blocks[2].index! : text.length;
}

/**
 * The article's timeline: one entry per date it refers to, in chronological
 * order, with the publication date always present (marked) when known.
 * `text` is the headline, a blank line, then the body paragraphs separated
 * by blank lines. Relative expressions are resolved against `published`,
 * else against `now` and marked `uncertain`. A range ("2019–2021") gives
 * one entry per end. An entry whose date the text never states (the
 * publication date, sometimes) has start === end === 0 and no sentence.
 */
export function findDates(text: string, options: FindDatesOptions): DateEntry[] {
  const mentions = findDateMentions(text, options);
  const sentences = splitSentences(text);
  const ledeEnd = options.ledeEnd ?? defaultLedeEnd(text);
  const published = options.published && parseIsoDay(options.published) ? options.published.slice(0, 10) : null;

  const byValue = new Map<string, DateMention[]>();
  for (const mention of mentions) byValue.set(mention.value, [...(byValue.get(mention.value) ?? []), mention]);

  const entries: DateEntry[] = [...byValue.values()].map((group) => {
    const first = group[0];
    // The second year of "2008-9" alone would be quoted as "9": it is quoted with the first.
    const before = first.parser === 'year-range' && first.text.length < 4 ? RANGE_BEFORE : PREPOSITION_BEFORE;
    const start = first.start - (before.exec(text.slice(Math.max(0, first.start - 12), first.start))?.[0].length ?? 0);
    const isPublication = first.value === published;
    const entry: DateEntry = {
      text: text.slice(start, first.end),
      value: first.value,
      precision: first.precision,
      start,
      end: first.end,
      sentence: trimSentence(sentenceAt(sentences, first.start), first.start, first.end),
      relative: first.relative,
      count: group.length,
      key: isPublication || group.length >= KEY_MENTIONS || group.some((m) => m.start < ledeEnd),
    };
    if (isPublication) {
      entry.publication = true;
      const written = group.find((m) => m.relative === null);
      if (written) entry.text = written.text; // as the article writes the date, not "today"
    }
    if (!published && first.relative !== null) entry.uncertain = true;
    return entry;
  });

  if (published && !byValue.has(published)) {
    entries.push({
      text: published, value: published, precision: 'day', start: 0, end: 0, sentence: '',
      relative: null, count: 0, key: true, publication: true,
    });
  }
  return entries.sort((a, b) => timelineSortKey(a.value, a.precision) - timelineSortKey(b.value, b.precision) || a.start - b.start);
}
