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
