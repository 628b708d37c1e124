// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../../lib/extract/article';
import { hostilePages } from '../fixtures/hostile/pages';
import { CLEAR_MESSAGE, loadedDocument, readAndAnalyze, reportProblems } from './documents';

// jsdom parses and clones far more slowly than a browser (Chromium's numbers
// are in tests/e2e/security.e2e.ts and `npm run bench:browser`); these
// budgets are for extraction plus analysis here, on two busy cores.
const pages = new Map(hostilePages().map((p) => [p.name, p]));
const URL = 'https://news.example/world/talks';

async function readPage(name: string) {
  const page = pages.get(name)!;
  return readAndAnalyze(await loadedDocument(page.html, { url: URL, contentType: page.contentType }), false);
}

describe('large hostile pages', () => {
  it('reads the beginning of a 5 MB article, says so, and keeps its whole reading time', async () => {
    const { response, report, ms } = await readPage('a 5 MB page');
    expect(ms).toBeLessThan(30_000);
    if (!response.ok) throw new Error(response.message);
    expect(response.article.truncated).toBe(true);
    expect(response.article.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(response.article.info.wordCount).toBeGreaterThan(500_000);
    expect(reportProblems(report!, response.article.text)).toEqual([]);
    expect(report!.actors.map((a) => a.name)).toContain('Maria Lopez');
  });

  it('cuts one 1 MB paragraph at a word, not in the middle of one', async () => {
    const { response, report, ms } = await readPage('one paragraph of 1 MB');
    expect(ms).toBeLessThan(15_000);
    if (!response.ok) throw new Error(response.message);
    expect(response.article.truncated).toBe(true);
    const { text } = response.article;
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(text).toMatch(/[.\w]$/);
    expect(`${text} `).toContain(text.split(' ').at(-1)! + ' ');
    expect(reportProblems(report!, text)).toEqual([]);
  });

  it('gives up quickly on a page with more elements than Readability may parse', async () => {
    const { response, ms } = await readPage('a page of 40,000 links');
    expect(ms).toBeLessThan(5_000);
    expect(response).toMatchObject({ ok: false, reason: 'no-article', message: expect.stringMatching(/too large/) });
  });

  it('reads markup nested 5,000 levels deep or says it could not', async () => {
    // Chromium flattens nesting beyond 512 levels as it parses; jsdom keeps all
    // 5,000, and its own recursive cloneNode runs out of stack (a "failed" answer).
    const { response, report, ms } = await readPage('markup nested 5,000 levels deep');
    expect(ms).toBeLessThan(10_000);
    if (response.ok) expect(reportProblems(report!, response.article.text)).toEqual([]);
    else expect(response.message).toMatch(CLEAR_MESSAGE);
  });
});
