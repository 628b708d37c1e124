// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportHighlights, HighlightImportError, MAX_IMPORT_BYTES, parseAnnotationImport } from '../../lib/highlights';
import { pwn } from '../fixtures/hostile/injection';

const BEACON = 'https://beacon.invalid/hit';

/** One Web Annotation as another tool (or an attacker) might write it. */
function annotation(overrides: Record<string, unknown> = {}, page?: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'Annotation',
    id: 'urn:uuid:0f3c2b7e-1d2a-4c5b-9e8f-7a6b5c4d3e2f',
    created: '2025-09-16T10:00:00Z',
    target: {
      source: 'https://news.example/world/ceasefire-talks',
      selector: [{ type: 'TextQuoteSelector', exact: 'Negotiators from both delegations met on Tuesday', prefix: 'GENEVA — ', suffix: ' for the first' }],
    },
    ...(page ? { 'backstory:highlight': { version: 1, colour: 'yellow', page } } : {}),
    ...overrides,
  };
}
const file = (...items: unknown[]) => JSON.stringify({ type: 'AnnotationPage', items });
// Raw HTML in Markdown: a tag not escaped with a backslash.
const RAW_HTML = /(^|[^\\])<(img|script)/m;
const readPage = { url: 'https://news.example/world/ceasefire-talks', canonicalUrl: null, title: 'Talks', authors: [], site: null, published: null };

describe('importing a hostile highlights file', () => {
  it('reads a well-formed annotation (so the refusals below are about what is wrong)', () => {
    expect(parseAnnotationImport(file(annotation()))).toHaveLength(1);
  });

  it('does not let "__proto__" keys pollute objects', () => {
    const text = `{"type":"AnnotationPage","__proto__":{"polluted":1},"items":[${JSON.stringify(annotation()).replace(/^\{/, '{"__proto__":{"polluted":2},')}]}`;
    const [record] = parseAnnotationImport(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).not.toContain('__proto__');
  });

  it.each([
    ['a javascript: source', 'javascript:alert(1)'],
    ['a data: source', 'data:text/html,<script>alert(1)</script>'],
    ['no source', undefined],
  ])('refuses an annotation with %s', (_name, source) => {
    const item = annotation();
    (item.target as Record<string, unknown>).source = source;
    expect(() => parseAnnotationImport(file(item))).toThrow(HighlightImportError);
  });

  it.each([
    ['url', { ...readPage, url: `javascript:${pwn(BEACON, 'import-url')}` }],
    ['canonicalUrl', { ...readPage, canonicalUrl: `javascript:${pwn(BEACON, 'import-canonical')}` }],
    ['canonicalUrl (data:)', { ...readPage, canonicalUrl: 'data:text/html,<script>alert(1)</script>' }],
  ])('keeps only http(s) addresses in the page details it imports (%s)', (_name, page) => {
    // Either the file is refused, or what is kept is an http(s) address.
    let records;
    try {
      records = parseAnnotationImport(file(annotation({}, page)));
    } catch (error) {
      expect(error).toBeInstanceOf(HighlightImportError);
      return;
    }
    for (const record of records) {
      expect(record.page.url).toMatch(/^https?:\/\//);
      if (record.page.canonicalUrl !== null) expect(record.page.canonicalUrl).toMatch(/^https?:\/\//);
    }
  });

  it('keeps markup in quotes, notes and tags as text, and exports it as text', () => {
    const payload = `<img src=x onerror="${pwn(BEACON, 'import-quote')}">`;
    const item = annotation({ body: [{ type: 'TextualBody', purpose: 'commenting', value: payload }, { type: 'TextualBody', purpose: 'tagging', value: '<script>x</script>' }] });
    (item.target as { selector: Array<Record<string, unknown>> }).selector[0].exact = payload;
    const [record] = parseAnnotationImport(file(item));
    expect(record.selectors.quote.exact).toBe(payload);
    const markdown = exportHighlights([record], 'markdown').text;
    expect(markdown).not.toMatch(RAW_HTML);
  });

  it('writes no raw HTML into a Markdown export, whatever the imported page address holds', () => {
    const sneaky = 'https://news.example/a> <img src=x onerror=alert(1)> <x';
    let records;
    try {
      records = parseAnnotationImport(file(annotation({}, { ...readPage, url: sneaky, canonicalUrl: sneaky })));
    } catch (error) {
      expect(error).toBeInstanceOf(HighlightImportError);
      return;
    }
    expect(exportHighlights(records, 'markdown').text).not.toMatch(RAW_HTML);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const big = ' '.repeat(1024) + file(annotation());
    expect(() => parseAnnotationImport(big, { maxBytes: 1024 })).toThrow(/too large/);
    expect(MAX_IMPORT_BYTES).toBeLessThanOrEqual(50 * 2 ** 20);
  });

  it('refuses deeply nested JSON with a sentence, not a stack overflow', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(() => parseAnnotationImport(deep)).toThrow(HighlightImportError);
  });

  it.each([
    ['not JSON', '<html><script>alert(1)</script></html>'],
    ['null', 'null'],
    ['a number', '42'],
    ['a linked collection', JSON.stringify({ type: 'AnnotationCollection', first: 'https://evil.example/page1' })],
    ['an annotation whose quote is not text', file(annotation({ target: { source: 'https://news.example/a', selector: [{ type: 'TextQuoteSelector', exact: { toString: 'x' } }] } }))],
    ['an annotation with a bad date', file(annotation({ created: 'yesterday' }))],
  ])('refuses %s with a HighlightImportError', (_name, text) => {
    expect(() => parseAnnotationImport(text)).toThrow(HighlightImportError);
  });
});
