import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleText } from '../../lib/extract/article';
import { KEEP_AT_MOST_CHARS, KEEP_PAGES, KeptReports, type KeptReport } from '../../lib/panel/kept-reports';
import type { Report } from '../../lib/report';

const STORY = 'https://news.example/story';
const page = (n: number) => `https://news.example/story-${n}`;

function kept(title: string, text = `${title}\n\nA story.`): KeptReport {
  const article = { info: { title }, text, ledeEnd: text.length, bodyEnd: text.length } as ArticleText;
  return { report: { version: 1, article: { title } } as Report, article, readerable: true };
}

const titleOf = async (reports: KeptReports, url: string | undefined, options?: { incognito: boolean }) =>
  (await reports.get(url, options))?.report.article.title ?? null;

describe('KeptReports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a page’s report back to the next panel, by its address', async () => {
    await new KeptReports().keep(STORY, kept('Talks'));
    const next = new KeptReports();
    expect(await titleOf(next, STORY)).toBe('Talks');
    expect(await titleOf(next, `${STORY}#comments`)).toBe('Talks');
    expect(await titleOf(next, 'https://news.example/other-story')).toBeNull();
    expect(await titleOf(next, `${STORY}?page=2`)).toBeNull();
    expect(await titleOf(next, undefined)).toBeNull();
  });

  it('keeps the last ten pages’ reports, the newest replacing a page’s older one', async () => {
    const reports = new KeptReports();
    for (let n = 1; n <= KEEP_PAGES + 1; n++) await reports.keep(page(n), kept(`Story ${n}`));
    await reports.keep(page(2), kept('Story 2, updated'));
    for (const panel of [reports, new KeptReports()]) {
      expect(await titleOf(panel, page(1))).toBeNull();
      expect(await titleOf(panel, page(2))).toBe('Story 2, updated');
      expect(await titleOf(panel, page(KEEP_PAGES + 1))).toBe(`Story ${KEEP_PAGES + 1}`);
    }
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored).filter((key) => key.startsWith('kept-report:'))).toHaveLength(KEEP_PAGES);
  });

  it('keeps long articles, and private windows’ reports, only while the panel is open', async () => {
    const reports = new KeptReports();
    await reports.keep(page(1), kept('Private'), { incognito: true });
    await reports.keep(page(2), kept('Long', 'x'.repeat(KEEP_AT_MOST_CHARS + 1)));
    expect(await titleOf(reports, page(1), { incognito: true })).toBe('Private');
    expect(await titleOf(reports, page(2))).toBe('Long');
    expect(await titleOf(new KeptReports(), page(1))).toBeNull();
    expect(await titleOf(new KeptReports(), page(2))).toBeNull();
  });

  it('shows a private window none of the stored reports', async () => {
    await new KeptReports().keep(STORY, kept('Talks'));
    expect(await titleOf(new KeptReports(), STORY, { incognito: true })).toBeNull();
  });

  it('forgets a page’s stored report when its newer one cannot be stored', async () => {
    const reports = new KeptReports();
    await reports.keep(STORY, kept('Before'));
    await reports.keep(STORY, kept('After', 'x'.repeat(KEEP_AT_MOST_CHARS + 1)));
    expect(await titleOf(new KeptReports(), STORY)).toBeNull();
  });

  it('goes on in memory when storage is full or missing', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const reports = new KeptReports();
    await expect(reports.keep(STORY, kept('Talks'))).resolves.toBeUndefined();
    expect(await titleOf(reports, STORY)).toBe('Talks');
    expect(await titleOf(new KeptReports(), STORY)).toBeNull();
    vi.restoreAllMocks();

    const none = new KeptReports(null);
    await none.keep(STORY, kept('Talks'));
    expect(await titleOf(none, STORY)).toBe('Talks');
  });

  it('does not use a stored report of another shape', async () => {
    await new KeptReports().keep(STORY, kept('Talks'));
    const key = `kept-report:${STORY}`;
    const { [key]: entry } = await fakeBrowser.storage.session.get(key);
    await fakeBrowser.storage.session.set({ [key]: { ...(entry as object), version: 0 } });
    expect(await titleOf(new KeptReports(), STORY)).toBeNull();
  });
});
