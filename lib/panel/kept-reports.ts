import { browser } from 'wxt/browser';
import type { ExtractedArticle } from '../extract/article';
import { REPORT_VERSION, type Report } from '../report';

/** A tab's last report, with the article it was made from, as the panel showed it. */
export interface KeptReport {
  url: string;
  report: Report;
  article: ExtractedArticle;
  readerable: boolean;
}

/** How many tabs' reports are kept, to show at once when the reader comes back to one or opens the panel again. */
export const KEEP_TABS = 10;
/**
 * Articles longer than this (text and HTML, in characters) are kept only while the panel is open:
 * ten of them stay well inside Chrome's 10 MB for `storage.session`.
 */
export const KEEP_AT_MOST_CHARS = 500_000;

// The shape of what is stored: a new shape bumps it, and entries of another version are not used.
const VERSION = 1;
const INDEX_KEY = 'kept-reports';
const entryKey = (tabId: number) => `kept-report:${tabId}`;

interface StoredEntry extends KeptReport {
  version: typeof VERSION;
  reportVersion: typeof REPORT_VERSION;
}

type Area = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'>;

/**
 * The reports of the last few tabs the panel read, by tab: in memory while the
 * panel is open, and in `storage.session` (the browser's memory, never written
 * to disk, cleared when the browser closes) for the panel's next opening.
 * Incognito tabs' reports are kept in memory only. Storage is a convenience
 * here: when it fails, nothing is kept there and nothing else changes.
 */
export class KeptReports {
  private readonly memory = new Map<number, KeptReport>();
  // Writes one after another, so that two never rewrite the index from the same old copy.
  private writes: Promise<unknown> = Promise.resolve();

  // Which tabs have a stored report, asked for as the panel starts, alongside its question of which tab it is in:
  // a tab with none (a first opening) then costs the panel no wait for storage.
  private readonly stored: Promise<number[]>;

  constructor(private readonly area: Area | null = browser.storage?.session ?? null) {
    this.stored = area ? readIndex(area).catch(() => []) : Promise.resolve([]);
  }

  /** The report kept for `tabId`, if it was made from the page at `url`. */
  async get(tabId: number, url: string | undefined): Promise<KeptReport | null> {
    if (!url) return null;
    const held = this.memory.get(tabId);
    if (held) return held.url === url ? held : null;
    if (!this.area || !(await this.stored).includes(tabId)) return null;
    try {
      const key = entryKey(tabId);
      const entry = (await this.area.get(key))[key] as StoredEntry | undefined;
      if (entry?.version !== VERSION || entry.reportVersion !== REPORT_VERSION || entry.url !== url) return null;
      return { url: entry.url, report: entry.report, article: entry.article, readerable: entry.readerable };
    } catch {
      return null;
    }
  }

  /** Keeps `kept` as `tabId`'s newest report; the oldest tab's goes past KEEP_TABS. */
  keep(tabId: number, kept: KeptReport, { incognito = false } = {}): Promise<void> {
    this.memory.delete(tabId);
    this.memory.set(tabId, kept);
    if (this.memory.size > KEEP_TABS) this.memory.delete(this.memory.keys().next().value!);
    const { article } = kept;
    const stored = !incognito && article.text.length + article.contentHtml.length <= KEEP_AT_MOST_CHARS;
    const task = this.writes.then(() => this.store(tabId, stored ? { ...kept, version: VERSION, reportVersion: REPORT_VERSION } : null));
    this.writes = task;
    return task;
  }

  private async store(tabId: number, entry: StoredEntry | null): Promise<void> {
    const area = this.area;
    if (!area) return;
    try {
      const tabs = (await readIndex(area)).filter((id) => id !== tabId);
      if (entry) tabs.push(tabId);
      const dropped = tabs.splice(0, Math.max(0, tabs.length - KEEP_TABS));
      // A tab whose new report is not stored loses its old one: it no longer describes the page.
      await area.remove([...dropped, ...(entry ? [] : [tabId])].map(entryKey));
      await area.set(entry ? { [INDEX_KEY]: tabs, [entryKey(tabId)]: entry } : { [INDEX_KEY]: tabs });
    } catch {
      // A full or missing storage area: this report stays in memory only.
    }
  }
}

/** The tabs whose reports are stored, oldest first. */
async function readIndex(area: Area): Promise<number[]> {
  const listed = (await area.get(INDEX_KEY))[INDEX_KEY];
  return Array.isArray(listed) ? listed.filter((id): id is number => typeof id === 'number') : [];
}
