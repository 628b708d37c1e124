// @vitest-environment node
import { describe, it } from 'vitest';
import { hasShared } from '../../scripts/node-dom';
import { expectReportOrReason, pageCases } from './documents';

// What one page may take, extraction plus analysis (parsing is the browser's), on two cores busy with other work.
const BUDGET_MS = 5_000;

// The forty pages are split over three files (this one, features.test.ts and
// languages.test.ts) so that each stays well under a minute in jsdom.
const pages = pageCases({ categories: ['news-en'], seed: true });

describe.skipIf(!hasShared)('the pipeline on English news pages', () => {
  if (!hasShared) console.warn('../shared/data is missing: skipping the robustness run over real pages.');

  it.each(pages.map((p) => [p.name, p] as const))('%s: gives a report or says why not, within the budget, without throwing', async (_name, page) => {
    await expectReportOrReason(page, BUDGET_MS);
  });
});
