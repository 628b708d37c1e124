// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Report } from '../../lib/report';
import { hasShared } from '../../scripts/node-dom';
import { expectReportOrReason, pageCases, type PageCase } from './documents';

const BUDGET_MS = 5_000;

const nonEnglish = pageCases({ categories: ['news-non-en'] });
// English pages that do not declare their language, so the text itself must say it.
const undeclaredEnglish = pageCases({ categories: ['news-en', 'feature-magazine-opinion'] }).filter((p) => p.lang === null).slice(0, 4);

const reports = new Map<string, Promise<Report>>();

/** The report for a page as the panel first reads it (these pages are all articles), made once per page. */
function reportFor(page: PageCase): Promise<Report> {
  if (!reports.has(page.name)) {
    reports.set(
      page.name,
      expectReportOrReason(page, BUDGET_MS).then(([outcome]) => {
        if (!outcome.report) throw new Error(`${page.name}: no report (${outcome.response.ok ? '' : outcome.response.message})`);
        return outcome.report;
      }),
    );
  }
  return reports.get(page.name)!;
}

describe.skipIf(!hasShared)('the pipeline on articles in other languages', () => {
  if (!hasShared) console.warn('../shared/data is missing: skipping the non-English pages.');

  it.each(nonEnglish.map((p) => [`${p.name} (${p.lang ?? 'undeclared'})`, p] as const))(
    '%s: says the English-only stages do not apply and lists no English-model actors',
    async (_name, page) => {
      const report = await reportFor(page);
      expect(report.support).toEqual({ language: expect.toSatisfy((v) => v === null || typeof v === 'string'), actors: false, dates: expect.any(Boolean), note: expect.any(String) });
      expect(report.support.note).toMatch(/^This article is in .+ English/);
      expect(report.actors).toEqual([]);
      if (!report.support.dates) expect(report.dates).toEqual([]);
      // The page's details and its own links still come through.
      expect(report.article.title.length).toBeGreaterThan(0);
    },
  );

  it.each(nonEnglish.filter((p) => p.lang).map((p) => [p.name, p] as const))('%s: reports the language the page declares', async (_name, page) => {
    const report = await reportFor(page);
    expect(report.article.lang?.toLowerCase()).toBe(page.lang!.toLowerCase());
    expect(report.support.language).toBe(page.lang!.toLowerCase().split('-')[0]);
  });

  it.each(undeclaredEnglish.map((p) => [p.name, p] as const))('%s: finds actors in an English page that does not declare its language', async (_name, page) => {
    const report = await reportFor(page);
    expect(report.support.actors).toBe(true);
    expect(report.actors.length).toBeGreaterThan(0);
  });
});
