import { harvestLinks } from '../background';
import { extractArticle } from '../extract/article';
import type { ExtractResponse } from '../messages';

/**
 * Reads the article on the page this script runs in. Readability works on a
 * clone, so the page is left as it was; errors become a message for the
 * reader instead of a stack trace.
 */
export function extractFromPage(doc: Document, force: boolean): ExtractResponse {
  // Asked first: an SVG or XML document has no body, and would otherwise seem to be loading for ever.
  if (doc.contentType && !/html/i.test(doc.contentType)) {
    return { ok: false, reason: 'no-article', message: `This is not a web page (${doc.contentType}), so there is no article to read.` };
  }
  if (doc.readyState === 'loading' || !doc.body) {
    return { ok: false, reason: 'loading', message: 'The page is still loading.' };
  }
  try {
    const started = performance.now();
    const url = doc.location.href;
    const result = extractArticle(doc, { url, force });
    if (!result.ok) return result;
    const { contentHtml, ...article } = result.article;
    const links = harvestLinks(doc, url, contentHtml);
    return { ok: true, article, links, readerable: result.readerable, extractMs: performance.now() - started };
  } catch (error) {
    return { ok: false, reason: 'failed', message: `Backstory could not read this page (${(error as Error)?.message ?? String(error)}).` };
  }
}
