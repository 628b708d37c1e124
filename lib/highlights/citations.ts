import { NAME_PARTICLES } from '../text/names';
import { groupByPage } from './search';
import type { HighlightRecord, PageInfo } from './types';

/**
 * Citations of the pages that highlights were saved on, in BibTeX (biblatex
 * `@online`), RIS and CSL-JSON, one entry per page. The access date is the
 * day the first highlight on the page was saved.
 */

export interface CitedPage {
  key: string;
  page: PageInfo;
  /** ISO timestamp of the first highlight saved on the page. */
  accessed: string;
}

/** One entry per page, each with a citation key unique within the list ("gillmor2018facebook"). */
export function citedPages(records: HighlightRecord[]): CitedPage[] {
  const used = new Set<string>();
  return groupByPage(records).map((group) => {
    const accessed = group.highlights.reduce((min, r) => (r.created < min ? r.created : min), group.highlights[0].created);
    const base = citationKey(group.page);
    let key = base;
    for (let n = 0; used.has(key); n++) key = base + String.fromCharCode(97 + (n % 26)) + (n >= 26 ? n : '');
    used.add(key);
    return { key, page: group.page, accessed };
  });
}

const asciiWord = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

function citationKey(page: PageInfo): string {
  const first = page.authors[0] ? splitPersonName(page.authors[0]) : null;
  const who = asciiWord(first ? ('family' in first ? first.family : first.literal.split(/\s+/)[0]) : (page.site ?? '')) || 'page';
  const year = dateParts(page.published)?.[0] ?? 'nd';
  const word = page.title.split(/\s+/).map(asciiWord).find((w) => w.length > 3) ?? '';
  return `${who}${year}${word}`;
}

const ORGANISATION = /\b(press|news|staff|agency|reuters|associated|inc|ltd|llc|team|desk|editors?|editorial|board|service|wire|online|times|post|magazine|network|media|group|bureau|afp|ap|bbc|cnn)\b/i;

/**
 * A person's name as family and given parts ("Ludwig van Beethoven" →
 * family "van Beethoven"), or a literal for one-word names and
 * organisations ("Associated Press"), which citation formats must not invert.
 */
export function splitPersonName(name: string): { family: string; given: string } | { literal: string } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || ORGANISATION.test(name)) return { literal: name.trim() };
  let cut = words.length - 1;
  while (cut > 1 && NAME_PARTICLES.has(words[cut - 1].toLowerCase())) cut--;
  return { given: words.slice(0, cut).join(' '), family: words.slice(cut).join(' ') };
}

/**
 * [year, month?, day?] of an ISO date or timestamp ("2018-04-05T06:00" →
 * [2018, 4, 5]), or of another date the browser can parse; null if none.
 */
export function dateParts(value: string | null | undefined): number[] | null {
  if (!value) return null;
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim());
  if (iso) return iso.slice(1).filter(Boolean).map(Number);
  const time = Date.parse(value);
  if (Number.isNaN(time)) return null;
  const date = new Date(time);
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (parts: number[]) => parts.map((p, i) => (i ? pad(p) : String(p))).join('-');

/** The access date as [y, m, d] in UTC. */
const accessedParts = (iso: string) => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};

/** A page is cited as a news article when it states a publication date, else as a web page. */
const isArticle = (page: PageInfo) => dateParts(page.published) !== null;

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Escapes the characters BibTeX and LaTeX treat specially: \ { } & % $ # _ ~ ^. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (c) => BIBTEX_SPECIAL[c]).replace(/\s+/g, ' ').trim();
}

// biblatex reads `url` verbatim; only braces and backslashes could break the entry, so they are percent-encoded.
const bibtexUrl = (url: string) => url.replace(/[{}\\]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

function bibtexName(name: string): string {
  const parts = splitPersonName(name);
  // Extra braces keep an organisation's name whole instead of read as "Press, Associated".
  return 'literal' in parts ? `{${escapeBibtex(parts.literal)}}` : `${escapeBibtex(parts.family)}, ${escapeBibtex(parts.given)}`;
}

/** biblatex `@online` entries (title, author, date, organization, url, urldate), one per page. */
export function toBibtex(records: HighlightRecord[]): string {
  return citedPages(records)
    .map(({ key, page, accessed }) => {
      const fields: Array<[string, string]> = [['title', `{${escapeBibtex(page.title)}}`]];
      if (page.authors.length) fields.push(['author', page.authors.map(bibtexName).join(' and ')]);
      const date = dateParts(page.published);
      if (date) fields.push(['date', isoDate(date)]);
      if (page.site) fields.push(['organization', escapeBibtex(page.site)]);
      fields.push(['url', bibtexUrl(page.canonicalUrl ?? page.url)]);
      fields.push(['urldate', isoDate(accessedParts(accessed))]);
      return `@online{${key},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}

/** RIS records (TY NEWS or ELEC, TI, AU, PY, DA, T2, UR, Y2 access date, ER), CRLF line ends. */
export function toRis(records: HighlightRecord[]): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s+/g, ' ').trim()}`;
  const risDate = (parts: number[]) => `${parts[0]}/${parts[1] ? pad(parts[1]) : ''}/${parts[2] ? pad(parts[2]) : ''}/`;
  return citedPages(records)
    .map(({ page, accessed }) => {
      const lines = [line('TY', isArticle(page) ? 'NEWS' : 'ELEC'), line('TI', page.title)];
      for (const author of page.authors) {
        const parts = splitPersonName(author);
        lines.push(line('AU', 'literal' in parts ? parts.literal : `${parts.family}, ${parts.given}`));
      }
      const date = dateParts(page.published);
      if (date) lines.push(line('PY', String(date[0])), line('DA', risDate(date)));
      if (page.site) lines.push(line('T2', page.site));
      lines.push(line('UR', page.canonicalUrl ?? page.url), line('Y2', risDate(accessedParts(accessed))), 'ER  - ');
      return lines.join('\r\n') + '\r\n';
    })
    .join('\r\n');
}

export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage';
  title: string;
  author?: Array<{ family: string; given: string } | { literal: string }>;
  issued?: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  'container-title'?: string;
}

/** CSL-JSON items (the input format of citeproc, Zotero and Pandoc), one per page. */
export function toCslJson(records: HighlightRecord[]): CslItem[] {
  return citedPages(records).map(({ key, page, accessed }) => {
    const date = dateParts(page.published);
    const item: CslItem = {
      id: key,
      type: isArticle(page) ? 'article-newspaper' : 'webpage',
      title: page.title,
      accessed: { 'date-parts': [accessedParts(accessed)] },
      URL: page.canonicalUrl ?? page.url,
    };
    if (page.authors.length) item.author = page.authors.map(splitPersonName);
    if (date) item.issued = { 'date-parts': [date] };
    if (page.site) item['container-title'] = page.site;
    return item;
  });
}
