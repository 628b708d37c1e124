import { describe, expect, it } from 'vitest';
import { ALTERATION_KINDS, listPages, loadPage, runTrial, seededRandom, type TrialResult } from './alterations';

// A seeded sample of the readability pages: `npm run eval:anchoring` runs all 40 with more passages.
const PAGES = ['aclu', 'cnn', 'nytimes-2', 'lwn-1', 'herald-sun-1', 'liberation-1', 'folha'].filter((p) => listPages().includes(p));
const PER_KIND = 2;

describe.skipIf(!PAGES.length)('re-anchoring saved passages on real pages', () => {
  if (!PAGES.length) console.warn('Skipping: ../shared/data/readability-pages is missing.');
  const results: TrialResult[] = [];
  for (const [i, name] of PAGES.entries()) {
    const page = loadPage(name);
    const rng = seededRandom(99 + i);
    for (const kind of ALTERATION_KINDS) for (let n = 0; n < PER_KIND; n++) results.push(runTrial(page, kind, rng));
  }
  const of = (kind: string) => results.filter((r) => r.kind === kind && r.outcome !== 'skipped');

  it('never paints other words than the passage', () => {
    expect(results.filter((r) => r.outcome === 'wrong').map((r) => r.detail)).toEqual([]);
  });

  it('finds every passage on the unchanged page, exactly', () => {
    expect(of('none').every((r) => r.outcome === 'reanchored')).toBe(true);
  });

  it('finds passages after ads, new paragraphs, whitespace and punctuation changes and moves', () => {
    for (const kind of ['ads', 'paragraphs', 'whitespace-punctuation', 'reorder', 'combined']) {
      const list = of(kind);
      const found = list.filter((r) => r.outcome === 'reanchored' || r.outcome === 'imprecise');
      expect(found.length / list.length, kind).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('orphans deleted passages (or finds the identical copy a page repeats)', () => {
    expect(of('deleted').every((r) => r.outcome === 'orphaned' || r.outcome === 'copy')).toBe(true);
  });
});
