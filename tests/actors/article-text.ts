import { Readability } from '@mozilla/readability';
import { JSDOM } from 'jsdom';

/**
 * The text findActors reads, from a saved page, made the simple way the
 * assignment (issue 3) describes: Readability on the page, then the title and
 * the text of each paragraph, heading, list item, quote and figure caption of its
 * content, separated by blank lines, and last the captions of the article's
 * figures that Readability left out (the seed article names Baradar only in
 * the lead image's caption, which sits above the body Readability keeps).
 * Used by the actor tests and scripts/eval-actors.ts.
 */
export function articleText(html: string, url = 'https://example.com/article'): { text: string; title: string; ledeEnd: number } | null {
  const dom = new JSDOM(html, { url });
  const article = new Readability(dom.window.document.cloneNode(true) as Document).parse();
  if (!article?.content) return null;
  const content = new JSDOM(article.content).window.document;
  const blocks = [...content.querySelectorAll('p, h2, h3, li, blockquote, figcaption')]
    .filter((el) => !el.parentElement?.closest('p, li, blockquote, figcaption'))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const title = (article.title ?? '').replace(/\s+/g, ' ').trim();
  const kept = blocks.join(' ');
  const captions = [...(dom.window.document.querySelector('article') ?? dom.window.document).querySelectorAll('figure figcaption')]
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((caption) => caption && !kept.includes(caption));
  const parts = [title, ...blocks, ...captions];
  return { text: parts.join('\n\n'), title, ledeEnd: parts.slice(0, 3).join('\n\n').length };
}
