import { browser } from 'wxt/browser';
import type { ArticleText } from '../extract/article';
import { REPORT_VERSION, type Report } from '../report';

/** A page's last report, with the article it was made from, as the panel showed it. */
export interface KeptReport {
  report: Report;
  article: ArticleText;
  readerable: boolean;
}

/** How many pages' reports are kept, to show at once when the reader comes back to one or opens the panel again. */
export const KEEP_PAGES = 10;
/**
 * Articles longer than this (in characters) are kept only while the panel is open: ten of them,
 * with their reports, stay inside Chrome's 10 MB for `storage.session` even in a three-byte script.
 */
export const KEEP_AT_MOST_CHARS = 100_000;

// The shape of what is stored: a new shape bumps it, and entries of another version are not used.
const VERSION = 1;
const INDEX_KEY = 'kept-reports';
const entryKey = (url: string) => `kept-report:${url}`;
// A link to a part of the page (#fragment) is the same page.
const pageOf = (address: string) => address.split('#', 1)[0];

interface StoredEntry extends KeptReport {
  version: typeof VERSION;
  reportVersion: typeof REPORT_VERSION;
}

type Area = Pick<typeof browser.storage.session, 'get' | 'set' | 'remove'>;

/**
 * The reports of the last few pages the panel read, by address: in memory
 * while the panel is open, and in `storage.session` (the browser's memory,
 * never written to disk, cleared when the browser closes) for the panel's next
 * opening. A private window's pages are kept in memory only, and shown none
 * of the stored ones. Storage is a convenience here: when it fails, nothing is
 * kept there and nothing else changes.
 */
export class KeptReports {
  private readonly memory = new Map<string, KeptReport>();
  // Writes one after another, so that two never rewrite the index from the same old copy.
  private writes: Promise<unknown> = Promise.resolve();

  // Which pages have a stored report, asked for as the panel starts, alongside its question of which tab it is in:
  // a page with none (a first opening) then costs the panel no wait for storage.
  private readonly stored: Promise<string[]>;

  constructor(private readonly area: Area | null = browser.storage?.session ?? null) {
    this.stored = area ? readIndex(area).catch(() => []) : Promise.resolve([]);
  }

  /** The report kept for the page at `address` (whatever its #fragment). */
  async get(address: string | undefined, { incognito = false } = {}): Promise<KeptReport | null> {
    if (!address) return null;
    const url = pageOf(address);
    const held = this.memory.get(url);
    if (held || incognito || !this.area || !(await this.stored).includes(url)) return held ?? null;
    try {
      const key = entryKey(url);
      const entry = (await this.area.get(key))[key] as StoredEntry | undefined;
      if (entry?.version !== VERSION || entry.reportVersion !== REPORT_VERSION) return null;
      return { report: entry.report, article: entry.article, readerable: entry.readerable };
    } catch {
      return null;
    }
  }

  /** Keeps `kept` as the newest report, the page at `address`'s; the oldest page's goes past KEEP_PAGES. */
  keep(address: string, kept: KeptReport, { incognito = false } = {}): Promise<void> {
    const url = pageOf(address);
    this.memory.delete(url);
    this.memory.set(url, kept);
    if (this.memory.size > KEEP_PAGES) this.memory.delete(this.memory.keys().next().value!);
    const stored = !incognito && kept.article.text.length <= KEEP_AT_MOST_CHARS;
    const task = this.writes.then(() => this.store(url, stored ? { ...kept, version: VERSION, reportVersion: REPORT_VERSION } : null));
    this.writes = task;
    return task;
  }

  private async store(url: string, entry: StoredEntry | null): Promise<void> {
    const area = this.area;
    if (!area) return;
    try {
      const pages = (await readIndex(area)).filter((listed) => listed !== url);
      if (entry) pages.push(url);
      const dropped = pages.splice(0, Math.max(0, pages.length - KEEP_PAGES));
      // A page whose new report is not stored loses its old one: it no longer describes the page.
      const gone = [...dropped, ...(entry ? [] : [url])];
      if (gone.length) await area.remove(gone.map(entryKey));
      await area.set(entry ? { [INDEX_KEY]: pages, [entryKey(url)]: entry } : { [INDEX_KEY]: pages });
    } catch {
      // A full or missing storage area: this report stays in memory only.
    }
  }
}

/** The pages whose reports are stored, oldest first. */
async function readIndex(area: Area): Promise<string[]> {
  const listed = (await area.get(INDEX_KEY))[INDEX_KEY];
  return Array.isArray(listed) ? listed.filter((url): url is string => typeof url === 'string') : [];
}
