/**
 * Calendar arithmetic on plain days (no time zones): a day is a UTC midnight,
 * so results never depend on the reader's clock settings.
 */
import type { DatePrecision } from '../report';

/** A calendar day. month is 1-12. */
export interface Day {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;

/** Parses `YYYY-MM-DD` (anything after the day, such as a time, is ignored); null if malformed. */
export function parseIsoDay(iso: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? { year: +m[1], month: +m[2], day: +m[3] } : null;
}

/** The day a Date falls on in the reader's local calendar. */
export function dayOf(date: Date): Day {
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

function toMs(d: Day): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function fromMs(ms: number): Day {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(d: Day, n: number): Day {
  return fromMs(toMs(d) + n * MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday, as in JavaScript and chrono. */
export function weekdayOf(d: Day): number {
  return new Date(toMs(d)).getUTCDay();
}

/** Shifts by whole months, keeping the year and month only (the day becomes 1). */
export function addMonths(d: Day, n: number): Day {
  const index = d.year * 12 + (d.month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDay(d: Day): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** ISO 8601 week (`YYYY-Www`): weeks start on Monday, week 1 holds the year's first Thursday. */
export function formatIsoWeek(d: Day): string {
  const thursday = addDays(d, 3 - ((weekdayOf(d) + 6) % 7));
  const firstOfYear = { year: thursday.year, month: 1, day: 1 };
  const week = Math.floor((toMs(thursday) - toMs(firstOfYear)) / (7 * MS_PER_DAY)) + 1;
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

export function quarterOf(month: number): number {
  return Math.ceil(month / 3);
}

/**
 * The first day a TimeML value covers, as a sortable number (days since
 * 1970, fractional parts order coarser values first), so a timeline can be
 * sorted without parsing each shape again.
 */
export function timelineSortKey(value: string, precision: DatePrecision): number {
  const year = +value.slice(0, 4);
  const firstDay = (month: number, day = 1) => toMs({ year, month, day }) / MS_PER_DAY;
  const rank = ['century', 'decade', 'year', 'season', 'quarter', 'month', 'week', 'day'].indexOf(precision) / 10;
  switch (precision) {
    case 'century':
      return toMs({ year: +value * 100, month: 1, day: 1 }) / MS_PER_DAY + rank;
    case 'decade':
      return toMs({ year: +value * 10, month: 1, day: 1 }) / MS_PER_DAY + rank;
    case 'year':
      return firstDay(1) + rank;
    case 'season': {
      const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[value.slice(5, 7)] ?? 1;
      return firstDay(start) + rank;
    }
    case 'quarter':
      return firstDay((+value.slice(6, 7) - 1) * 3 + 1) + rank;
    case 'month':
      return firstDay(+value.slice(5, 7)) + rank;
    case 'week': {
      // Monday of ISO week 1 is the Monday on or before January 4.
      const jan4 = { year, month: 1, day: 4 };
      const monday = addDays(jan4, -((weekdayOf(jan4) + 6) % 7) + (+value.slice(6, 8) - 1) * 7);
      return toMs(monday) / MS_PER_DAY + rank;
    }
    case 'day':
      return firstDay(+value.slice(5, 7), +value.slice(8, 10)) + rank;
  }
}
