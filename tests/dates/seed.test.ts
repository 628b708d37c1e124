import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '../../lib/dates';
import { articleText, hasShared, sharedRoot } from './articleText';

const seedDir = new URL('fixtures/seed-article/', sharedRoot);
if (!hasShared) console.warn(`Skipping the seed-article date tests: ${sharedRoot.pathname} is missing.`);

describe.skipIf(!hasShared)('findDates on the seed article', () => {
  const gold = hasShared ? JSON.parse(readFileSync(new URL('gold.json', seedDir), 'utf8')) : null;
  const { text, ledeEnd } = hasShared ? articleText(new URL('article.html', seedDir)) : { text: '', ledeEnd: 0 };

  it('finds exactly the gold dates', () => {
    const values = findDates(text, { published: gold.published, ledeEnd }).map((e) => e.value);
    expect(values.sort()).toEqual(gold.dates.map((d: { value: string }) => d.value).sort());
  });

  it('marks the publication date and resolves the relative dates against it', () => {
    const byValue = Object.fromEntries(findDates(text, { published: gold.published, ledeEnd }).map((e) => [e.value, e]));
    expect(byValue['2025-09-16']).toMatchObject({ publication: true, key: true });
    expect(byValue['2025-09-14']).toMatchObject({ text: 'on Sunday', relative: 'Sunday before publication', key: true });
    expect(byValue['2025-04']).toMatchObject({ text: 'since April', precision: 'month', relative: 'April of the publication year' });
    expect(byValue['2007']).toMatchObject({ text: 'Since 2007', precision: 'year', relative: null });
  });

  it('lists none of the gold not_dates', () => {
    const texts = findDates(text, { published: gold.published, ledeEnd }).map((e) => e.text.toLowerCase());
    for (const notDate of gold.not_dates as string[]) expect(texts.join(' | ')).not.toContain(notDate.toLowerCase());
  });

  it('runs well under 10 ms (median after warm-up)', () => {
    for (let i = 0; i < 10; i++) findDates(text, { published: gold.published, ledeEnd });
    const times = Array.from({ length: 31 }, () => {
      const t0 = performance.now();
      findDates(text, { published: gold.published, ledeEnd });
      return performance.now() - t0;
    }).sort((a, b) => a - b);
    expect(times[15]).toBeLessThan(10);
  });
});
