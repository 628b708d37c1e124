// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../lib/analyze';
import { conllDocument } from '../../lib/actors/conll';
import type { ExtractedArticle } from '../../lib/extract/article';
import { hasShared, sharedDir } from '../../scripts/node-dom';

/**
 * The analysis over texts no rule was written for: the 216 stories of
 * CoNLL-2003's testa (sports results, tables of figures, datelines in
 * capitals), as one text each. None may throw, and every actor and date must
 * point into its text. (A rule once read a name's missing second word here.)
 */
describe.skipIf(!hasShared)('the analysis over CoNLL-2003 testa', () => {
  if (!hasShared) console.warn('../shared/data is missing: skipping the run over CoNLL-2003.');
  const lines = hasShared ? readFileSync(resolve(sharedDir, 'data/conll2003/testa.jsonl'), 'utf8').split('\n').filter(Boolean) : [];

  it('analyses every story without throwing, with offsets into its text', () => {
    expect(lines.length).toBeGreaterThan(200);
    for (const line of lines) {
      const doc = conllDocument(JSON.parse(line));
      const text = doc.sentences.map((s) => s.join(' ')).join('\n\n');
      const title = doc.sentences[0].join(' ');
      const article: ExtractedArticle = {
        info: { title, byline: null, siteName: null, url: null, published: null, lang: 'en', wordCount: text.split(' ').length, excerpt: null },
        contentHtml: '',
        text,
        ledeEnd: text.length,
        bodyEnd: text.length,
      };
      const report = analyzeArticle(article, { now: new Date('1996-09-01') });
      for (const actor of report.actors) {
        expect(actor.name, doc.id).toMatch(/^\S/u);
        for (const [start, end] of actor.offsets) expect(text.slice(start, end).length, `${doc.id}: ${actor.name}`).toBeGreaterThan(0);
      }
      for (const date of report.dates) expect(date.end, doc.id).toBeLessThanOrEqual(text.length);
    }
  });
});
