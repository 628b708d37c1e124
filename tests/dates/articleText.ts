import { existsSync, readFileSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

/** ../shared beside the repository, where the seed article and data sets live. */
export const sharedRoot = new URL('../../../shared/', import.meta.url);
export const hasShared = existsSync(sharedRoot);

/**
 * The text the side panel analyses: Readability's title, a blank line, then
 * the text of each paragraph, heading, list item and quote of its content.
 */
export function articleText(htmlFile: URL): string {
  const html = readFileSync(htmlFile, 'utf8');
  const quiet = { virtualConsole: new VirtualConsole() };
  const article = new Readability(new JSDOM(html, quiet).window.document.cloneNode(true) as Document).parse();
  if (!article) throw new Error(`Readability found no article in ${htmlFile}`);
  const content = new JSDOM(article.content ?? '', quiet).window.document;
  const blocks = [...content.querySelectorAll('p, h2, h3, li, blockquote')].map((e) => e.textContent?.trim() ?? '').filter(Boolean);
  return [article.title ?? '', ...blocks].join('\n\n');
}
