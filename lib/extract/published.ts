const META_SELECTORS = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="date"]',
  'meta[name="dc.date"]',
  'meta[name="DC.date.issued"]',
  'meta[property="og:published_time"]',
  'meta[name="parsely-pub-date"]',
  'meta[name="sailthru.date"]',
];

/**
 * The day the page says it was published: JSON-LD `datePublished`, then the
 * usual meta tags, then the first `<time datetime>` in the page, as
 * YYYY-MM-DD; null where the page states none.
 */
export function findPublicationDate(doc: Document): string | null {
  return fromJsonLd(doc) ?? fromMeta(doc) ?? fromTimeElement(doc);
}

function fromJsonLd(doc: Document): string | null {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const found = findDatePublished(data, 0);
    if (found) return found;
  }
  return null;
}

function findDatePublished(node: unknown, depth: number): string | null {
  if (!node || typeof node !== 'object' || depth > 5) return null;
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findDatePublished(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const record = node as Record<string, unknown>;
  if (typeof record.datePublished === 'string') {
    const day = isoDay(record.datePublished);
    if (day) return day;
  }
  return findDatePublished(record['@graph'], depth + 1);
}

function fromMeta(doc: Document): string | null {
  for (const selector of META_SELECTORS) {
    const day = isoDay(doc.querySelector(selector)?.getAttribute('content'));
    if (day) return day;
  }
  return null;
}

function fromTimeElement(doc: Document): string | null {
  const time = doc.querySelector('article time[datetime], time[pubdate][datetime], time[datetime]');
  return isoDay(time?.getAttribute('datetime'));
}

/** The calendar day a date-time string states, as written (no time-zone shift), or null. */
export function isoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (match) return `${match[1]}-${match[2]}-${match[3]}`;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) return null;
  return parsed.toISOString().slice(0, 10);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** An English month's name or abbreviation, for regular expressions (case-insensitive): "Feb.", "February", "Sept". */
export const MONTH = `(?:${MONTHS.join('|')})[a-z]*\\.?`;
// A dateline: an optional place in capitals, then a date with its year ("Feb. 23, 2015", "23 February 2015",
// "2/26/2015"), then a dash, a time or the end of the line: "Feb. 23, 2015 -- Life-threatening peanut allergies…".
const DATELINE = new RegExp(
  `^(?:\\p{Lu}[\\p{Lu} .'-]+,\\s*)?(?:(${MONTH})\\s+(\\d{1,2}),?\\s+(\\d{4})|(\\d{1,2})\\s+(${MONTH}),?\\s+(\\d{4})|(\\d{1,2})/(\\d{1,2})/(\\d{4}))(?=\\s*(?:--|[—–-]\\s|\\d{1,2}:\\d{2}|\\n|$))`,
  'iu',
);

/**
 * The day a dateline at the start of the article's body states, for pages
 * whose markup states none ("Feb. 23, 2015 -- …", WebMD's): in `text` (the
 * headline, a blank line, then the body's blocks), the first two blocks are
 * looked at. A numeric date is taken only where it cannot be read two ways
 * ("2/26/2015", not "2/6/2015"); a day after `today` is no dateline.
 */
export function findDatelineDate(text: string, today = new Date()): string | null {
  // The headline and the first two blocks: the split stops there instead of cutting the whole text.
  const blocks = text.split(/\n\s*\n/u, 3).slice(1);
  for (const block of blocks) {
    const m = DATELINE.exec(block.trim());
    if (!m) continue;
    let year: number;
    let month: number;
    let day: number;
    if (m[1]) [year, month, day] = [+m[3], MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()) + 1, +m[2]];
    else if (m[5]) [year, month, day] = [+m[6], MONTHS.indexOf(m[5].slice(0, 3).toLowerCase()) + 1, +m[4]];
    else {
      const [a, b] = [+m[7], +m[8]];
      if (a <= 12 && b <= 12 && a !== b) continue;
      [year, month, day] = [+m[9], a <= 12 ? a : b, a <= 12 ? b : a];
    }
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCDate() === day && date.getUTCMonth() === month - 1 && date.getTime() <= today.getTime()) return date.toISOString().slice(0, 10);
  }
  return null;
}
