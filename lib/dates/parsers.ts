/**
 * The parsers of the dates pipeline. chrono-node reads the common written
 * forms ("September 16, 2025", "Sept. 16", "on Sunday", "yesterday"); the
 * pattern parsers below read what it misses or reads too precisely: bare
 * years, decades, year ranges, seasons, quarters and relative periods
 * ("last year", "two weeks ago"), each at the precision the text states.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../report';
import type { DateContext, DateParser, ParsedDate, Reading, Season, ShiftUnit } from './types';

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6,
  july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
const MONTH_NAME = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const YEAR = '(?:1[0-9]{3}|20[0-9]{2})';
// A month as news writes it in dates: "September", "Sept.", "Sep".
const MONTH_WORD = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30,
};
// A count of periods: "two years", "a decade", "3 days" (the words NUMBER_WORDS knows, or digits).
const PERIODS = `\\b(${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,3})\\s+(day|week|month|year|decade)s?\\s+`;

const absolute = (value: string, precision: DatePrecision): Reading => ({ kind: 'absolute', value, precision });

/** Runs a global regex over the text and maps each match to parsed dates. */
function matchAll(text: string, pattern: RegExp, parser: string, read: (m: RegExpExecArray) => Reading | null): ParsedDate[] {
  const found: ParsedDate[] = [];
  for (const m of text.matchAll(pattern)) {
    const reading = read(m as RegExpExecArray);
    if (reading) found.push({ start: m.index!, end: m.index! + m[0].length, reading, parser });
  }
  return found;
}

// --- chrono-node -----------------------------------------------------------

const engine = chrono.casual.clone();

// chrono is the slowest step, so it only sees paragraphs with a word it could read as a date.
const CHRONO_HINT =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|yesterday|tomorrow|tonight)\b|\d{4}-\d\d-\d\d|\d{1,2}\/\d{1,2}\/\d{2,4}/i;
const LEADING_PREPOSITION = /^(?:on|in|at|by|since|from|until|of|during)\s+/i;
const PART_OF_DAY = /^(?:morning|afternoon|evening|night)\s+(?:of|on)\s+/i;
const WEEKDAY_WORD = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;

/** Converts one side of a chrono result into a reading, at the precision chrono was certain of. */
function readChronoComponents(c: chrono.ParsedComponents, text: string, tags: Set<string>): Reading | null {
  if (tags.has('result/relativeDate') || tags.has('casualReference/now')) return null; // the shift parser reads these
  // The tags belong to the whole result: in "today through Nov. 17" only the first side is "today".
  const casualWord = /\b(?:today|tonight|yesterday|tomorrow|last night)\b/i.test(text);
  for (const tag of casualWord ? tags : []) {
    const casual = /^casualReference\/(today|yesterday|tomorrow|tonight|lastNight)$/.exec(tag)?.[1];
    if (casual) return { kind: 'shift', unit: 'day', amount: { yesterday: -1, lastNight: -1, tomorrow: 1 }[casual as string] ?? 0 };
  }
  const year = c.get('year')!;
  const month = c.get('month')!;
  const day = c.get('day')!;
  if (c.isCertain('year')) {
    const iso = `${year}`.padStart(4, '0');
    if (!c.isCertain('month')) return absolute(iso, 'year');
    const ym = `${iso}-${String(month).padStart(2, '0')}`;
    return c.isCertain('day') ? absolute(`${ym}-${String(day).padStart(2, '0')}`, 'day') : absolute(ym, 'month');
  }
  if (c.isCertain('month')) {
    // "march on", "may": a lower-case word is a verb; "3/4" and "24/7" are not dates.
    if (!/[A-Z]/.test(text) || !/[A-Za-z]/.test(text)) return null;
    return {
      kind: 'month',
      month,
      day: c.isCertain('day') ? day : undefined,
      weekday: c.isCertain('weekday') ? c.get('weekday')! : undefined,
      direction: 0,
    };
  }
  if (c.isCertain('weekday')) {
    if (!WEEKDAY_WORD.test(text)) return null; // "sun", "Mon", "the weekend"
    const direction = /^last\b/i.test(text) ? -1 : /^next\b/i.test(text) ? 1 : 0;
    return { kind: 'weekday', weekday: c.get('weekday')!, direction };
  }
  return null; // a time of day alone ("at 5 p.m.")
}

/** chrono-node's casual English parser, run paragraph by paragraph where a date word appears. */
export const parseWithChrono: DateParser = ({ text, reference }) => {
  const found: ParsedDate[] = [];
  const refDate = new Date(reference.year, reference.month - 1, reference.day, 12);
  for (const paragraph of text.matchAll(/[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g)) {
    if (!CHRONO_HINT.test(paragraph[0])) continue;
    for (let result of engine.parse(paragraph[0], refDate)) {
      let start = paragraph.index! + result.index;
      let written = result.text;
      // chrono loses the date of a part of the day "of" or "on" a date ("the night of Feb. 24, 2022",
      // "mid-morning on Wednesday"): read the date alone.
      const partOfDay = PART_OF_DAY.exec(written);
      const inner = partOfDay && !result.start.isCertain('month') ? engine.parse(written.slice(partOfDay[0].length), refDate)[0] : undefined;
      if (inner?.index === 0) {
        start += partOfDay![0].length;
        result = inner;
        written = inner.text;
      }
      const tags = result.tags();
      const preposition = LEADING_PREPOSITION.exec(written)?.[0] ?? '';
      start += preposition.length;
      written = written.slice(preposition.length).replace(/[\s,;:]+$/, '');
      if (!result.end) {
        const reading = readChronoComponents(result.start, written, tags);
        if (reading) found.push({ start, end: start + written.length, reading, parser: 'chrono' });
        continue;
      }
      // A range ("Sept. 14-16", "May 1 to May 5"): both ends become mentions.
      const separator = /\s*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b)\s*(?!.*(?:-|–|—|\bto\b|\bthrough\b|\buntil\b|\btill\b))/i.exec(written);
      const cut = separator ? separator.index : written.length;
      const first = readChronoComponents(result.start, written.slice(0, cut), tags);
      if (first) found.push({ start, end: start + cut, reading: first, parser: 'chrono' });
      if (separator) {
        const endText = written.slice(cut + separator[0].length);
        const second = readChronoComponents(result.end, endText, tags);
        const endStart = start + cut + separator[0].length;
        if (second) found.push({ start: endStart, end: endStart + endText.length, reading: second, parser: 'chrono' });
      }
    }
  }
  return found;
};

// --- years, decades, ranges ------------------------------------------------

/**
 * Bare years ("since 2007", "a 2022 jirga"), which chrono does not read.
 * Whether a number here is a year or a count is decided by the filter step.
 */
export const parseBareYears: DateParser = ({ text }) =>
  matchAll(text, new RegExp(`(?<![\\w$€£¥#.,/:]|\\d\\s?[-–])${YEAR}(?![\\w%]|[.,:]\\d|['’]s\\b|\\s*[-–]\\s*\\d)`, 'g'), 'year', (m) =>
    absolute(m[0], 'year'),
  );

/** Year ranges ("2019–2021", "2008-9"): both ends become mentions, each a year. */
export const parseYearRanges: DateParser = ({ text }) => {
  const found: ParsedDate[] = [];
  const pattern = new RegExp(`(?<![\\w$€£¥#.,/-])(${YEAR})(\\s*[-–—/]\\s*)(\\d{1,4})(?![\\w%]|[-–/]\\d|[.,]\\d)`, 'g');
  for (const m of text.matchAll(pattern)) {
    const from = +m[1];
    const to = +(m[1].slice(0, 4 - m[3].length) + m[3]);
    if (to <= from || to - from > 50) continue;
    const start = m.index!;
    const secondStart = start + m[1].length + m[2].length;
    found.push({ start, end: start + m[1].length, reading: absolute(String(from), 'year'), parser: 'year-range' });
    found.push({ start: secondStart, end: secondStart + m[3].length, reading: absolute(String(to), 'year'), parser: 'year-range' });
  }
  return found;
};

const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};

/** Decades: "the 1990s", "the ’90s", "the nineties" (TimeML value "199"). "The 1800s" is a century (see parseCenturies). */
export const parseDecades: DateParser = ({ text, reference }) => {
  const numeric = matchAll(text, /\b(?:the\s+)?(1[0-9]|20)([0-9])0['’]?s\b/gi, 'decade', (m) =>
    m[2] === '0' && m[1] !== '20' ? null : absolute(m[1] + m[2], 'decade'),
  );
  const short = matchAll(text, /\b(?:the\s+)?['’]([0-9])0s\b/gi, 'decade', (m) => {
    const decade = +m[1];
    const century = decade * 10 > reference.year % 100 ? 19 : 20;
    return absolute(`${century}${decade}`, 'decade');
  });
  const words = matchAll(text, /\bthe\s+(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/gi, 'decade', (m) =>
    absolute(`19${DECADE_WORDS[m[1].toLowerCase()]}`, 'decade'),
  );
  return [...numeric, ...short, ...words];
};

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, 'twenty first': 21,
};

/**
 * Centuries: "the 1800s", "the 19th century", "the nineteenth century"
 * (TimeML value "18": the hundreds digits of the years it covers).
 */
export const parseCenturies: DateParser = ({ text }) => {
  const hundreds = matchAll(text, /\b(?:the\s+)?(1[0-9])00['’]?s\b/gi, 'century', (m) => absolute(m[1], 'century'));
  const ordinals = matchAll(
    text,
    new RegExp(`\\b(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)|(${Object.keys(ORDINAL_WORDS).join('|')}))[-\\s]century\\b`, 'gi'),
    'century',
    (m) => {
      const n = m[1] ? +m[1] : ORDINAL_WORDS[m[2].toLowerCase().replace('-', ' ')] ?? ORDINAL_WORDS[m[2].toLowerCase()];
      return n >= 1 && n <= 21 ? absolute(String(n - 1).padStart(2, '0'), 'century') : null;
    },
  );
  return [...hundreds, ...ordinals];
};

const TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const UNIT_WORD = `(${Object.keys(UNITS).join('|')})`;
const SPELLED_YEAR = new RegExp(
  [
    `\\b(?:(${MONTH_NAME})\\s+|(?:the\\s+)?(spring|summer|fall|autumn|winter)\\s+of\\s+)?`,
    '(?:',
    // "nineteen ninety-six", "nineteen oh five", "nineteen hundred", "twenty twenty"
    `(seventeen|eighteen|nineteen|twenty)[-\\s](?:(${Object.keys(TEENS).join('|')})|(${Object.keys(TENS).join('|')})(?:[-\\s]${UNIT_WORD})?|oh[-\\s]${UNIT_WORD}|(hundred))`,
    '|',
    // "the year two thousand", "in two thousand and one"
    `(?:the\\s+year\\s+|(?<=\\b(?:[Ii]n|[Ss]ince|by|until|from|before|after|of)\\s))two\\s+thousand(?:\\s+(?:and\\s+)?(?:(${Object.keys(TEENS).join('|')})|${UNIT_WORD}))?`,
    ')\\b(?![-\\s](?:' + [...Object.keys(UNITS), ...Object.keys(TEENS), ...Object.keys(TENS), 'hundred', 'thousand'].join('|') + ')\\b)',
  ].join(''),
  'gi',
);

/**
 * Years written out, as broadcast transcripts do: "nineteen ninety-six",
 * "January nineteen ninety-seven", "the winter of nineteen ninety-four",
 * "the year two thousand". Counts ("nineteen ninety-five people") are
 * rejected by the filter step.
 */
export const parseSpelledYears: DateParser = ({ text }) =>
  matchAll(text, SPELLED_YEAR, 'spelled-year', (m) => {
    const [, month, season, century, teen, tens, unit, ohUnit, hundred, thousandTeen, thousandUnit] = m;
    let year: number;
    if (century) {
      if (century.toLowerCase() === 'twenty' && (hundred || ohUnit)) return null; // "twenty hundred" is a time
      const low = hundred ? 0 : ohUnit ? UNITS[ohUnit.toLowerCase()] : teen ? TEENS[teen.toLowerCase()] : TENS[tens.toLowerCase()] + (unit ? UNITS[unit.toLowerCase()] : 0);
      year = TEENS[century.toLowerCase()] !== undefined ? TEENS[century.toLowerCase()] * 100 + low : 2000 + low;
    } else {
      year = 2000 + (thousandTeen ? TEENS[thousandTeen.toLowerCase()] : thousandUnit ? UNITS[thousandUnit.toLowerCase()] : 0);
    }
    if (month) return absolute(`${year}-${String(MONTHS[month.toLowerCase()]).padStart(2, '0')}`, 'month');
    if (season) return absolute(`${year}-${SEASONS[season.toLowerCase()]}`, 'season');
    return absolute(String(year), 'year');
  });

// --- seasons and quarters --------------------------------------------------

/** Seasons with a year ("summer 2019", "the winter of 1994") or a determiner ("last spring"). */
export const parseSeasons: DateParser = ({ text }) => {
  const withYear = matchAll(
    text,
    new RegExp(`\\b(?:the\\s+)?(spring|summer|fall|autumn|winter)\\s+(?:of\\s+)?(${YEAR})\\b`, 'gi'),
    'season',
    (m) => absolute(`${m[2]}-${SEASONS[m[1].toLowerCase()]}`, 'season'),
  );
  const relative = matchAll(
    text,
    /\b(this past|this coming|this|last|next|past|coming)\s+(spring|summer|fall|autumn|winter)\b/gi,
    'season',
    (m) => {
      const word = m[1].toLowerCase();
      const direction = word === 'this' ? 0 : /last|past/.test(word) ? -1 : 1;
      return { kind: 'season', season: SEASONS[m[2].toLowerCase()], direction };
    },
  );
  // "in the summer", "until the early spring": the year follows the tense, like a month's.
  const bare = matchAll(
    text,
    /(?<=\b(?:in|during|by|until|till|since|over|through|into|before|after|throughout)\s+)the\s+(?:(?:early|late|mid)[-\s]+)?(spring|summer|fall|autumn|winter)\b(?!\s+(?:of|months?|season|semester|term|olympics|games|collection|line)\b)/gi,
    'season',
    (m) => ({ kind: 'season', season: SEASONS[m[1].toLowerCase()], direction: 0, followTense: true }),
  );
  return [...withYear, ...relative, ...bare];
};

// Holidays on a fixed day of the year, by how they are written.
const HOLIDAYS: Record<string, [month: number, day: number]> = {
  'christmas day': [12, 25], 'christmas eve': [12, 24], christmas: [12, 25], 'boxing day': [12, 26], "new year's day": [1, 1],
  "new year's eve": [12, 31], "valentine's day": [2, 14], halloween: [10, 31],
};

const HOLIDAY = "Christmas(?: Day| Eve)?|Boxing Day|New Year['’]s (?:Day|Eve)|Valentine['’]s Day|Halloween";

/**
 * Holidays on a fixed day, after a preposition of time ("on Christmas Day",
 * "over Christmas", not "Christmas shopping" or "Valentine's Day candies")
 * and placed like a month's day by the tense, or with a year ("New Year's
 * Eve 1999").
 */
export const parseHolidays: DateParser = ({ text }) =>
  matchAll(
    text,
    new RegExp(
      `(?:(?<=\\b(?:on|at|over|by|before|after|until|till|since|during|through)\\s+)(${HOLIDAY})|\\b(${HOLIDAY})(?=,?\\s+${YEAR}))(?:,?\\s+(${YEAR}))?\\b`,
      'g',
    ),
    'holiday',
    (m) => {
      const [month, day] = HOLIDAYS[(m[1] ?? m[2]).toLowerCase().replace('’', "'")];
      if (m[3]) return absolute(`${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, 'day');
      return { kind: 'month', month, day, direction: 0 };
    },
  );

const ORDINAL_QUARTERS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };

/**
 * Quarters: "the third quarter", "third-quarter", "the 1989 second quarter",
 * "this year's third quarter", "Q2 2025", "last quarter", "the quarter
 * ended Sept. 30", and "the quarter" alone, which in business news is the
 * quarter the story reports on.
 */
export const parseQuarters: DateParser = ({ text, reference }) => {
  const ordinal = matchAll(
    text,
    new RegExp(
      `\\b(?:the\\s+)?(?:(${YEAR})\\s+|(this|last|next)\\s+year['’]s\\s+|(year-(?:ago|earlier))\\s+)?(?:fiscal[-\\s]+)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\\s]quarter\\b(?:\\s+of\\s+(?:fiscal\\s+)?(${YEAR}))?`,
      'gi',
    ),
    'quarter',
    (m) => {
      const [, year, yearWord, yearAgo, number, yearAfter] = m;
      const quarter = ORDINAL_QUARTERS[number.toLowerCase()];
      if (year ?? yearAfter) return absolute(`${year ?? yearAfter}-Q${quarter}`, 'quarter');
      if (yearWord) return { kind: 'quarter', quarter, yearShift: { this: 0, last: -1, next: 1 }[yearWord.toLowerCase()] };
      return yearAgo ? { kind: 'quarter', quarter, yearShift: -1 } : { kind: 'quarter', quarter };
    },
  );
  const short = matchAll(text, new RegExp(`\\b(?:Q([1-4])\\s+(${YEAR})|(${YEAR})\\s+Q([1-4]))\\b`, 'g'), 'quarter', (m) =>
    absolute(`${m[2] ?? m[3]}-Q${m[1] ?? m[4]}`, 'quarter'),
  );
  const relative = matchAll(text, /\b(this|last|next|the latest|the current|the previous)\s+quarter\b/gi, 'quarter', (m) => {
    const word = m[1].toLowerCase();
    const amount = word === 'next' ? 1 : word === 'this' || word === 'the current' ? 0 : -1;
    return { kind: 'shift', unit: 'quarter', amount };
  });
  const ended = new RegExp(`^\\s+end(ed|ing)\\s+(${MONTH_WORD})\\s+(\\d{1,2})\\b(?:,?\\s+(${YEAR}))?`);
  const bare = matchAll(
    text,
    new RegExp(`\\b[Tt]he\\s+(?:(${YEAR})\\s+)?(?:fiscal\\s+)?quarter\\b(?![-’']|\\s+(?:of|century|mile|note|inch|point)\\b)`, 'g'),
    'quarter',
    (m) => {
      const end = ended.exec(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40));
      const month = end ? MONTHS[end[2].toLowerCase().replace('.', '')] : undefined;
      if (!end || !month) return { kind: 'quarter', year: m[1] ? +m[1] : undefined };
      // "the quarter ended Sept. 30": the latest such day, unless the year is stated; "ending" keeps the reference year.
      const past = month * 100 + +end[3] <= reference.month * 100 + reference.day;
      const year = end[4] ? +end[4] : end[1] === 'ed' && !past ? reference.year - 1 : reference.year;
      return { kind: 'quarter', quarter: Math.ceil(month / 3), year };
    },
  );
  return [...ordinal, ...short, ...relative, ...bare];
};

// --- relative periods ------------------------------------------------------

/**
 * Periods relative to the reference date: "last year", "earlier this month",
 * "next week", "this weekend", "two weeks ago", "a year earlier",
 * "year-earlier", and months named relative to it ("last April", "June last year").
 */
export const parseRelativePeriods: DateParser = ({ text }) => {
  const thisLastNext = matchAll(
    text,
    // Not "the next year", "the last week": spans of time from now.
    /(?<!\bthe\s+)\b(?:(?:earlier|later|early|late)\s+)?(this past|this coming|this|last|next|the past|the current)\s+(?:fiscal\s+)?(week|weekend|month|year|decade)\b(?!['’]s\s+\w+\s+quarter)(?!-)/gi,
    'relative',
    (m) => {
      const word = m[1].toLowerCase().replace('the current', 'this');
      const unit = m[2].toLowerCase() as ShiftUnit;
      if (word === 'the past' && unit !== 'weekend') return null; // "the past year" is mostly a duration
      const amount = word === 'this' ? 0 : /last|past/.test(word) ? -1 : 1;
      if (unit === 'decade') return amount === 0 ? { kind: 'shift', unit, amount } : null;
      return { kind: 'shift', unit, amount };
    },
  );
  const weekend = matchAll(text, /\b(?:over\s+)?the\s+weekend\b/gi, 'relative', () => ({ kind: 'shift', unit: 'weekend', amount: 0 }));
  const ago = matchAll(
    text,
    new RegExp(`${PERIODS}(ago|earlier)\\b`, 'gi'),
    'relative',
    (m) => {
      const n = NUMBER_WORDS[m[1].toLowerCase()] ?? +m[1];
      const unit = m[2].toLowerCase();
      // "three days earlier" is relative to the story's own events, not to the publication.
      if (m[3].toLowerCase() === 'earlier' && unit !== 'year') return null;
      if (unit === 'decade') return { kind: 'shift', unit: 'year', amount: -10 * n };
      // "a year earlier" counts from the date the text last mentioned, and so, in business
      // news, does "a year ago" ("profit fell from $5 million a year ago"); "five years ago" is deictic.
      return { kind: 'shift', unit: unit as ShiftUnit, amount: -n, anchored: unit === 'year' && (n === 1 || m[3].toLowerCase() === 'earlier') };
    },
  );
  const yearAgo = matchAll(text, /\byear-(?:earlier|ago)\b/gi, 'relative', () => ({ kind: 'shift', unit: 'year', amount: -1, anchored: true }));
  const namedMonth = matchAll(
    text,
    new RegExp(`\\b(?:(this past|this coming|this|last|next)\\s+(${MONTH_NAME})|(${MONTH_NAME})\\s+(?:of\\s+)?(this|last|next)\\s+year)\\b`, 'g'),
    'relative',
    (m) => {
      if (m[1]) {
        const word = m[1].toLowerCase();
        const direction = word === 'this' ? 0 : /last|past/.test(word) ? -1 : 1;
        return { kind: 'month', month: MONTHS[m[2].toLowerCase()], direction, yearShift: word === 'this' ? 0 : undefined };
      }
      const yearShift = { this: 0, last: -1, next: 1 }[m[4].toLowerCase()]!;
      return { kind: 'month', month: MONTHS[m[3].toLowerCase()], direction: 0, yearShift };
    },
  );
  const yearEnd = matchAll(
    text,
    /\b(?:year[-\s]end|year['’]s\s+end|the\s+end\s+of\s+the\s+year|(?:earlier|later)\s+in\s+the\s+year)\b(?!-)/gi,
    'relative',
    () => ({ kind: 'shift', unit: 'year', amount: 0 }),
  );
  // The period a business story compares with: "the year-ago quarter", "the same period last year".
  const comparison = matchAll(
    text,
    /\b(?:the\s+year-(?:ago|earlier)\s+(?:quarter|period)|the\s+(?:(?:same|corresponding|comparable)\s+)?(?:quarter|period)\s+(?:of\s+|in\s+)?(?:a\s+year\s+(?:ago|earlier)|last\s+year|the\s+(?:previous|prior|preceding)\s+year)|last\s+year['’]s\s+(?:quarter|period))\b/gi,
    'relative',
    () => ({ kind: 'shift', unit: 'year', amount: -1, anchored: true }),
  );
  return [...thisLastNext, ...weekend, ...ago, ...yearAgo, ...namedMonth, ...yearEnd, ...comparison];
};

/**
 * Dates told relative to the one the story just named: "the following
 * month", "the previous day", "the year before", "later that year", "in
 * that year". "The day before the vote" counts from an event, not a date,
 * and is left out.
 */
export const parseAnaphoric: DateParser = ({ text }) => {
  const unitOf = (word: string) => word.toLowerCase() as 'day' | 'week' | 'month' | 'year';
  const neighbour = matchAll(
    text,
    /\bthe\s+(following|previous|preceding|prior|next)\s+(day|week|month|year)\b(?!['’]s|-|\s+(?:or|and|to)\b)/gi,
    'anaphoric',
    (m) => {
      const word = m[1].toLowerCase();
      // "the next week/month/year" is mostly a span from now ("over the next year").
      if (word === 'next' && m[2].toLowerCase() !== 'day') return null;
      return { kind: 'anaphoric', unit: unitOf(m[2]), amount: word === 'following' || word === 'next' ? 1 : -1 };
    },
  );
  const beforeAfter = matchAll(
    text,
    /\bthe\s+(day|week|month|year)\s+(before|after)\b(?!\s+(?:the|a|an|his|her|its|their|our|this|that|last|next|[a-z]+ing)\b)/gi,
    'anaphoric',
    (m) => ({ kind: 'anaphoric', unit: unitOf(m[1]), amount: m[2].toLowerCase() === 'after' ? 1 : -1 }),
  );
  const that = matchAll(
    text,
    /\b(?:(?:earlier|later)\s+that|(?<=\b(?:in|on|during|by)\s+)that)\s+(day|week|month|year)\b/gi,
    'anaphoric',
    (m) => ({ kind: 'anaphoric', unit: unitOf(m[1]), amount: 0 }),
  );
  // "two years later", "a decade later": counted from the date just named.
  const later = matchAll(
    text,
    new RegExp(`${PERIODS}later\\b`, 'gi'),
    'anaphoric',
    (m) => {
      const n = NUMBER_WORDS[m[1].toLowerCase()] ?? +m[1];
      const unit = m[2].toLowerCase();
      return unit === 'decade' ? { kind: 'anaphoric', unit: 'year', amount: 10 * n } : { kind: 'anaphoric', unit: unitOf(unit), amount: n };
    },
  );
  return [...neighbour, ...beforeAfter, ...that, ...later];
};

/**
 * Which parser's reading wins when two read the same span: the specialised
 * ones first, because chrono reads "last year" as a day and "late September"
 * as September only.
 */
export const PARSER_PREFERENCE = ['relative', 'anaphoric', 'quarter', 'season', 'holiday', 'century', 'decade', 'spelled-year', 'year-range', 'chrono', 'year'];

const DATE_PARSERS: DateParser[] = [
  parseRelativePeriods,
  parseAnaphoric,
  parseQuarters,
  parseSeasons,
  parseHolidays,
  parseCenturies,
  parseDecades,
  parseSpelledYears,
  parseYearRanges,
  parseWithChrono,
  parseBareYears,
];

/** Runs every parser over the text. */
export function parseDates(context: DateContext): ParsedDate[] {
  return DATE_PARSERS.flatMap((parse) => parse(context));
}
