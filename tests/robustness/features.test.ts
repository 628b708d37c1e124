// @vitest-environment node
import { describe, it } from 'vitest';
import { hasShared } from '../../scripts/node-dom';
import { expectReportOrReason, pageCases } from './documents';

// What one page may take, extraction plus analysis (parsing is the browser's), on two cores busy with other work.
const BUDGET_MS = 5_000;

const pages = pageCases({ categories: ['feature-magazine-opinion', 'tech-entertainment-news-en'] });

describe.skipIf(!hasShared)('the pipeline on features, opinion and tech news', () => {
  if (!hasShared) console.warn('../shared/data is missing: skipping the robustness run over real pages.');

  it.each(pages.map((p) => [p.name, p] as const))('%s: gives a report or says why not, within the budget, without throwing', async (_name, page) => {
    await expectReportOrReason(page, BUDGET_MS);
  });
});
