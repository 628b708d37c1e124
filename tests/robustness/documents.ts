import { JSDOM, VirtualConsole } from 'jsdom';
import { expect } from 'vitest';
import { analyzeArticle } from '../../lib/analyze';
import { extractFromPage } from '../../lib/page/extract';
import type { ExtractResponse } from '../../lib/messages';
import type { Report } from '../../lib/report';
import { hasShared } from '../../scripts/node-dom';
import { realPages, seedArticle } from '../helpers/pages';

/**
 * Parses a page the way the content script finds it: scripts off, served as
 * `contentType`, and fully loaded (jsdom reports "loading" until its load
 * event, and the page script waits for that too).
 */
export async function loadedDocument(html: string, opts: { url?: string; contentType?: string } = {}): Promise<Document> {
  const dom = new JSDOM(html, { url: opts.url ?? 'https://news.example/world/talks', contentType: opts.contentType, virtualConsole: new VirtualConsole() });
  const doc = dom.window.document;
  if (doc.readyState !== 'complete') await new Promise((done) => dom.window.addEventListener('load', done, { once: true }));
  return doc;
}

/** What the reader gets for a page: the page script's answer, and the report when there is an article. */
export interface Outcome {
  response: ExtractResponse;
  report: Report | null;
  /** Extraction plus analysis, in ms (parsing is the browser's, not ours). */
  ms: number;
}

/** Runs what the extension runs on a page: the page script's extraction, then the worker's analysis. */
export function readAndAnalyze(doc: Document, force: boolean): Outcome {
  const started = performance.now();
  const response = extractFromPage(doc, force);
  const report = response.ok ? analyzeArticle(response.article, { links: response.links, extractMs: response.extractMs, now: new Date('2025-09-16T12:00:00Z') }) : null;
  return { response, report, ms: performance.now() - started };
}

/** A reason the panel knows how to explain, with a sentence for the reader. */
export const CLEAR_MESSAGE = /^[A-Z][^\n]{10,300}[.)]$/;
export const REASONS = ['no-article', 'empty', 'loading', 'failed'];

/** Checks that everything in a report points into its own text, so the panel can highlight it. */
export function reportProblems(report: Report, text: string): string[] {
  const problems: string[] = [];
  for (const actor of report.actors) {
    for (const [start, end] of actor.offsets) {
      if (!(start >= 0 && start < end && end <= text.length)) problems.push(`${actor.name}: offsets [${start}, ${end}) outside the text`);
    }
  }
  for (const date of report.dates) {
    if (!(date.start >= 0 && date.start <= date.end && date.end <= text.length)) problems.push(`date "${date.text}": offsets outside the text`);
    // The publication date's text is the page's own metadata, which the body may state otherwise or not at all.
    else if (!date.publication && text.slice(date.start, date.end) !== date.text) problems.push(`date "${date.text}" is not at [${date.start}, ${date.end})`);
  }
  for (const link of report.links) {
    if (!/^https?:\/\//.test(link.url)) problems.push(`link ${link.url} is not http(s)`);
  }
  return problems;
}

/** A real page to run, from ../shared/data/readability-pages or the seed article. */
export interface PageCase {
  name: string;
  html: string;
  url: string;
  lang: string | null;
  category: string;
}

// The address Readability's test suite gave these pages.
const PAGE_URL = 'http://fakehost/test/page.html';

/** The real pages in the categories asked for (all when none is given), plus the seed article with `seed`; none without ../shared. */
export function pageCases(opts: { categories?: string[]; seed?: boolean } = {}): PageCase[] {
  if (!hasShared) return [];
  const cases: PageCase[] = realPages()
    .filter((p) => !opts.categories || opts.categories.includes(p.category))
    .map((p) => ({ name: p.name, html: p.source, url: PAGE_URL, lang: p.lang, category: p.category }));
  if (opts.seed) {
    const { html, gold } = seedArticle();
    cases.push({ name: 'seed-article', html, url: gold.url, lang: 'en', category: 'seed' });
  }
  return cases;
}

/**
 * Reads a page as the panel does, first as it opens and, where that finds
 * no article, as "Read it anyway" does; each outcome is checked to be a
 * report whose offsets point into its text, or a reason with a sentence for
 * the reader, within `budgetMs`. A real page must never fail outright.
 */
export async function expectReportOrReason(page: PageCase, budgetMs: number): Promise<Outcome[]> {
  const doc = await loadedDocument(page.html, { url: page.url });
  const outcomes: Outcome[] = [readAndAnalyze(doc, false)];
  if (!outcomes[0].response.ok) outcomes.push(readAndAnalyze(doc, true));
  for (const { response, report, ms } of outcomes) {
    expect(ms, `${page.name} took ${Math.round(ms)} ms`).toBeLessThan(budgetMs);
    if (!response.ok) {
      expect(REASONS).toContain(response.reason);
      expect(response.message).toMatch(CLEAR_MESSAGE);
      expect(response.reason, response.message).not.toBe('failed');
      continue;
    }
    expect(report).not.toBeNull();
    expect(reportProblems(report!, response.article.text)).toEqual([]);
  }
  return outcomes;
}
