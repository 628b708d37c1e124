import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conllDocument, countSpans, emptyCounts, f1Of } from '../../lib/actors/conll';
import { findEntities, loadModel, spansOf, tagDocument } from '../../lib/actors/tagger';

const testa = new URL('../../../shared/data/conll2003/testa.jsonl', import.meta.url);
const hasData = existsSync(testa);
if (!hasData) console.warn('Skipping the CoNLL score test: ../shared/data/conll2003/testa.jsonl is missing.');

describe('the committed NER model', () => {
  it('loads once and is cached', () => {
    expect(loadModel()).toBe(loadModel());
  });

  it('tags people, organisations and places in a sentence', () => {
    const sentence = ['Prime', 'Minister', 'Shehbaz', 'Sharif', 'met', 'officials', 'of', 'the', 'European', 'Union', 'in', 'Brussels', '.'];
    const found = findEntities([sentence]).map((s) => [sentence.slice(s.start, s.end).join(' '), s.type]);
    expect(found).toEqual(expect.arrayContaining([['Shehbaz Sharif', 'PER'], ['European Union', 'ORG'], ['Brussels', 'LOC']]));
  });

  it('decodes only valid BIO sequences: I-X follows B-X or I-X', () => {
    const doc = [
      ['EU', 'rejects', 'German', 'call', 'to', 'boycott', 'British', 'lamb', '.'],
      ['Peter', 'Blackburn', ',', 'of', 'the', 'New', 'York', 'Stock', 'Exchange', ',', 'said', 'so', '.'],
    ];
    for (const tags of tagDocument(doc)) {
      tags.forEach((tag, i) => {
        if (tag.startsWith('I-')) expect(['B-', 'I-'].map((p) => p + tag.slice(2))).toContain(tags[i - 1]);
      });
    }
  });

  it.skipIf(!hasData)('scores F1 >= 0.9 on a slice of CoNLL-2003 testa (exact span and type)', () => {
    const docs = readFileSync(testa, 'utf8').split('\n').filter(Boolean).slice(0, 80).map((l) => conllDocument(JSON.parse(l)));
    const counts = emptyCounts();
    for (const doc of docs) countSpans(counts, findEntities(doc.sentences), spansOf(doc.tags));
    expect(f1Of(counts.all).f1).toBeGreaterThanOrEqual(0.9);
  });
});
