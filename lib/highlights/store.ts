import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import type { HighlightPatch, HighlightRecord } from './types';
import { normaliseTags } from './record';

/**
 * Saved highlights in IndexedDB. Open it from extension pages (the side
 * panel or the background worker), never from a content script: there
 * IndexedDB belongs to the web page's origin, not to Backstory.
 *
 * Every write is one transaction: it lands whole or not at all, and a failed
 * write (a full disk, say) leaves what was saved before untouched.
 */

export const DB_NAME = 'backstory-highlights';
const STORE = 'highlights';

// The migrations are untyped on purpose: each one sees the database as it was at its own version.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = IDBPDatabase<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type UpgradeTx = IDBPTransaction<any, string[], 'versionchange'>;

/**
 * MIGRATIONS[i] upgrades a database at version i to version i + 1; the
 * database's version is MIGRATIONS.length. To change the schema, append a
 * step (never edit a shipped one). A step that rewrites records walks
 * `tx.objectStore(...)` with a cursor; it must not await anything but IDB
 * requests, or the upgrade transaction closes under it.
 */
export const MIGRATIONS: Array<(db: AnyDb, tx: UpgradeTx) => void | Promise<void>> = [
  // v1: highlight records keyed by id, found by page.
  (db) => {
    const store = db.createObjectStore(STORE, { keyPath: 'id' });
    store.createIndex('byPage', 'pageKey');
  },
];

export type StoreErrorKind = 'quota' | 'write' | 'read' | 'missing' | 'unavailable';

/** A storage failure with a sentence the panel can show as it is. */
export class HighlightStoreError extends Error {
  readonly kind: StoreErrorKind;
  constructor(kind: StoreErrorKind, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'HighlightStoreError';
    this.kind = kind;
  }
}

const reasonOf = (error: unknown) => (error instanceof Error && error.message ? ` (${error.message})` : '');

/** Turns whatever IndexedDB threw into a HighlightStoreError saying what happened and what to do. */
export function toStoreError(error: unknown, doing: 'write' | 'read'): HighlightStoreError {
  if (error instanceof HighlightStoreError) return error;
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') {
    return new HighlightStoreError(
      'quota',
      'Your browser has no room left to save highlights. Your earlier highlights are safe. ' +
        'Export and delete some highlights, or free up disk space, then try again.',
      error,
    );
  }
  if (doing === 'read') {
    return new HighlightStoreError('read', `Backstory could not read your saved highlights${reasonOf(error)}. Try reopening the panel.`, error);
  }
  return new HighlightStoreError(
    'write',
    `Backstory could not save that change${reasonOf(error)}. Your earlier highlights are safe; please try again.`,
    error,
  );
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
}

/** The saved highlights, behind a small promise API. */
export interface HighlightStore {
  /** Every highlight. */
  list(): Promise<HighlightRecord[]>;
  /** One page's highlights (by `pageKey`). */
  listPage(pageKey: string): Promise<HighlightRecord[]>;
  get(id: string): Promise<HighlightRecord | undefined>;
  /** Adds a highlight or replaces the one with its id. */
  save(record: HighlightRecord): Promise<HighlightRecord>;
  /** Changes note, tags or colour and stamps `modified`. */
  update(id: string, patch: HighlightPatch, now?: Date): Promise<HighlightRecord>;
  /** Deletes a highlight and returns it, so the caller can offer Undo (`save` it back). */
  remove(id: string): Promise<HighlightRecord | undefined>;
  /**
   * Writes many records in one transaction (an import): new ids are added, a
   * known id is replaced only by a more recently modified record.
   */
  saveMany(records: HighlightRecord[]): Promise<ImportSummary>;
  close(): void;
}

/**
 * Opens (creating or upgrading as needed) the highlights database.
 * `migrations` is for tests that rehearse a future upgrade.
 */
export async function openHighlightStore(
  options: { name?: string; migrations?: typeof MIGRATIONS } = {},
): Promise<HighlightStore> {
  const migrations = options.migrations ?? MIGRATIONS;
  let db: AnyDb;
  try {
    db = await openDB(options.name ?? DB_NAME, migrations.length, {
      upgrade(database, oldVersion, _newVersion, tx) {
        for (let version = oldVersion; version < migrations.length; version++) void migrations[version](database, tx);
      },
    });
  } catch (error) {
    throw new HighlightStoreError(
      'unavailable',
      `Backstory cannot store highlights in this browser window${reasonOf(error)}. ` +
        'Storage may be turned off (some private windows do this).',
      error,
    );
  }

  const read = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw toStoreError(error, 'read');
    }
  };

  // One read-write transaction; if any step fails, it is aborted so nothing of it lands.
  const write = async <T>(fn: (store: ReturnType<typeof writeTx>['store']) => Promise<T>): Promise<T> => {
    let tx: ReturnType<typeof writeTx> | undefined;
    try {
      tx = writeTx();
      const [result] = await Promise.all([fn(tx.store), tx.done]);
      return result;
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already finished or aborted: nothing to undo.
      }
      throw toStoreError(error, 'write');
    }
  };
  const writeTx = () => db.transaction(STORE, 'readwrite');

  return {
    list: () => read(() => db.getAll(STORE)),
    listPage: (pageKey) => read(() => db.getAllFromIndex(STORE, 'byPage', pageKey)),
    get: (id) => read(() => db.get(STORE, id)),
    save: (record) =>
      write(async (store) => {
        await store.put(record);
        return record;
      }),
    update: (id, patch, now = new Date()) =>
      write(async (store) => {
        const current: HighlightRecord | undefined = await store.get(id);
        if (!current) {
          throw new HighlightStoreError('missing', 'This highlight no longer exists; it may have been deleted in another window.');
        }
        const next: HighlightRecord = {
          ...current,
          ...(patch.note !== undefined ? { note: patch.note } : {}),
          ...(patch.tags !== undefined ? { tags: normaliseTags(patch.tags) } : {}),
          ...(patch.colour !== undefined ? { colour: patch.colour } : {}),
          modified: now.toISOString(),
        };
        await store.put(next);
        return next;
      }),
    remove: (id) =>
      write(async (store) => {
        const current: HighlightRecord | undefined = await store.get(id);
        if (current) await store.delete(id);
        return current;
      }),
    saveMany: (records) =>
      write(async (store) => {
        const summary: ImportSummary = { added: 0, updated: 0, unchanged: 0 };
        for (const record of records) {
          const current: HighlightRecord | undefined = await store.get(record.id);
          if (!current) summary.added++;
          else if (record.modified > current.modified) summary.updated++;
          else {
            summary.unchanged++;
            continue;
          }
          await store.put(record);
        }
        return summary;
      }),
    close: () => db.close(),
  };
}
