import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conllDocument, countSpans, emptyCounts, f1Of } from '../../lib/actors/conll';
import { MODEL_FILE } from '../../lib/actors/model-file';
import { documentFeatures, staticFeatures } from '../../lib/actors/features';
import { NameTable, decodeModel, decodeModelParts, encodeModel, findEntities, loadModel, spansOf, tagDocument, tagWith } from '../../lib/actors/tagger';

const testa = new URL('../../../shared/data/conll2003/testa.jsonl', import.meta.url);
const hasData = existsSync(testa);
if (!hasData) console.warn('Skipping the CoNLL score test: ../shared/data/conll2003/testa.jsonl is missing.');

describe('the committed NER model', () => {
  it('loads once and is cached', () => {
    expect(loadModel()).toBe(loadModel());
  });

  it('reads its file, in one go or a part at a time, and writes it back byte for byte', () => {
    const file = readFileSync(MODEL_FILE);
    const parts = decodeModelParts(new Uint8Array(file));
    let pauses = 0;
    let part = parts.next();
    for (; !part.done; part = parts.next()) pauses++;
    expect(pauses).toBe(2);
    const model = part.value;
    expect(model.gazetteer).toEqual(loadModel().gazetteer);
    expect(model.stages.map((s) => s.features)).toEqual(loadModel().stages.map((s) => s.features));
    // Each pass's table holds every row once, and the file is read in place.
    for (const stage of model.stages) {
      expect(stage.rows.filter((row) => row > 0).sort()).toEqual(Uint32Array.from(stage.features, (_, row) => row + 1));
      expect(stage.features.buffer).toBe(model.gazetteer.hashes.buffer);
    }
    // Written again, the file comes out the same.
    const weightsOf = (stage: (typeof model.stages)[number]) => ({
      features: stage.features,
      weights: stage.weights,
      levels: Array.from({ length: 128 }, (_, q) => stage.levels[q + 127]),
    });
    const again = encodeModel([weightsOf(model.stages[0]), weightsOf(model.stages[1])], model.gazetteer);
    expect(Buffer.from(again).equals(file)).toBe(true);
  });

  it('looks names up in its table of hashed names as a Map of them would', () => {
    const names = new Map([['imran khan', 0b101], ['imran', 0b1 | (1 << 20)], ['tehreek-e-taliban pakistan', 0b10], ['ı', 7]]);
    const table = NameTable.from(names);
    for (const [name, bits] of names) expect(table.get(name)).toBe(bits);
    for (const other of ['imran khan ', 'Imran Khan', 'khan', '', 'i']) expect(table.get(other)).toBeUndefined();
    // The committed model knows its gazetteer's names.
    expect(loadModel().gazetteer.get('pakistan')).toBeGreaterThan(0);
    expect(loadModel().gazetteer.get('zzqx not a name')).toBeUndefined();
  });

  it('refuses a file that is not a model', () => {
    expect(() => decodeModel(new TextEncoder().encode('{"version":2,"tags":[]}'.padEnd(64)))).toThrow(/not a Backstory NER model/);
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

  it('tags O unscored the tokens with no capital or digit in them or either neighbour, as scoring them would', () => {
    const doc = [
      ['Peter', 'Blackburn', ',', 'of', 'the', 'New', 'York', 'Stock', 'Exchange', ',', 'said', 'so', 'in', 'a', 'statement', '.'],
      ['officials', 'said', 'the', 'talks', 'in', 'Doha', 'failed', 'in', '2021', '.'],
    ];
    const model = loadModel();
    const tagsOf = (skipOutside: boolean) => {
      const local = staticFeatures(doc, model.gazetteer, skipOutside);
      return [tagWith(model.stages[1], documentFeatures(local, tagWith(model.stages[0], local))), local] as const;
    };
    const [tags, local] = tagsOf(true);
    const outside = doc.flat().filter((_, t) => local.outside[t]);
    expect(outside).toEqual(['of', 'said', 'so', 'in', 'a', 'statement', '.', 'officials', 'said', 'the', 'talks']);
    local.outside.forEach((isOutside, t) => {
      if (!isOutside) return;
      expect(local.offsets[t + 1]).toBe(local.offsets[t]);
      expect(tags[t]).toBe(0);
    });
    const [everyToken, all] = tagsOf(false);
    expect(all.outside.every((x) => x === 0)).toBe(true);
    expect(all.hashes.length).toBeGreaterThan(local.hashes.length);
    expect([...tags]).toEqual([...everyToken]);
  });

  it.skipIf(!hasData)('scores F1 >= 0.9 on a slice of CoNLL-2003 testa (exact span and type)', () => {
    const docs = readFileSync(testa, 'utf8').split('\n').filter(Boolean).slice(0, 80).map((l) => conllDocument(JSON.parse(l)));
    const counts = emptyCounts();
    for (const doc of docs) countSpans(counts, findEntities(doc.sentences), spansOf(doc.tags));
    expect(f1Of(counts.all).f1).toBeGreaterThanOrEqual(0.9);
  });
});
