import type { DatePrecision } from '../report';

export type Season = 'SP' | 'SU' | 'FA' | 'WI';
export type ShiftUnit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade';

/**
 * What a parser understood an expression to say, before it is placed on the
 * calendar. Absolute readings carry their value; the others need the
 * reference date (and, for some, the tense of the sentence) to be resolved.
 */
export type Reading =
  | { kind: 'absolute'; value: string; precision: DatePrecision }
  /** "Sunday"; direction -1 for "last Sunday", +1 for "next Sunday", 0 to follow the tense. */
  | { kind: 'weekday'; weekday: number; direction: -1 | 0 | 1 }
  /**
   * "April", "Sept. 16", "last April", "June last year": a month (and day)
   * without a year. yearShift fixes the year relative to the reference year;
   * else direction -1/+1 picks the one before/after the reference and 0 follows the tense.
   */
  | { kind: 'month'; month: number; day?: number; weekday?: number; direction: -1 | 0 | 1; yearShift?: number }
  /**
   * "this summer", "last spring"; followTense for "the summer", whose year
   * follows the tense like a month's.
   */
  | { kind: 'season'; season: Season; direction: -1 | 0 | 1; followTense?: boolean }
  /**
   * "the third quarter" without a year; yearShift for "last year's third
   * quarter", year for "the quarter ended Sept. 30" (computed by the parser)
   * and "the 1988 quarter". Without a number ("the quarter"), the quarter the
   * text last named, else the latest one reported.
   */
  | { kind: 'quarter'; quarter?: number; year?: number; yearShift?: number }
  /**
   * "last year" (-1 year), "two weeks ago" (-2 weeks), "today" (0 days).
   * Anchored shifts ("a year earlier", "year-ago") count from the date the
   * text last mentioned, when there is one, at that date's precision.
   */
  | { kind: 'shift'; unit: ShiftUnit; amount: number; anchored?: boolean }
  /**
   * "the following month", "the day before", "later that year": counted from
   * the date the text last mentioned, at the unit's precision; without one the
   * expression has no place on the timeline.
   */
  | { kind: 'anaphoric'; unit: 'day' | 'week' | 'month' | 'year'; amount: number };

/** A date expression found by a parser: where it is, what it says. */
export interface ParsedDate {
  start: number;
  end: number;
  reading: Reading;
  /** Which parser found it (for debugging and the evaluation). */
  parser: string;
}

/** A mention placed on the calendar. */
export interface DateMention {
  /** [start, end) of the date expression itself, without a leading preposition. */
  start: number;
  end: number;
  text: string;
  value: string;
  precision: DatePrecision;
  /** How a relative expression was resolved, or null when the text states the date. */
  relative: string | null;
  /** True when the value was counted from another date the text mentions ("a year earlier"). */
  anchored?: boolean;
  parser: string;
}

/** What parsers and the resolver know about the text they work on. */
export interface DateContext {
  text: string;
  /** The day relative expressions are resolved against. */
  reference: { year: number; month: number; day: number };
  /** 'publication' when the page states its date, else 'today'. */
  referenceName: 'publication' | 'today';
}

/** A parser reads the whole text and returns what it recognises. */
export type DateParser = (context: DateContext) => ParsedDate[];
