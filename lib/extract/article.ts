import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { ArticleInfo } from '../report';
import { findPublicationDate, isoDay } from './published';
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
}

export type ExtractionResult =
  | { ok: true; article: ExtractedArticle; readerable: boolean }
  | { ok: false; reason: 'no-article' | 'empty'; message: string };

// Pages larger than this are cut before Readability sees them, so a huge
// page costs seconds, not minutes (Readability's own default is 0 = unlimited).
const MAX_ELEMENTS_TO_PARSE = 60_000;

/**
 * Finds the article on a page with Readability, working on a clone so the
 * page itself is never touched. Unless `force` is set, pages Readability
 * does not consider articles give `no-article`; `force` makes a best-effort
 * read of whatever text the page has.
 */
export function extractArticle(doc: Document, opts: { url?: string; force?: boolean } = {}): ExtractionResult {
  const url = opts.url ?? (doc.location?.href && doc.location.href !== 'about:blank' ? doc.location.href : null);
  const readerable = safeIsReaderable(doc);
  if (!readerable && !opts.force) {
    return { ok: false, reason: 'no-article', message: 'This page does not look like an article.' };
  }
  const lang = doc.documentElement?.getAttribute('lang')?.trim() || null;

  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<string>['parse']> = null;
  try {
    parsed = new Readability(clone, { maxElemsToParse: MAX_ELEMENTS_TO_PARSE, charThreshold: opts.force ? 0 : 500 }).parse();
  } catch (error) {
    // Readability throws when a page has more elements than we let it parse.
    if (!/Aborting parsing document/.test(String(error))) throw error;
    return { ok: false, reason: 'no-article', message: 'This page is too large to read as an article.' };
  }
  if (!parsed || !parsed.content) {
    return { ok: false, reason: 'no-article', message: 'No article text was found on this page.' };
  }
  const title = (parsed.title || doc.title || '').trim();
  const contentHtml = sanitizeArticleHtml(parsed.content, doc);
  const { text, ledeEnd } = articleText(title, contentHtml, doc);
  const body = text.slice(title.length).trim();
  if (!body) return { ok: false, reason: 'empty', message: 'The article on this page has no text.' };

  const wordCount = countWords(body);
  return {
    ok: true,
    readerable,
    article: {
      info: {
        title,
        byline: clean(parsed.byline),
        siteName: clean(parsed.siteName),
        url,
        published: isoDay(parsed.publishedTime) ?? findPublicationDate(doc),
        lang: lang ?? clean(parsed.lang),
        wordCount,
        excerpt: clean(parsed.excerpt),
      },
      contentHtml,
      text,
      ledeEnd,
    },
  };
}

function safeIsReaderable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
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
