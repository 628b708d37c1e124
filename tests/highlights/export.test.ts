import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dateParts, escapeBibtex, splitPersonName, toBibtex, toCslJson, toRis } from '../../lib/highlights/citations';
import { CSV_COLUMNS, csvCell, exportHighlights, toCsv, toMarkdown } from '../../lib/highlights/export';
import { ANNOTATION_CONTEXT, toAnnotationCollection } from '../../lib/highlights/web-annotation';
import { ACLU_PAGE, makeRecord } from './fixtures';

const TRICKY = 'He said, "it\'s 100% done" — cost: $5 & {more} #1 a_b ~x^2 \\o/\nnew line';
const records = [
  makeRecord({ exact: 'Facebook tracks people who never signed up', note: TRICKY, tags: ['privacy', 'ad tech'], colour: 'green', created: '2024-05-01T09:00:00.000Z' }),
  makeRecord({ exact: '=HYPERLINK("http://evil")', created: '2024-05-02T09:00:00.000Z' }),
  makeRecord({
    exact: 'A second page',
    page: { url: 'https://news.example/storm', canonicalUrl: null, title: 'Storm {update} & 50% off_', authors: ['Associated Press', 'Ludwig van Beethoven'], site: 'News & Co', published: null },
  }),
];

/** A small BibTeX reader for the tests: entries with brace-delimited fields. */
function parseBibtex(text: string) {
  const entries: Array<{ type: string; key: string; fields: Record<string, string> }> = [];
  const entry = /@(\w+)\{([^,]+),/g;
  for (let m = entry.exec(text); m; m = entry.exec(text)) {
    const fields: Record<string, string> = {};
    let i = entry.lastIndex;
    for (;;) {
      const field = /\s*(\w+)\s*=\s*\{/y;
      field.lastIndex = i;
      const f = field.exec(text);
      if (!f) break;
      let depth = 1;
      let j = field.lastIndex;
      for (; depth > 0; j++) {
        if (text[j] === '\\') j++;
        else if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      fields[f[1]] = text.slice(field.lastIndex, j - 1);
      i = j;
      if (text[i] === ',') i++;
    }
    expect(text.slice(i).trimStart()[0]).toBe('}');
    entries.push({ type: m[1], key: m[2], fields });
  }
  return entries;
}

/** RIS records as lists of [tag, value], checking every line's "TG  - " shape. */
function parseRis(text: string) {
  const records: Array<Array<[string, string]>> = [];
  let current: Array<[string, string]> = [];
  for (const line of text.split('\r\n')) {
    if (!line) continue;
    const m = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    expect(m, `RIS line "${line}"`).not.toBeNull();
    current.push([m![1], m![2]]);
    if (m![1] === 'ER') {
      records.push(current);
      current = [];
    }
  }
  expect(current).toEqual([]);
  return records;
}

describe('CSV export', () => {
  it('parses back to the same values with papaparse (RFC 4180)', () => {
    const csv = toCsv(records);
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS]);
    expect(parsed.data[0]).toMatchObject({
      id: records[0].id,
      quote: records[0].selectors.quote.exact,
      note: TRICKY,
      tags: 'privacy; ad tech',
      colour: 'green',
      url: ACLU_PAGE.url,
      authors: 'Daniel Kahn Gillmor',
      start: String(records[0].selectors.position!.start),
    });
  });

  it('quotes only cells that need it and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    const parsed = Papa.parse<Record<string, string>>(toCsv(records), { header: true, skipEmptyLines: true });
    expect(parsed.data[1].quote).toBe(`'${records[1].selectors.quote.exact}`);
  });
});

describe('Markdown export', () => {
  it('has a heading and citation line per page, quotes as blockquotes, then notes and tags', () => {
    const md = toMarkdown(records, new Date('2024-06-01T00:00:00Z'));
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Backstory highlights');
    expect(lines.filter((l) => l.startsWith('## '))).toHaveLength(2);
    expect(md).toContain('> Facebook tracks people who never signed up');
    expect(md).toContain('Daniel Kahn Gillmor, “Facebook Is Tracking Me Even Though I’m Not on Facebook”, American Civil Liberties Union, 2018-04-05.');
    expect(md).toContain(`<${ACLU_PAGE.canonicalUrl}> (saved 2024-05-01)`);
    expect(md).toContain('Tags: privacy, ad tech');
    // Page text cannot become a link or HTML.
    expect(md).toContain('Storm {update} & 50% off\\_');
    expect(toMarkdown([makeRecord({ exact: '<img src=x onerror=alert(1)> [x](javascript:y)' })])).toContain('> \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:y)');
  });
});

describe('Web Annotation JSON export', () => {
  it('is an AnnotationCollection of Annotations with quote and position selectors, note and tag bodies', () => {
    const collection = JSON.parse(exportHighlights(records, 'json').text);
    expect(collection['@context'][0]).toBe(ANNOTATION_CONTEXT);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', startIndex: 0 } });
    const [first] = collection.first.items;
    expect(first).toMatchObject({
      id: `urn:uuid:${records[0].id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: records[0].created,
      modified: records[0].modified,
      target: {
        source: ACLU_PAGE.url,
        selector: [
          { type: 'TextQuoteSelector', exact: records[0].selectors.quote.exact, prefix: 'before ', suffix: ' after' },
          { type: 'TextPositionSelector', start: records[0].selectors.position!.start, end: records[0].selectors.position!.end },
        ],
      },
      'backstory:highlight': { colour: 'green', pageKey: records[0].pageKey },
    });
    expect(first.body).toEqual([
      { type: 'TextualBody', value: TRICKY, format: 'text/plain', purpose: 'commenting' },
      { type: 'TextualBody', value: 'privacy', purpose: 'tagging' },
      { type: 'TextualBody', value: 'ad tech', purpose: 'tagging' },
    ]);
    expect(collection.first.items[1].motivation).toBe('highlighting');
    expect(collection.first.items[1].body).toBeUndefined();
  });

  it('declares the backstory: prefix it uses in its @context', () => {
    const context = toAnnotationCollection(records)['@context'];
    expect(context[1].backstory).toMatch(/^urn:|^https?:/);
  });
});

describe('BibTeX export', () => {
  it('writes one @online entry per page with escaped fields', () => {
    const entries = parseBibtex(toBibtex(records));
    expect(entries).toHaveLength(2);
    const aclu = entries.find((e) => e.fields.url === ACLU_PAGE.canonicalUrl)!;
    expect(aclu.type).toBe('online');
    expect(aclu.key).toBe('gillmor2018facebook');
    expect(aclu.fields).toEqual({
      title: '{Facebook Is Tracking Me Even Though I’m Not on Facebook}',
      author: 'Gillmor, Daniel Kahn',
      date: '2018-04-05',
      organization: 'American Civil Liberties Union',
      url: ACLU_PAGE.canonicalUrl,
      urldate: '2024-05-01',
    });
    const storm = entries.find((e) => e.fields.url === 'https://news.example/storm')!;
    expect(storm.fields.title).toBe('{Storm \\{update\\} \\& 50\\% off\\_}');
    expect(storm.fields.author).toBe('{Associated Press} and van Beethoven, Ludwig');
    expect(storm.fields.organization).toBe('News \\& Co');
    expect(storm.fields.date).toBeUndefined();
  });

  it('escapes every BibTeX special character', () => {
    expect(escapeBibtex('& % $ # _ { } ~ ^ \\')).toBe('\\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{}');
  });
});

describe('RIS export', () => {
  it('writes TY, TI, AU, PY, DA, T2, UR, Y2 and ER for each page', () => {
    const ris = parseRis(toRis(records));
    expect(ris).toHaveLength(2);
    const url = (r: Array<[string, string]>) => r.find(([tag]) => tag === 'UR')![1];
    const aclu = ris.find((r) => url(r) === ACLU_PAGE.canonicalUrl)!;
    const storm = ris.find((r) => url(r) === 'https://news.example/storm')!;
    expect(aclu).toEqual([
      ['TY', 'NEWS'],
      ['TI', 'Facebook Is Tracking Me Even Though I’m Not on Facebook'],
      ['AU', 'Gillmor, Daniel Kahn'],
      ['PY', '2018'],
      ['DA', '2018/04/05/'],
      ['T2', 'American Civil Liberties Union'],
      ['UR', ACLU_PAGE.canonicalUrl],
      ['Y2', '2024/05/01/'],
      ['ER', ''],
    ]);
    expect(storm[0]).toEqual(['TY', 'ELEC']);
    expect(storm.filter(([t]) => t === 'AU')).toEqual([
      ['AU', 'Associated Press'],
      ['AU', 'van Beethoven, Ludwig'],
    ]);
  });
});

describe('CSL-JSON export', () => {
  it('writes citeproc items with title, authors, issued and accessed dates, URL and container title', () => {
    const items = JSON.parse(exportHighlights(records, 'csl-json').text);
    const aclu = items.find((i: { URL: string }) => i.URL === ACLU_PAGE.canonicalUrl);
    expect(aclu).toEqual({
      id: 'gillmor2018facebook',
      type: 'article-newspaper',
      title: ACLU_PAGE.title,
      author: [{ family: 'Gillmor', given: 'Daniel Kahn' }],
      issued: { 'date-parts': [[2018, 4, 5]] },
      accessed: { 'date-parts': [[2024, 5, 1]] },
      URL: ACLU_PAGE.canonicalUrl,
      'container-title': 'American Civil Liberties Union',
    });
    const storm = toCslJson(records).find((i) => i.URL === 'https://news.example/storm')!;
    expect(storm.type).toBe('webpage');
    expect(storm.author).toEqual([{ literal: 'Associated Press' }, { family: 'van Beethoven', given: 'Ludwig' }]);
    expect(storm.issued).toBeUndefined();
  });
});

describe('citation helpers', () => {
  it('read dates and names', () => {
    expect(dateParts('2021-11-01T10:52:50+0100')).toEqual([2021, 11, 1]);
    expect(dateParts('2019-03')).toEqual([2019, 3]);
    expect(dateParts('not a date')).toBeNull();
    expect(splitPersonName('Madonna')).toEqual({ literal: 'Madonna' });
    expect(splitPersonName('Reuters Staff')).toEqual({ literal: 'Reuters Staff' });
  });
});

describe('exportHighlights', () => {
  it('names the file by format and date', () => {
    const now = new Date('2024-06-01T12:00:00Z');
    expect(exportHighlights(records, 'markdown', now).filename).toBe('backstory-highlights-2024-06-01.md');
    expect(exportHighlights(records, 'bibtex', now)).toMatchObject({ filename: 'backstory-highlights-2024-06-01.bib', mime: expect.stringContaining('bibtex') });
  });
});

describe('Markdown export of odd addresses', () => {
  it('keeps an address inside its autolink and writes other schemes as text', () => {
    const sneaky = makeRecord({ page: { url: 'https://a.example/x> <img src=y>', canonicalUrl: null } });
    expect(toMarkdown([sneaky])).toContain('<https://a.example/x%3E%20%3Cimg%20src=y%3E>');
    const local = makeRecord({ page: { url: 'file:///home/me/<notes>.html', canonicalUrl: null } });
    expect(toMarkdown([local])).toContain('file:///home/me/\\<notes\\>.html (saved');
  });
});
