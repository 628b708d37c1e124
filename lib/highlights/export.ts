import { dateParts, toBibtex, toCslJson, toRis } from './citations';
import { groupByPage } from './search';
import type { HighlightRecord, PageInfo } from './types';
import { toAnnotationCollection } from './web-annotation';

export const EXPORT_FORMATS = ['markdown', 'csv', 'json', 'bibtex', 'ris', 'csl-json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What each format is called in the format picker. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  markdown: 'Markdown (quotes and notes)',
  csv: 'CSV (spreadsheet)',
  json: 'JSON (Web Annotations, re-importable)',
  bibtex: 'BibTeX (citations)',
  ris: 'RIS (citations)',
  'csl-json': 'CSL-JSON (citations)',
};

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

const FILES: Record<ExportFormat, { extension: string; mime: string }> = {
  markdown: { extension: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { extension: 'jsonld', mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"' },
  bibtex: { extension: 'bib', mime: 'application/x-bibtex;charset=utf-8' },
  ris: { extension: 'ris', mime: 'application/x-research-info-systems' },
  'csl-json': { extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
};

/**
 * The export file for these highlights in one format: text, MIME type and a
 * dated file name ("backstory-highlights-2024-05-01.md"). The caller picks the
 * records (all, one page's, a search result) and starts the download.
 */
export function exportHighlights(records: HighlightRecord[], format: ExportFormat, now = new Date()): ExportFile {
  const { extension, mime } = FILES[format];
  const text =
    format === 'markdown'
      ? toMarkdown(records, now)
      : format === 'csv'
        ? toCsv(records)
        : format === 'json'
          ? JSON.stringify(toAnnotationCollection(records), null, 2)
          : format === 'bibtex'
            ? toBibtex(records)
            : format === 'ris'
              ? toRis(records)
              : JSON.stringify(toCslJson(records), null, 2);
  return { filename: `backstory-highlights-${now.toISOString().slice(0, 10)}.${extension}`, mime, text };
}

// Backslash-escapes Markdown punctuation that would turn page text into links, emphasis or HTML.
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>|]/g, '\\$&');

/** An http(s) address as a Markdown autolink with nothing in it that could close it; any other address as plain text. */
function markdownUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeMarkdown(url);
  return `<${url.replace(/[<>\s"`]/g, (c) => encodeURIComponent(c))}>`;
}

/** "Jane Doe and John Roe, Site, 5 April 2018. https://… (saved 2024-05-01)" for one page. */
export function citationLine(page: PageInfo, saved: string): string {
  const parts: string[] = [];
  if (page.authors.length) parts.push(page.authors.join(', '));
  parts.push(`“${page.title}”`);
  if (page.site) parts.push(page.site);
  const date = dateParts(page.published);
  if (date) parts.push(date.map((p) => String(p).padStart(2, '0')).join('-'));
  return `${parts.map(escapeMarkdown).join(', ')}. ${markdownUrl(page.canonicalUrl ?? page.url)} (saved ${saved.slice(0, 10)})`;
}

/**
 * Markdown for notes apps: per page a heading, a citation line, then each
 * highlight as a blockquote with its note and tags below it.
 */
export function toMarkdown(records: HighlightRecord[], now = new Date()): string {
  const out = [`# Backstory highlights`, '', `Exported ${now.toISOString().slice(0, 10)}.`, ''];
  for (const group of groupByPage(records)) {
    const saved = group.highlights.reduce((min, r) => (r.created < min ? r.created : min), group.highlights[0].created);
    out.push(`## ${escapeMarkdown(group.page.title)}`, '', citationLine(group.page, saved), '');
    for (const record of group.highlights) {
      out.push(...record.selectors.quote.exact.split('\n').map((line) => `> ${escapeMarkdown(line)}`), '');
      if (record.note) out.push(escapeMarkdown(record.note), '');
      if (record.tags.length) out.push(`Tags: ${record.tags.map(escapeMarkdown).join(', ')}`, '');
    }
  }
  return out.join('\n');
}

export const CSV_COLUMNS = [
  'id', 'quote', 'note', 'tags', 'colour', 'page_title', 'url', 'canonical_url', 'site', 'authors', 'published',
  'created', 'modified', 'prefix', 'suffix', 'start', 'end',
] as const;

/**
 * One cell as RFC 4180 wants it: in double quotes (doubled inside) when it
 * holds a comma, quote or line break. A cell a spreadsheet would run as a
 * formula (starting = + - @ or a tab) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV table (RFC 4180: header row, CRLF line ends) with one row per highlight; tags and authors are joined with "; ". */
export function toCsv(records: HighlightRecord[]): string {
  const rows = records.map((r) => {
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: r.id,
      quote: r.selectors.quote.exact,
      note: r.note,
      tags: r.tags.join('; '),
      colour: r.colour,
      page_title: r.page.title,
      url: r.page.url,
      canonical_url: r.page.canonicalUrl ?? '',
      site: r.page.site ?? '',
      authors: r.page.authors.join('; '),
      published: r.page.published ?? '',
      created: r.created,
      modified: r.modified,
      prefix: r.selectors.quote.prefix ?? '',
      suffix: r.selectors.quote.suffix ?? '',
      start: String(r.selectors.position?.start ?? ''),
      end: String(r.selectors.position?.end ?? ''),
    };
    return CSV_COLUMNS.map((c) => csvCell(row[c])).join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
