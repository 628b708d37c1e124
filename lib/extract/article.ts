import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleInfo } from '../report';
import { cleanByline, splitByline } from './byline';
import { CAPTION_MARK, CREDIT_MARK, classedCaptions, photoCredits } from './captions';
import { findDatelineDate, findPublicationDate, isoDay } from './published';
import { sanitizeArticleHtml } from './sanitize';
import { articleText } from './text';

/** What extraction hands to the analysis pipeline. */
export interface ExtractedArticle {
  info: ArticleInfo;
  /** Readability's article HTML, sanitised (lib/extract/sanitize). */
  contentHtml: string;
  /** The headline, a blank line, then the body's blocks separated by blank lines. Every offset in the report points into it. */
  text: string;
  /** Offset in `text` where the lede (the headline and first two body paragraphs) ends. */
  ledeEnd: number;
  /** Offset in `text` where Readability's body ends and left-out picture captions begin. */
  bodyEnd: number;
  /** True when the article was longer than MAX_TEXT_CHARS and `text` holds only its beginning. */
  truncated?: boolean;
}

/**
 * The article as the page script sends it to the panel: without its HTML,
 * which only the page's own link harvest reads (a third of the answer on a
 * typical page, and up to 1.5 MB on a huge one).
 */
export type ArticleText = Omit<ExtractedArticle, 'contentHtml'>;

export type ExtractionResult =
  | { ok: true; article: ExtractedArticle; readerable: boolean }
  | { ok: false; reason: 'no-article' | 'empty'; message: string };

// Pages larger than this are cut before Readability sees them, so a huge
// page costs seconds, not minutes (Readability's own default is 0 = unlimited).
const MAX_ELEMENTS_TO_PARSE = 60_000;
const TOO_LARGE = { ok: false, reason: 'no-article', message: 'This page is too large to read as an article.' } as const;

// The analysis reads at most this much text (about 25,000 words, twice the
// longest of the forty real test pages): beyond it a page is a dump, not an
// article, and tagging all of a 5 MB page took minutes (issue 7).
export const MAX_TEXT_CHARS = 150_000;
// Readability's HTML is cut to this before it is sanitised and flattened,
// since text beyond MAX_TEXT_CHARS is never read: each of those steps parses
// the HTML again, which took seconds apiece on a 5 MB page.
const MAX_CONTENT_HTML = 1_500_000;

/**
 * Finds the article on a page with Readability, working on a clone so the
 * page itself is never touched. Unless `force` is set, pages Readability
 * does not consider articles give `no-article`; `force` makes a best-effort
 * read of whatever text the page has.
 */
export function extractArticle(doc: Document, opts: { url?: string; force?: boolean } = {}): ExtractionResult {
  const url = opts.url ?? (doc.location?.href && doc.location.href !== 'about:blank' ? doc.location.href : null);
  // Counted first: Readability would refuse such a page anyway, after a clone that takes seconds.
  if (doc.getElementsByTagName('*').length > MAX_ELEMENTS_TO_PARSE) return TOO_LARGE;
  const readerable = safeIsReaderable(doc);
  if (!readerable && !opts.force) {
    return { ok: false, reason: 'no-article', message: 'This page does not look like an article.' };
  }
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || null;

  const clone = doc.cloneNode(true) as Document;
  // Marked, not removed: Readability would score the page without them and might pick other blocks.
  const captions = classedCaptions(clone);
  const credits = photoCredits(clone, captions);
  for (const credit of credits) credit.setAttribute(CREDIT_MARK, '');
  for (const caption of captions) caption.setAttribute(CAPTION_MARK, '');
  // Their texts too, read before Readability rewrites the copy: a credit it makes a paragraph of loses its mark.
  const creditTexts = new Set(credits.map((credit) => (credit.textContent ?? '').replace(/\s+/g, ' ').trim()));
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(clone, { maxElemsToParse: MAX_ELEMENTS_TO_PARSE, charThreshold: opts.force ? 0 : 500 }).parse();
  } catch (error) {
    // Readability throws when a page has more elements than we let it parse.
    if (!/Aborting parsing document/.test(String(error))) throw error;
    return TOO_LARGE;
  }
  if (!parsed || !parsed.content) {
    return { ok: false, reason: 'no-article', message: 'No article text was found on this page.' };
  }
  const decode = (value: string | null | undefined) => decodeEntities(value, doc);
  const title = (decode(parsed.title) || doc.title || '').trim();
  const htmlCut = parsed.content.length > MAX_CONTENT_HTML;
  const contentHtml = sanitizeArticleHtml(htmlCut ? cutHtml(parsed.content, MAX_CONTENT_HTML) : parsed.content, doc);
  const byline = cleanByline(decode(parsed.byline));
  const full = articleText(title, contentHtml, doc, creditTexts, splitByline(byline));
  const body = full.text.slice(title.length, full.bodyEnd).trim();
  if (!body) return { ok: false, reason: 'empty', message: 'The article on this page has no text.' };

  // The reading time is the whole article's, even where only its beginning is analysed.
  const wordCount = countWords(htmlCut ? (parsed.textContent ?? body) : body);
  const text = cutText(full.text, MAX_TEXT_CHARS);
  const ledeEnd = Math.min(full.ledeEnd, text.length);
  const bodyEnd = Math.min(full.bodyEnd, text.length);
  return {
    ok: true,
    readerable,
    article: {
      info: {
        title,
        byline,
        siteName: clean(decode(parsed.siteName)),
        url,
        published: isoDay(parsed.publishedTime) ?? findPublicationDate(doc) ?? findDatelineDate(full.text),
        lang: lang ?? clean(parsed.lang),
        wordCount,
        excerpt: clean(decode(parsed.excerpt)),
      },
      contentHtml,
      text,
      ledeEnd,
      bodyEnd,
      ...(htmlCut || text.length < full.text.length ? { truncated: true } : {}),
    },
  };
}

/** The HTML up to `max` characters, cut before a tag; the parser closes whatever the cut leaves open. */
function cutHtml(html: string, max: number): string {
  const tag = html.lastIndexOf('<', max);
  return html.slice(0, tag > 0 ? tag : max);
}

/** The text up to `max` characters, cut at a paragraph break, else at a space, where one is in the second half. */
function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const paragraph = text.lastIndexOf('\n\n', max);
  if (paragraph > max / 2) return text.slice(0, paragraph);
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max / 2 ? space : max);
}

function safeIsReaderable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}

/**
 * Metadata with the HTML entities that a page escaped twice decoded, which Readability leaves
 * ("mobile gaming.&amp;nbsp;" in msn's description reached the panel as "gaming.&nbsp;"). The
 * value is parsed as a title, which holds text only, in a DOMParser's document, where nothing runs.
 */
function decodeEntities(value: string | null | undefined, doc: Document): string | null {
  const Parser = doc.defaultView?.DOMParser;
  if (!value || !Parser || !/&(?:[a-z][a-z\d]*|#\d+|#x[\da-f]+);/iu.test(value)) return value ?? null;
  try {
    return new Parser().parseFromString(`<title>${value.replace(/</g, '&lt;')}</title>`, 'text/html').title;
  } catch {
    return value; // the entity stays visible, but the article is still read
  }
}

function clean(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
}

/** Counts words in any script: runs of letters or digits, and each CJK character. */
export function countWords(text: string): number {
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const words = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu, ' ').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu);
  return (words?.length ?? 0) + cjk;
}
