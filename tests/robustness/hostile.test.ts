// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../lib/analyze';
import { harvestLinks } from '../../lib/background';
import { extractArticle } from '../../lib/extract/article';
import { hostilePages, newsPage, newsParagraph, type HostilePage } from '../fixtures/hostile/pages';
import { CLEAR_MESSAGE, loadedDocument, readAndAnalyze, REASONS, reportProblems, type Outcome } from './documents';

// The small hostile pages; the large ones are in large-pages.test.ts.
const LARGE = new Set(['a 5 MB page', 'one paragraph of 1 MB', 'markup nested 5,000 levels deep', 'a page of 40,000 links']);
const pages = new Map(hostilePages().filter((p) => !LARGE.has(p.name)).map((p) => [p.name, p]));
const BUDGET_MS = 5_000;
const URL = 'https://news.example/world/talks';

/** Reads a page as the panel does (and again as "Read it anyway" does), checking each answer is a report or a clear reason. */
async function read(page: HostilePage): Promise<Outcome[]> {
  const doc = await loadedDocument(page.html, { url: URL, contentType: page.contentType });
  const outcomes = [readAndAnalyze(doc, false)];
  if (!outcomes[0].response.ok) outcomes.push(readAndAnalyze(doc, true));
  for (const { response, report, ms } of outcomes) {
    expect(ms).toBeLessThan(BUDGET_MS);
    if (response.ok) expect(reportProblems(report!, response.article.text)).toEqual([]);
    else {
      expect(REASONS).toContain(response.reason);
      expect(response.message).toMatch(CLEAR_MESSAGE);
      expect(response.reason, response.message).not.toBe('failed');
    }
  }
  return outcomes;
}
const page = (name: string) => pages.get(name)!;

describe('hostile pages', () => {
  it.each([...pages.keys()])('%s: gives a report or a clear message, within the budget, without throwing', async (name) => {
    await read(page(name));
  });

  it('says an empty page has no article, even when asked to read it anyway', async () => {
    const outcomes = await read(page('an empty page'));
    expect(outcomes.map((o) => o.response.ok)).toEqual([false, false]);
  });

  it('says a frameset has no article', async () => {
    const [first] = await read(page('a frameset'));
    expect(first.response).toMatchObject({ ok: false, reason: 'no-article' });
  });

  it('says an SVG document is not a web page instead of waiting for it to load', async () => {
    const [first] = await read(page('an SVG document'));
    expect(first.response).toMatchObject({ ok: false, reason: 'no-article', message: expect.stringContaining('image/svg+xml') });
  });

  it('reads right-to-left and mixed-script text as it is written', async () => {
    const [first] = await read(page('mixed scripts and right-to-left text'));
    if (!first.response.ok) throw new Error(first.response.message);
    expect(first.response.article.text).toContain('قال المتحدث باسم الأمم المتحدة');
    expect(first.response.article.text).toContain('日内瓦的官员周二表示');
    expect(first.report!.actors.map((a) => a.name)).toContain('Maria Lopez');
  });

  it('keeps emoji, combining marks and lone surrogates without shifting the offsets', async () => {
    const [first] = await read(page('emoji and combining characters'));
    if (!first.response.ok) throw new Error(first.response.message);
    expect(first.response.article.text).toContain('👩‍👩‍👧‍👦 Families');
    // reportProblems (in read) has checked that every offset still points at its text.
    expect(first.report!.dates.length).toBeGreaterThan(0);
  });

  it('reads a paragraph with no spaces without hanging', async () => {
    const [first] = await read(page('text with no spaces'));
    expect(first.response.ok).toBe(true);
  });
});

describe('a page that changes while it is read', () => {
  const html = newsPage(Array.from({ length: 12 }, (_, i) => `<p>${newsParagraph(600, i)} <a href="/story/${i}">Story ${i}</a></p>`).join('\n'));

  /** Rewrites part of the article, as a live blog or an ad script does every few milliseconds. */
  function churn(doc: Document, round: number): void {
    const article = doc.querySelector('article');
    if (!article) return;
    article.lastElementChild?.remove();
    const p = doc.createElement('p');
    p.innerHTML = `${newsParagraph(300, round)} <a href="/live/${round}">Update ${round}</a>`;
    article.append(p);
    doc.title = `Live: update ${round}`;
  }

  it('gives a report when the page changes during extraction', async () => {
    const doc = await loadedDocument(html, { url: URL });
    let round = 0;
    // Every read of the article's or a paragraph's text (isProbablyReaderable reads them) rewrites the article.
    for (const element of Array.from(doc.querySelectorAll('article, article p'))) {
      Object.defineProperty(element, 'textContent', { configurable: true, get: () => (churn(doc, ++round), newsParagraph(600, round)) });
    }
    // And the document changes again as Readability takes its copy.
    const clone = doc.cloneNode.bind(doc);
    doc.cloneNode = (deep?: boolean) => {
      churn(doc, ++round);
      const copy = clone(deep);
      churn(doc, ++round);
      return copy;
    };
    const { response, report, ms } = readAndAnalyze(doc, false);
    expect(round).toBeGreaterThan(2);
    expect(ms).toBeLessThan(BUDGET_MS);
    if (!response.ok) throw new Error(response.message);
    expect(reportProblems(report!, response.article.text)).toEqual([]);
  });

  it('harvests links when the page was rewritten between extraction and harvesting', async () => {
    const doc = await loadedDocument(html, { url: URL });
    const extracted = extractArticle(doc, { url: URL });
    if (!extracted.ok) throw new Error(extracted.message);
    doc.body.innerHTML = '<p>This story has been removed.</p>';
    const links = harvestLinks(doc, URL, extracted.article.contentHtml);
    // The article's own links still come from what was extracted.
    expect(links.map((l) => l.url)).toContain('https://news.example/story/3');
    const report = analyzeArticle(extracted.article, { links });
    expect(reportProblems(report, extracted.article.text)).toEqual([]);
  });

  it('harvests links when reading a link removes the others', async () => {
    const doc = await loadedDocument(html, { url: URL });
    const extracted = extractArticle(doc, { url: URL });
    if (!extracted.ok) throw new Error(extracted.message);
    const first = doc.querySelector('article a')!;
    Object.defineProperty(first, 'textContent', {
      configurable: true,
      get: () => {
        for (const a of Array.from(doc.querySelectorAll('a'))) if (a !== first) a.remove();
        return 'Story 0';
      },
    });
    expect(() => harvestLinks(doc, URL, extracted.article.contentHtml)).not.toThrow();
  });
});
