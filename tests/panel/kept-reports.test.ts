import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtractedArticle } from '../../lib/extract/article';
import { KEEP_AT_MOST_CHARS, KEEP_TABS, KeptReports, type KeptReport } from '../../lib/panel/kept-reports';
import type { Report } from '../../lib/report';

const URL_A = 'https://news.example/story';

function kept(title: string, url = URL_A, text = `${title}\n\nA story.`): KeptReport {
  const article = { info: { title }, contentHtml: '<p>A story.</p>', text, ledeEnd: text.length, bodyEnd: text.length } as ExtractedArticle;
  return { url, report: { version: 1, article: { title } } as Report, article, readerable: true };
}

describe('KeptReports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a tab’s report back to the next panel, for the same address only', async () => {
    await new KeptReports().keep(5, kept('Talks'));
    const next = new KeptReports();
    expect((await next.get(5, URL_A))?.report.article.title).toBe('Talks');
    expect(await next.get(5, 'https://news.example/other-story')).toBeNull();
    expect(await next.get(6, URL_A)).toBeNull();
    expect(await next.get(5, undefined)).toBeNull();
  });

  it('keeps the last ten tabs’ reports, the newest replacing a tab’s older one', async () => {
    const reports = new KeptReports();
    for (let tab = 1; tab <= KEEP_TABS + 1; tab++) await reports.keep(tab, kept(`Story ${tab}`));
    await reports.keep(2, kept('Story 2, updated'));
    for (const panel of [reports, new KeptReports()]) {
      expect(await panel.get(1, URL_A)).toBeNull();
      expect((await panel.get(2, URL_A))?.report.article.title).toBe('Story 2, updated');
      expect((await panel.get(KEEP_TABS + 1, URL_A))?.report.article.title).toBe(`Story ${KEEP_TABS + 1}`);
    }
    const stored = await fakeBrowser.storage.session.get(null);
    expect(Object.keys(stored).filter((key) => key.startsWith('kept-report:'))).toHaveLength(KEEP_TABS);
  });

  it('keeps long articles and private tabs’ reports only while the panel is open', async () => {
    const reports = new KeptReports();
    await reports.keep(5, kept('Private', URL_A), { incognito: true });
    await reports.keep(6, kept('Long', URL_A, 'x'.repeat(KEEP_AT_MOST_CHARS)));
    expect((await reports.get(5, URL_A))?.report.article.title).toBe('Private');
    expect((await reports.get(6, URL_A))?.report.article.title).toBe('Long');
    expect(await new KeptReports().get(5, URL_A)).toBeNull();
    expect(await new KeptReports().get(6, URL_A)).toBeNull();
  });

  it('forgets a tab’s stored report when its newer one cannot be stored', async () => {
    const reports = new KeptReports();
    await reports.keep(5, kept('Before'));
    await reports.keep(5, kept('After, private'), { incognito: true });
    expect(await new KeptReports().get(5, URL_A)).toBeNull();
  });

  it('goes on in memory when storage is full or missing', async () => {
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const reports = new KeptReports();
    await expect(reports.keep(5, kept('Talks'))).resolves.toBeUndefined();
    expect((await reports.get(5, URL_A))?.report.article.title).toBe('Talks');
    expect(await new KeptReports().get(5, URL_A)).toBeNull();
    vi.restoreAllMocks();

    const none = new KeptReports(null);
    await none.keep(5, kept('Talks'));
    expect((await none.get(5, URL_A))?.report.article.title).toBe('Talks');
  });

  it('does not use a stored report of another shape', async () => {
    await new KeptReports().keep(5, kept('Talks'));
    const { ['kept-report:5']: entry } = await fakeBrowser.storage.session.get('kept-report:5');
    await fakeBrowser.storage.session.set({ 'kept-report:5': { ...(entry as object), version: 0 } });
    expect(await new KeptReports().get(5, URL_A)).toBeNull();
  });
});
