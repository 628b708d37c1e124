import { existsSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../../lib/extract/article';

/** ../shared beside the repository, where the seed article and data sets live. */
export const sharedRoot = new URL('../../../shared/', import.meta.url);
export const hasShared = existsSync(sharedRoot);

/**
 * The text the side panel analyses, read by lib/extract as the panel does:
 * Readability's title, a blank line, then one paragraph per block of its
 * content (captions included), with where the lede ends.
 */
export function articleText(htmlFile: URL): { text: string; ledeEnd: number } {
  const html = readFileSync(htmlFile, 'utf8');
  const doc = new JSDOM(html, { url: 'https://example.invalid/', virtualConsole: new VirtualConsole() }).window.document;
  const extracted = extractArticle(doc, { force: true });
  if (!extracted.ok) throw new Error(`lib/extract found no article in ${htmlFile}: ${extracted.message}`);
  return { text: extracted.article.text, ledeEnd: extracted.article.ledeEnd };
}
