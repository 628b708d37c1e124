/**
 * Places readings on the calendar relative to the reference date (the
 * publication date, else today), using the tense around the expression for
 * the ones a reader resolves by tense ("on Sunday" vs "will meet on Sunday").
 */
import type { DatePrecision } from '../report';
import {
  addDays,
  addMonths,
  formatDay,
  formatIsoWeek,
  formatMonth,
  quarterOf,
  timelineSortKey,
  weekdayOf,
  type Day,
} from './calendar';
import type { DateContext, DateMention, Reading, ShiftUnit } from './types';

export type Tense = 'past' | 'future' | 'unknown';

export interface Resolved {
  value: string;
  precision: DatePrecision;
  relative: string | null;
  /** Counted from another date the text mentions, not from the reference date. */
  anchored?: boolean;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASON_NAMES = { SP: 'spring', SU: 'summer', FA: 'fall', WI: 'winter' };

// Markers of a future clause: modals, "is expected to", "plans to", "upcoming".
const FUTURE_MARKERS =
  /\b(?:will|won['’]t|shall|would|(?:due|expected|scheduled|set|slated|poised|going|likely|supposed)\s+to|(?:plans?|planning|intends?|aims?|hopes?|expects?|vows?|promised)\s+to|planned\s+for|to\s+be\s+[a-z]+ed|upcoming|next|coming|(?:is|are|am)\s+[a-z]{2,}ing)\b|\w['’]ll\b/gi;
// Markers of a past clause: auxiliaries, "ago", "since" and common irregular past forms
// (not as passive participles: "will be held", "is paid").
const PAST_MARKERS =
  /(?<!\b(?:be|is|are|am|being)\s+)\b(?:was|were|had|did|ago|earlier|(?<!\b(?:the|its|his|her|their|our)\s+)last|since|formerly|previously|began|became|brought|bought|built|came|caught|chose|drew|drove|fell|felt|fought|found|fled|flew|forgot|gave|got|grew|heard|held|kept|knew|led|left|lost|made|meant|met|paid|ran|rang|rose|said|sank|saw|sent|shook|shot|slept|sold|spent|spoke|stood|stole|struck|swore|took|taught|told|thought|threw|understood|won|wore|wrote|went|sought|sat)\b/gi;
// A regular past form ("signed", "approved"), unless it is passive present
// ("is based"), an adjective after a determiner ("the proposed merger") or a
// word that only looks like one.
const PAST_ED = /(?<!\b(?:the|a|an|its|their|his|her|our|be|is|are|am|being|to be)\s+|-)\b[a-z]{2,}ed\b/g;
const NOT_PAST_ED = new Set([
  'need', 'speed', 'indeed', 'seed', 'feed', 'breed', 'greed', 'bed', 'red', 'shed', 'hundred', 'sacred', 'naked', 'wicked',
  'based', 'related', 'limited', 'united', 'expected', 'scheduled', 'planned', 'proposed', 'supposed', 'alleged', 'concerned',
  'interested', 'detailed', 'advanced', 'armed', 'unexpected', 'unprecedented', 'embed', 'sled',
]);
// "unspecified", "undisclosed", "unnamed": adjectives, unlike "unveiled" or "uncovered".
const UN_ADJECTIVE = /^un(?!der|veil|leash|cover|fold|lock|load|earth|do|ite)/;
// Newswire opens quotes with ``, which the sentence splitter does not treat as a sentence start.
const QUOTE_START = /[.!?]['"”’]*\s+``/g;

// How far (in characters, after the penalties below) a marker may be from the date and still govern it.
const MARKER_REACH = 60;
// A marker beyond a comma or semicolon belongs to another clause, unless nothing nearer speaks.
const CLAUSE_PENALTY = 30;
// "said" is a weaker cue than the verb of the reported clause: count it as farther away.
const WEAK_FACTOR = 1.5;

/**
 * The tense of the clause around a date expression, read from the tense
 * marker nearest to it in its sentence: future for "will", "is expected
 * to", "plans to" and the like, past for "was", "since", "ago" and past verb
 * forms, else unknown. The nearest marker is usually the verb the date
 * belongs to, which keeps reported speech apart: in "they said they expect
 * it to be completed by Dec. 15", "to be completed" governs the date, not
 * "said". Markers in another clause or far away count less or not at all.
 */
export function detectTense(text: string, start: number, end: number, sentence: { start: number; end: number }): Tense {
  let from = Math.max(sentence.start, start - 2 * MARKER_REACH);
  let to = Math.min(sentence.end, end + 2 * MARKER_REACH);
  for (const m of text.slice(from, to).matchAll(QUOTE_START)) {
    const cut = from + m.index! + m[0].length - 2;
    if (cut <= start) from = cut;
    else if (cut < to) to = cut;
  }
  const scope = text.slice(from, to);
  const markers: Array<{ start: number; end: number; tense: Tense; weak: boolean }> = [];
  const add = (m: RegExpMatchArray, tense: Tense, weak = false) => {
    const markerStart = from + m.index!;
    const markerEnd = markerStart + m[0].length;
    if (markerEnd <= start || markerStart >= end) markers.push({ start: markerStart, end: markerEnd, tense, weak }); // not "last" in "last Sunday"
  };
  for (const m of scope.matchAll(FUTURE_MARKERS)) add(m, 'future');
  for (const m of scope.matchAll(PAST_MARKERS)) add(m, 'past', /^(?:said|told)$/i.test(m[0]));
  for (const m of scope.matchAll(PAST_ED)) if (!NOT_PAST_ED.has(m[0]) && !UN_ADJECTIVE.test(m[0])) add(m, 'past');
  // A date in an opening phrase ("In January, the company ...") belongs to the clause after the comma.
  const fronted = !markers.some((m) => m.end <= start);
  let best: { distance: number; tense: Tense } = { distance: MARKER_REACH, tense: 'unknown' };
  for (const marker of markers) {
    const before = marker.end <= start;
    const between = before ? text.slice(marker.end, start) : text.slice(end, marker.start);
    let distance = between.length + (/[,;:]/.test(between) && (before || !fronted) ? CLAUSE_PENALTY : 0);
    // A verb right before the date, or before its preposition, governs it: "said on Monday it would …" is when it was said.
    if (before && /^\s+(?:on|at)?\s*$/u.test(between)) distance = 0;
    else if (marker.weak) distance *= WEAK_FACTOR;
    if (distance < best.distance) best = { distance, tense: marker.tense };
  }
  // A date something was set "for" may lie ahead of the past verb: "called an election for July 4".
  if (best.tense === 'past' && /\bfor\s+$/iu.test(text.slice(Math.max(0, start - 5), start))) return 'unknown';
  return best.tense;
}

/** "N units before publication", "the year of publication", or, against today, "last year", "3 days ago". */
function shiftPhrase(unit: string, amount: number, referenceName: DateContext['referenceName']): string {
  const n = Math.abs(amount);
  if (referenceName === 'publication') {
    if (amount === 0) return `the ${unit} of publication`;
    const side = amount < 0 ? 'before' : 'after';
    return n === 1 ? `the ${unit} ${side} publication` : `${n} ${unit}s ${side} publication`;
  }
  if (unit === 'day' && n <= 1) return ['yesterday', 'today', 'tomorrow'][amount + 1];
  if (amount === 0) return `this ${unit}`;
  if (n === 1) return `${amount < 0 ? 'last' : 'next'} ${unit}`;
  return `${n} ${unit}s ${amount < 0 ? 'ago' : 'from now'}`;
}

/** "the publication year", "the year before publication", or "this year" when resolved against today. */
function yearPhrase(shift: number, referenceName: DateContext['referenceName']): string {
  if (shift === 0) return referenceName === 'publication' ? 'the publication year' : 'this year';
  return shiftPhrase('year', shift, referenceName);
}

/**
 * A weekday: the next one for "next Sunday" and in a future clause, the
 * last one (or the day itself) for "last Sunday" and in a past clause.
 * With no tense to go by, news means a day of the past few or the very next
 * one: "Friday" in a Thursday story is tomorrow rather than six days ago.
 */
function resolveWeekday(weekday: number, direction: -1 | 0 | 1, tense: Tense, ref: Day, name: DateContext['referenceName']): Resolved {
  const refWeekday = weekdayOf(ref);
  const tomorrow = weekday === (refWeekday + 1) % 7;
  const forward = direction === 1 || (direction === 0 && (tense === 'future' || (tense === 'unknown' && tomorrow)));
  let offset: number;
  if (forward) offset = (weekday - refWeekday + 7) % 7 || 7;
  else offset = -(((refWeekday - weekday + 7) % 7) || (direction === -1 ? 7 : 0));
  const day = addDays(ref, offset);
  const relative =
    offset === 0 ? `${WEEKDAYS[weekday]}, the day of ${name}` : `${WEEKDAYS[weekday]} ${offset < 0 ? 'before' : 'after'} ${name}`;
  return { value: formatDay(day), precision: 'day', relative };
}

/** The year of a month (and day) stated without one. */
function yearForMonth(reading: Reading & { kind: 'month' }, tense: Tense, ref: Day): number {
  if (reading.yearShift !== undefined) return ref.year + reading.yearShift;
  const order = (m: number, d: number) => m * 100 + d;
  const stated = order(reading.month, reading.day ?? 0);
  const reference = order(ref.month, reading.day === undefined ? 0 : ref.day);
  if (reading.weekday !== undefined && reading.day !== undefined) {
    // "Saturday, April 18": the nearest year in which that day is a Saturday.
    const years = [ref.year, ref.year - 1, ref.year + 1];
    const match = years.find((year) => weekdayOf({ year, month: reading.month, day: reading.day! }) === reading.weekday);
    if (match !== undefined) return match;
  }
  if (reading.direction === -1) return stated < reference ? ref.year : ref.year - 1;
  if (reading.direction === 1) return stated > reference ? ref.year : ref.year + 1;
  if (tense === 'future') return stated >= reference ? ref.year : ref.year + 1;
  if (tense === 'past') return stated <= reference ? ref.year : ref.year - 1;
  // No tense marker: the nearest such month (or day), as a reader would assume.
  const months = (year: number) => Math.abs(year * 12 + reading.month - (ref.year * 12 + ref.month));
  return [ref.year, ref.year - 1, ref.year + 1].reduce((best, year) => (months(year) < months(best) ? year : best));
}

function resolveShift(unit: ShiftUnit, amount: number, tense: Tense, ref: Day, name: DateContext['referenceName']): Resolved {
  switch (unit) {
    case 'day':
      return { value: formatDay(addDays(ref, amount)), precision: 'day', relative: shiftPhrase('day', amount, name) };
    case 'week': {
      // "will be debated this week", written on a Friday or over the weekend, means the coming working week.
      const weeks = amount === 0 && tense === 'future' && [5, 6, 0].includes(weekdayOf(ref)) ? 1 : amount;
      return { value: formatIsoWeek(addDays(ref, 7 * weeks)), precision: 'week', relative: shiftPhrase('week', weeks, name) };
    }
    case 'weekend': {
      // The weekend just past, or the coming one for "next weekend" and future tense.
      const forward = amount > 0 || (amount === 0 && tense === 'future');
      const toSaturday = forward ? (6 - weekdayOf(ref) + 7) % 7 : -((weekdayOf(ref) + 1) % 7);
      const saturday = addDays(ref, toSaturday + (amount < 0 && toSaturday === 0 ? -7 : 0));
      const relative = `the weekend ${forward ? 'after' : 'before'} ${name}`;
      return { value: `${formatIsoWeek(saturday)}-WE`, precision: 'week', relative };
    }
    case 'month': {
      const month = addMonths(ref, amount);
      return { value: formatMonth(month.year, month.month), precision: 'month', relative: shiftPhrase('month', amount, name) };
    }
    case 'quarter': {
      const index = ref.year * 4 + quarterOf(ref.month) - 1 + amount;
      return { value: `${Math.floor(index / 4)}-Q${(index % 4) + 1}`, precision: 'quarter', relative: shiftPhrase('quarter', amount, name) };
    }
    case 'year':
      return { value: String(ref.year + amount), precision: 'year', relative: yearPhrase(amount, name) };
    case 'decade':
      return { value: String(Math.floor(ref.year / 10) + amount), precision: 'decade', relative: shiftPhrase('decade', amount, name) };
  }
}

// How far back (in characters) "a year earlier" and "the following month" look for the date they count from.
const ANCHOR_WINDOW = 600;
// A day that only ends a period ("the quarter ended Sept. 30"): the period, named just before, is what a later "a year earlier" compares with.
const ENDS_PERIOD = /\b(?:quarter|period|months|year|weeks)\s+end(?:ed|ing)\s+$/i;

/** A date mentioned earlier in the text, which relative expressions may count from. */
export type EarlierMention = Pick<DateMention, 'text' | 'value' | 'precision' | 'start' | 'end' | 'anchored'>;

/** The latest earlier mention, within `window` characters before `at`, that `accept` takes. */
function latest(earlier: EarlierMention[], at: number, accept: (m: EarlierMention) => boolean, window = ANCHOR_WINDOW): EarlierMention | undefined {
  for (let i = earlier.length - 1; i >= 0 && at - earlier[i].end <= window; i--) if (accept(earlier[i])) return earlier[i];
  return undefined;
}

/**
 * The period "a year earlier" compares with: the last date finer than a
 * year in the preceding few sentences, else the last quarter the story
 * named (a results story names its quarter once, in the lede). Not "today",
 * not a date in the future (a forecast), not one itself counted from
 * another date, and not a day that only ends a period already named
 * ("the quarter ended Sept. 30").
 */
function comparedPeriod(earlier: EarlierMention[], at: number, context: DateContext): EarlierMention | undefined {
  const refKey = timelineSortKey(formatDay(context.reference), 'day');
  const usable = (m: EarlierMention) =>
    !m.anchored &&
    /^\d{4}-/.test(m.value) &&
    !/^(?:today|now)$/i.test(m.text) &&
    Math.floor(timelineSortKey(m.value, m.precision)) <= refKey &&
    !(m.precision === 'day' && ENDS_PERIOD.test(context.text.slice(Math.max(0, m.start - 30), m.start)));
  return latest(earlier, at, usable) ?? latest(earlier, at, (m) => m.precision === 'quarter' && usable(m), Infinity);
}

/** Which precisions a "the following <unit>" can count from. */
const ANAPHORIC_ANCHORS: Record<string, DatePrecision[]> = {
  day: ['day'],
  week: ['day'],
  month: ['day', 'month'],
  year: ['day', 'week', 'month', 'season', 'quarter', 'year'],
};

function resolveAnaphoric(reading: Reading & { kind: 'anaphoric' }, anchor: EarlierMention): Resolved {
  const { unit, amount } = reading;
  const n = Math.abs(amount);
  const side = amount === 0 ? `the same ${unit} as` : `${n === 1 ? `the ${unit}` : `${n} ${unit}s`} ${amount > 0 ? 'after' : 'before'}`;
  const relative = `${side} ${anchor.text}`;
  const year = +anchor.value.slice(0, 4);
  if (unit === 'year') return { value: String(year + amount), precision: 'year', relative, anchored: true };
  const day: Day = { year, month: +anchor.value.slice(5, 7), day: +anchor.value.slice(8, 10) || 1 };
  if (unit === 'month') {
    const month = addMonths(day, amount);
    return { value: formatMonth(month.year, month.month), precision: 'month', relative, anchored: true };
  }
  if (unit === 'week') return { value: formatIsoWeek(addDays(day, 7 * amount)), precision: 'week', relative, anchored: true };
  return { value: formatDay(addDays(day, amount)), precision: 'day', relative, anchored: true };
}

/**
 * "The quarter" without a number: the quarter the story last named, else
 * the latest one completed (the one a results story reports), or the
 * current one in a future clause.
 */
function resolveQuarter(reading: Reading & { kind: 'quarter' }, tense: Tense, context: DateContext, earlier: EarlierMention[], at: number): Resolved {
  const ref = context.reference;
  const name = context.referenceName;
  const phrase = (year: number, quarter: number) => `Q${quarter} of ${yearPhrase(year - ref.year, name)}`;
  const current = quarterOf(ref.month);
  if (reading.quarter !== undefined) {
    let year = reading.year ?? (reading.yearShift !== undefined ? ref.year + reading.yearShift : undefined);
    if (year === undefined) {
      const forward = tense === 'future' && reading.quarter > current;
      year = reading.quarter <= current || forward ? ref.year : ref.year - 1;
    }
    return { value: `${year}-Q${reading.quarter}`, precision: 'quarter', relative: phrase(year, reading.quarter) };
  }
  const named = latest(earlier, at, (m) => m.precision === 'quarter' && !m.anchored && /^\d{4}-Q\d$/.test(m.value), Infinity);
  if (named) {
    const year = reading.year ?? +named.value.slice(0, 4);
    return { value: `${year}-${named.value.slice(5)}`, precision: 'quarter', relative: `the quarter of ${named.text}` };
  }
  if (reading.year !== undefined) return { value: String(reading.year), precision: 'year', relative: null };
  const index = ref.year * 4 + current - 1 - (tense === 'future' ? 0 : 1);
  const year = Math.floor(index / 4);
  const quarter = (index % 4) + 1;
  return { value: `${year}-Q${quarter}`, precision: 'quarter', relative: phrase(year, quarter) };
}

/**
 * Resolves a reading to a TimeML value at the precision the text states;
 * relative readings say how they were resolved. `earlier` are the mentions
 * before it (at offset `at`), which some expressions count from: "profit
 * rose in the third quarter from a year earlier" compares with the third
 * quarter of the year before; "the following month" follows the month just
 * named. Returns null for an expression that counts from a date the text
 * does not give.
 */
export function resolveReading(reading: Reading, tense: Tense, context: DateContext, earlier: EarlierMention[] = [], at = Infinity): Resolved | null {
  const ref = context.reference;
  const name = context.referenceName;
  switch (reading.kind) {
    case 'absolute':
      return { value: reading.value, precision: reading.precision, relative: null };
    case 'weekday':
      return resolveWeekday(reading.weekday, reading.direction, tense, ref, name);
    case 'month': {
      const year = yearForMonth(reading, tense, ref);
      const monthName = MONTH_NAMES[reading.month - 1];
      const stated = reading.day === undefined ? monthName : `${monthName} ${reading.day}`;
      const relative = `${stated} of ${yearPhrase(year - ref.year, name)}`;
      return reading.day === undefined
        ? { value: formatMonth(year, reading.month), precision: 'month', relative }
        : { value: formatDay({ year, month: reading.month, day: reading.day }), precision: 'day', relative };
    }
    case 'season': {
      // A season is named by the year it starts in (winter 2024 runs into 2025).
      const startMonth = { SP: 3, SU: 6, FA: 9, WI: 12 }[reading.season];
      const lastStarted = ref.month >= startMonth ? ref.year : ref.year - 1;
      const inProgress = lastStarted * 12 + startMonth + 3 > ref.year * 12 + ref.month;
      let year: number;
      if (reading.direction < 0) year = inProgress ? lastStarted - 1 : lastStarted;
      else if (reading.direction > 0) year = lastStarted + 1;
      else if (reading.followTense && tense === 'past') year = lastStarted;
      else if (reading.followTense && tense === 'future') year = inProgress ? lastStarted : lastStarted + 1;
      else year = reading.season === 'WI' ? (ref.month <= 2 ? ref.year - 1 : ref.year) : ref.year;
      const relative = `${SEASON_NAMES[reading.season]} of ${yearPhrase(year - ref.year, name)}`;
      return { value: `${year}-${reading.season}`, precision: 'season', relative };
    }
    case 'quarter':
      return resolveQuarter(reading, tense, context, earlier, at);
    case 'anaphoric': {
      const accepted = ANAPHORIC_ANCHORS[reading.unit];
      const anchor = latest(earlier, at, (m) => accepted.includes(m.precision) && /^\d{4}/.test(m.value));
      return anchor ? resolveAnaphoric(reading, anchor) : null;
    }
    case 'shift': {
      const anchor = reading.anchored && reading.unit === 'year' ? comparedPeriod(earlier, at, context) : undefined;
      if (anchor) {
        const year = +anchor.value.slice(0, 4) + reading.amount;
        const n = Math.abs(reading.amount);
        return {
          value: `${year}${anchor.value.slice(4)}`.replace(/-02-29$/, '-02-28'),
          precision: anchor.precision,
          relative: `${n === 1 ? 'a year' : `${n} years`} before ${anchor.text}`,
          anchored: true,
        };
      }
      return resolveShift(reading.unit, reading.amount, tense, ref, name);
    }
  }
}
