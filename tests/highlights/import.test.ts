import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { importHighlightsFile } from '../../lib/highlights/import';
import { openHighlightStore, type HighlightStore } from '../../lib/highlights/store';
import { exportHighlights } from '../../lib/highlights/export';
import { HighlightImportError, parseAnnotationImport } from '../../lib/highlights/web-annotation';
import { makeRecord } from './fixtures';

const records = [
  makeRecord({ note: 'Line one\nline two ', tags: ['a', 'b c'], colour: 'purple', modified: '2024-06-01T00:00:00.000Z' }),
  makeRecord({ page: { url: 'https://x.example/p', canonicalUrl: null, title: 'P', authors: [], site: null, published: null } }),
  { ...makeRecord(), selectors: { quote: { type: 'TextQuoteSelector' as const, exact: 'no position, no context' } } },
];
const exported = () => exportHighlights(records, 'json').text;

const refusal = (text: string) => {
  try {
    parseAnnotationImport(text);
  } catch (error) {
    expect(error).toBeInstanceOf(HighlightImportError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
};

describe('parseAnnotationImport', () => {
  it('gives back exactly the exported records (a lossless round trip)', () => {
    expect(parseAnnotationImport(exported())).toEqual(records);
  });

  it('reads Web Annotations from other tools, keeping their ids and tags', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example/anno/17',
      type: 'Annotation',
      body: [{ type: 'TextualBody', value: 'Compare with 2019', purpose: 'commenting' }, { type: 'TextualBody', value: 'climate', purpose: 'tagging' }],
      target: { source: 'https://paper.example/a', selector: { type: 'TextQuoteSelector', exact: 'sea levels rose', prefix: 'Since 1990 ', suffix: ' by' } },
    };
    const [record] = parseAnnotationImport(JSON.stringify(foreign), { now: new Date('2024-01-01T00:00:00Z') });
    expect(record).toMatchObject({
      id: 'https://annotations.example/anno/17',
      note: 'Compare with 2019',
      tags: ['climate'],
      colour: 'yellow',
      page: { url: 'https://paper.example/a', title: 'https://paper.example/a' },
      selectors: { quote: { exact: 'sea levels rose', prefix: 'Since 1990 ', suffix: ' by' } },
      created: '2024-01-01T00:00:00.000Z',
    });
    // Without an id, the same annotation gets the same id on every import.
    const anonymous = JSON.stringify({ ...foreign, id: undefined });
    expect(parseAnnotationImport(anonymous)[0].id).toBe(parseAnnotationImport(anonymous)[0].id);
  });

  it('refuses a file that is not JSON', () => {
    expect(refusal('hello, world')).toMatch(/^This file is not a Backstory or Web Annotation export: it is not valid JSON/);
  });

  it('refuses JSON that holds no annotations', () => {
    expect(refusal('{"name": "my bookmarks"}')).toMatch(/not a Backstory or Web Annotation export: it has no annotations/);
    expect(refusal('42')).toMatch(/it holds number, not annotations/);
  });

  it('says which annotations are broken and how', () => {
    const collection = JSON.parse(exported());
    collection.first.items[1].target.selector = [{ type: 'TextPositionSelector', start: 1, end: 2 }];
    collection.first.items[2].created = 'yesterday';
    expect(refusal(JSON.stringify(collection))).toBe(
      'This file is not a Backstory or Web Annotation export: annotation 2 has no quote (TextQuoteSelector with "exact" text); ' +
        'annotation 3 has a "created" that is not a date.',
    );
  });

  it('refuses annotations of pages that are not http(s)', () => {
    const collection = JSON.parse(exported());
    collection.first.items[0].target.source = 'javascript:alert(1)';
    expect(refusal(JSON.stringify(collection))).toMatch(/annotation 1 has no http\(s\) source page/);
  });

  it('refuses a file over the size limit', () => {
    expect(() => parseAnnotationImport(exported(), { maxBytes: 100 })).toThrow(/too large to import/);
  });
});

describe('importHighlightsFile', () => {
  let store: HighlightStore;
  afterEach(() => store.close());

  it('imports a file once: a second import adds no duplicates', async () => {
    store = await openHighlightStore({ name: 'import-twice' });
    const file = new Blob([exported()], { type: 'application/json' });
    expect(await importHighlightsFile(store, file)).toEqual({ added: 3, updated: 0, unchanged: 0 });
    expect(await importHighlightsFile(store, file)).toEqual({ added: 0, updated: 0, unchanged: 3 });
    expect(await store.list()).toHaveLength(3);
  });

  it('changes nothing when the file is refused', async () => {
    store = await openHighlightStore({ name: 'import-refused' });
    await store.save(records[0]);
    const broken = JSON.parse(exported());
    broken.first.items[2].target = 'https://x.example/';
    await expect(importHighlightsFile(store, new Blob([JSON.stringify(broken)]))).rejects.toThrow(/annotation 3 has no/);
    expect(await store.list()).toEqual([records[0]]);
  });

  it('checks the size before reading the file', async () => {
    store = await openHighlightStore({ name: 'import-large' });
    await expect(importHighlightsFile(store, new Blob(['x'.repeat(2000)]), 1000)).rejects.toThrow(/too large/);
  });
});

describe('addresses in imported files', () => {
  it('refuses page details whose address is not http(s), and normalises those that are', () => {
    const collection = JSON.parse(exported());
    collection.first.items[0]['backstory:highlight'].page.canonicalUrl = 'javascript:alert(1)';
    expect(refusal(JSON.stringify(collection))).toMatch(/annotation 1 has a Backstory page address that is not http\(s\)/);
    collection.first.items[0]['backstory:highlight'].page.canonicalUrl = 'https://x.example/a b<c>';
    expect(parseAnnotationImport(JSON.stringify(collection))[0].page.canonicalUrl).toBe('https://x.example/a%20b%3Cc%3E');
  });
});
