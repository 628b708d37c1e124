import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/article';
import { extractFromPage } from '../../lib/page/extract';
import { seedArticle } from '../helpers/pages';
import { loadedDocument } from '../robustness/documents';

describe('the page script’s answer to the panel', () => {
  it('carries the article’s text, details and links, and leaves its HTML in the page', async () => {
    const doc = await loadedDocument(seedArticle().html, { url: 'https://newsflash.example/pakistan/khalilzad-urges-pakistan-to-negotiate-with-ttp' });
    const response = extractFromPage(doc, false);
    if (!response.ok) throw new Error(response.message);
    const extracted = extractArticle(doc, { url: doc.location.href, force: false });
    if (!extracted.ok) throw new Error(extracted.message);
    const { contentHtml, ...article } = extracted.article;
    expect(response.article).toEqual(article);
    expect(response.article).not.toHaveProperty('contentHtml');
    // The links are harvested from that HTML in the page.
    expect(contentHtml).toContain('operation-sarbakaf-launched-in-bajaur');
    expect(response.links.map((link) => link.url)).toContain('https://newsflash.example/pakistan/operation-sarbakaf-launched-in-bajaur');
  });
});
