import type { HighlightRecord, PageInfo } from '../../lib/highlights/types';
import { pageKeyFor } from '../../lib/highlights/record';

export const ACLU_PAGE: PageInfo = {
  url: 'https://www.aclu.org/blog/privacy-technology/internet-privacy/facebook-tracking-me-even-though-im-not-facebook?utm_source=x#main',
  canonicalUrl: 'https://www.aclu.org/blog/privacy-technology/internet-privacy/facebook-tracking-me-even-though-im-not-facebook',
  title: 'Facebook Is Tracking Me Even Though I’m Not on Facebook',
  authors: ['Daniel Kahn Gillmor'],
  site: 'American Civil Liberties Union',
  published: '2018-04-05T06:00',
};

let counter = 0;

/** A highlight record with sensible defaults; `overrides` replace fields (page fields merge). */
export function makeRecord(overrides: Partial<Omit<HighlightRecord, 'page'>> & { page?: Partial<PageInfo>; exact?: string } = {}): HighlightRecord {
  counter++;
  const page = { ...ACLU_PAGE, ...overrides.page };
  const exact = overrides.exact ?? `Passage number ${counter}`;
  const { exact: _exact, page: _page, ...rest } = overrides;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    pageKey: pageKeyFor(page),
    page,
    selectors: {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'before ', suffix: ' after' },
      position: { type: 'TextPositionSelector', start: counter * 100, end: counter * 100 + exact.length },
    },
    note: '',
    tags: [],
    colour: 'yellow',
    created: '2024-05-01T10:00:00.000Z',
    modified: '2024-05-01T10:00:00.000Z',
    ...rest,
  };
}
