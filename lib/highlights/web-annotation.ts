import { pageKeyFor, normaliseTags } from './record';
import { HIGHLIGHT_COLOURS, type HighlightColour, type HighlightRecord, type PageInfo, type TextPositionSelector, type TextQuoteSelector } from './types';

/**
 * Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/):
 * an AnnotationCollection whose embedded first AnnotationPage lists one
 * Annotation per highlight. The note is a TextualBody with purpose
 * "commenting", each tag one with purpose "tagging"; colour, page metadata
 * and the page key travel in the namespaced "backstory:highlight" field, so
 * export → import gives back the same records.
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Our extension namespace, declared in the export's @context (the model's §4 extension mechanism). */
export const BACKSTORY_NAMESPACE = 'urn:backstory:ns:';
const EXTRA = 'backstory:highlight';
const FORMAT_VERSION = 1;

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: { source: string; selector: Array<TextQuoteSelector | TextPositionSelector> };
  [EXTRA]: { version: number; colour: HighlightColour; pageKey: string; page: PageInfo };
}

export interface AnnotationCollection {
  '@context': [typeof ANNOTATION_CONTEXT, { backstory: string }];
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A highlight as one Web Annotation (without @context: the collection carries it). */
export function toWebAnnotation(record: HighlightRecord): WebAnnotation {
  const body: TextualBody[] = [];
  if (record.note) body.push({ type: 'TextualBody', value: record.note, format: 'text/plain', purpose: 'commenting' });
  for (const tag of record.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  const selector: Array<TextQuoteSelector | TextPositionSelector> = [{ ...record.selectors.quote }];
  if (record.selectors.position) selector.push({ ...record.selectors.position });
  return {
    id: UUID.test(record.id) ? `urn:uuid:${record.id}` : record.id,
    type: 'Annotation',
    motivation: record.note ? 'commenting' : 'highlighting',
    created: record.created,
    modified: record.modified,
    ...(body.length ? { body } : {}),
    target: { source: record.page.url, selector },
    [EXTRA]: { version: FORMAT_VERSION, colour: record.colour, pageKey: record.pageKey, page: record.page },
  };
}

/** All the highlights as one AnnotationCollection, ready for JSON.stringify. */
export function toAnnotationCollection(records: HighlightRecord[]): AnnotationCollection {
  return {
    '@context': [ANNOTATION_CONTEXT, { backstory: BACKSTORY_NAMESPACE }],
    type: 'AnnotationCollection',
    label: 'Backstory highlights',
    total: records.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: records.map(toWebAnnotation) },
  };
}

/** Why an import file was refused, in a sentence for the reader; nothing was written. */
export class HighlightImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HighlightImportError';
  }
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_IMPORT_ITEMS = 100_000;
const NOT_OURS = 'This file is not a Backstory or Web Annotation export: ';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const hasType = (v: Json, type: string) => asArray(v.type).includes(type);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The address as a normalised http(s) URL, or null: no other scheme is ever kept (a javascript: link would run). */
function httpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Reads a JSON export (ours, or Web Annotations from another tool that
 * carry a TextQuoteSelector) into highlight records. Checks everything
 * first and throws a HighlightImportError that says what is wrong, so a bad
 * file changes nothing. Ids are kept, so importing a file twice adds nothing.
 */
export function parseAnnotationImport(text: string, { maxBytes = MAX_IMPORT_BYTES, now = new Date() } = {}): HighlightRecord[] {
  if (text.length > maxBytes) {
    throw new HighlightImportError(
      `This file is too large to import (${(text.length / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB).`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HighlightImportError(`${NOT_OURS}it is not valid JSON (${(error as Error).message}).`);
  }
  const items = annotationsIn(data);
  if (items.length > MAX_IMPORT_ITEMS) {
    throw new HighlightImportError(`This file holds ${items.length} annotations; Backstory imports at most ${MAX_IMPORT_ITEMS} at a time.`);
  }
  const problems: string[] = [];
  const byId = new Map<string, HighlightRecord>();
  items.forEach((item, i) => {
    const record = readAnnotation(item, now);
    if (typeof record === 'string') problems.push(`annotation ${i + 1} ${record}`);
    else if (!byId.has(record.id) || record.modified > byId.get(record.id)!.modified) byId.set(record.id, record);
  });
  if (problems.length) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : '';
    throw new HighlightImportError(`${NOT_OURS}${problems.slice(0, 3).join('; ')}${more}.`);
  }
  return [...byId.values()];
}

/** The annotations inside a collection, a page, a plain array or a single annotation. */
function annotationsIn(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) throw new HighlightImportError(`${NOT_OURS}it holds ${data === null ? 'null' : typeof data}, not annotations.`);
  if (hasType(data, 'AnnotationCollection')) {
    if (data.first === undefined) return [];
    if (!isObject(data.first)) {
      throw new HighlightImportError(`${NOT_OURS}its annotation pages are linked, not included; export them with the annotations embedded.`);
    }
    return annotationsIn(data.first);
  }
  if (hasType(data, 'AnnotationPage')) {
    if (!Array.isArray(data.items)) throw new HighlightImportError(`${NOT_OURS}its AnnotationPage has no "items" list.`);
    return data.items;
  }
  if (hasType(data, 'Annotation')) return [data];
  throw new HighlightImportError(`${NOT_OURS}it has no annotations (expected an AnnotationCollection, AnnotationPage or Annotation).`);
}

/** A record from one annotation, or what is wrong with it (a phrase: "has no quote"). */
function readAnnotation(item: unknown, now: Date): HighlightRecord | string {
  if (!isObject(item) || !hasType(item, 'Annotation')) return 'is not an Annotation';
  const target = asArray(item.target).find(isObject);
  if (!target) return 'has no target with a source page';
  const source = httpUrl(target.source ?? target.id);
  if (!source) return 'has no http(s) source page';
  const selectors = asArray(target.selector).filter(isObject);
  const quote = selectors.find((s) => hasType(s, 'TextQuoteSelector'));
  if (!quote || typeof quote.exact !== 'string' || !quote.exact.trim()) return 'has no quote (TextQuoteSelector with "exact" text)';
  for (const side of ['prefix', 'suffix'] as const) {
    if (quote[side] !== undefined && typeof quote[side] !== 'string') return `has a ${side} that is not text`;
  }
  const position = selectors.find((s) => hasType(s, 'TextPositionSelector'));
  if (position && !(isOffset(position.start) && isOffset(position.end) && position.start <= position.end)) {
    return 'has a TextPositionSelector whose start and end are not offsets';
  }
  for (const field of ['created', 'modified'] as const) {
    if (item[field] !== undefined && !isDate(item[field])) return `has a "${field}" that is not a date`;
  }

  const bodies = asArray(item.body).filter(isObject);
  const textOf = (purpose: string) =>
    bodies.filter((b) => b.purpose === purpose && typeof b.value === 'string').map((b) => b.value as string);
  const extra = isObject(item[EXTRA]) ? item[EXTRA] : {};
  const page = readPage(extra.page, source);
  if (typeof page === 'string') return page;
  const colour = HIGHLIGHT_COLOURS.includes(extra.colour as HighlightColour) ? (extra.colour as HighlightColour) : 'yellow';
  const created = (item.created as string | undefined) ?? (item.modified as string | undefined) ?? now.toISOString();
  // Without an id, one is made from what the annotation says (not from the clock), so re-importing adds no copy.
  const fingerprint = [source, quote.exact, quote.prefix, quote.suffix, item.created].map((v) => (typeof v === 'string' ? v : '')).join('\n');
  const id = typeof item.id === 'string' && item.id ? item.id.replace(/^urn:uuid:/i, '') : `import-${hash(fingerprint)}`;
  return {
    id,
    pageKey: typeof extra.pageKey === 'string' && extra.pageKey ? extra.pageKey : pageKeyFor(page),
    page,
    selectors: {
      quote: {
        type: 'TextQuoteSelector',
        exact: quote.exact,
        ...(typeof quote.prefix === 'string' ? { prefix: quote.prefix } : {}),
        ...(typeof quote.suffix === 'string' ? { suffix: quote.suffix } : {}),
      },
      ...(position ? { position: { type: 'TextPositionSelector', start: position.start as number, end: position.end as number } } : {}),
    },
    note: textOf('commenting').join('\n\n'),
    tags: normaliseTags(textOf('tagging')),
    colour,
    created,
    modified: (item.modified as string | undefined) ?? created,
  };
}

function readPage(value: unknown, source: string): PageInfo | string {
  if (value === undefined) return { url: source, canonicalUrl: null, title: source, authors: [], site: null, published: null };
  if (!isObject(value)) return 'has Backstory page details that are not an object';
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const url = value.url === undefined ? source : httpUrl(value.url);
  const canonicalUrl = value.canonicalUrl === undefined || value.canonicalUrl === null ? null : httpUrl(value.canonicalUrl);
  if (!url || (value.canonicalUrl != null && !canonicalUrl)) return 'has a Backstory page address that is not http(s)';
  const authors = Array.isArray(value.authors) ? value.authors.filter((a): a is string => typeof a === 'string') : [];
  return {
    url,
    canonicalUrl,
    title: text(value.title) ?? source,
    authors,
    site: text(value.site),
    published: text(value.published),
  };
}

/** A short stable hash (cyrb53), so an annotation without an id gets the same id on every import. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
