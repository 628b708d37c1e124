import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightStoreError, MIGRATIONS, openHighlightStore, type HighlightStore } from '../../lib/highlights/store';
import { makeRecord } from './fixtures';

let name: string;
let store: HighlightStore | undefined;
let n = 0;

beforeEach(() => {
  // A fresh database per test: fake-indexeddb keeps databases for the life of the process.
  name = `highlights-test-${++n}`;
});
afterEach(() => {
  store?.close();
  store = undefined;
  vi.restoreAllMocks();
});

/** Makes every IDBObjectStore.put throw, as a browser does when the disk quota is used up. */
function fillTheDisk(after = 0) {
  let calls = 0;
  const original = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (calls++ >= after) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  });
}

describe('openHighlightStore', () => {
  it('saves, lists by page, updates and removes highlights', async () => {
    store = await openHighlightStore({ name });
    const a = makeRecord();
    const b = makeRecord({ page: { url: 'https://example.org/other', canonicalUrl: null } });
    await store.save(a);
    await store.save(b);
    expect((await store.list()).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    expect((await store.listPage(a.pageKey)).map((r) => r.id)).toEqual([a.id]);

    const edited = await store.update(a.id, { note: 'Check this figure', tags: ['#budget', 'budget', ' housing '], colour: 'blue' }, new Date('2024-06-01T00:00:00Z'));
    expect(edited).toMatchObject({ note: 'Check this figure', tags: ['budget', 'housing'], colour: 'blue', modified: '2024-06-01T00:00:00.000Z' });
    expect(await store.get(a.id)).toEqual(edited);

    const removed = await store.remove(a.id);
    expect(removed).toEqual(edited);
    expect(await store.get(a.id)).toBeUndefined();
    // Undo: saving the removed record back restores it as it was.
    await store.save(removed!);
    expect(await store.get(a.id)).toEqual(edited);
  });

  it('says clearly when a highlight to edit is gone', async () => {
    store = await openHighlightStore({ name });
    await expect(store.update('missing', { note: 'x' })).rejects.toMatchObject({ name: 'HighlightStoreError', kind: 'missing' });
  });

  it('imports in one transaction: new ids are added, newer edits replace older ones, nothing is duplicated', async () => {
    store = await openHighlightStore({ name });
    const kept = makeRecord({ note: 'mine', modified: '2024-07-01T00:00:00.000Z' });
    const older = makeRecord({ note: 'old', modified: '2024-01-01T00:00:00.000Z' });
    await store.save(kept);
    await store.save(older);
    const fresh = makeRecord();
    const summary = await store.saveMany([
      { ...kept, note: 'stale copy', modified: '2024-02-01T00:00:00.000Z' },
      { ...older, note: 'newer copy', modified: '2024-03-01T00:00:00.000Z' },
      fresh,
    ]);
    expect(summary).toEqual({ added: 1, updated: 1, unchanged: 1 });
    expect((await store.get(kept.id))!.note).toBe('mine');
    expect((await store.get(older.id))!.note).toBe('newer copy');
    expect(await store.list()).toHaveLength(3);
    expect(await store.saveMany([fresh])).toEqual({ added: 0, updated: 0, unchanged: 1 });
    expect(await store.list()).toHaveLength(3);
  });
});

describe('storage errors', () => {
  it('turns a full disk into a quota error and keeps what was saved before', async () => {
    store = await openHighlightStore({ name });
    const first = makeRecord();
    await store.save(first);
    fillTheDisk();
    const error = await store.save(makeRecord()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HighlightStoreError);
    expect(error).toMatchObject({ kind: 'quota' });
    expect((error as Error).message).toMatch(/no room left.*earlier highlights are safe/);
    vi.restoreAllMocks();
    expect(await store.list()).toEqual([first]);
  });

  it('writes nothing of an import that fails part-way', async () => {
    store = await openHighlightStore({ name });
    const first = makeRecord();
    await store.save(first);
    fillTheDisk(2);
    await expect(store.saveMany([makeRecord(), makeRecord(), makeRecord()])).rejects.toMatchObject({ kind: 'quota' });
    vi.restoreAllMocks();
    expect(await store.list()).toEqual([first]);
  });

  it('reports other write failures as write errors', async () => {
    store = await openHighlightStore({ name });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('Disk I/O failed', 'UnknownError');
    });
    await expect(store.save(makeRecord())).rejects.toMatchObject({ kind: 'write', message: expect.stringContaining('Disk I/O failed') });
  });
});

describe('migrations', () => {
  it('opens a version 1 database with data and upgrades it to a later version without loss', async () => {
    // A database as version 1 of Backstory left it, written without the store module.
    const v1 = await openDB(name, 1, { upgrade: (db, _old, _new, tx) => void MIGRATIONS[0](db, tx) });
    const saved = [makeRecord({ note: 'first' }), makeRecord({ tags: ['a'] })];
    for (const record of saved) await v1.put('highlights', record);
    v1.close();

    // A rehearsed version 2: a new index and a field filled in on every record.
    const v2 = [
      ...MIGRATIONS,
      (_db: unknown, tx: Parameters<(typeof MIGRATIONS)[0]>[1]) => {
        const highlights = tx.objectStore('highlights');
        highlights.createIndex('byColour', 'colour');
        void highlights.openCursor().then(function step(cursor): Promise<void> | undefined {
          if (!cursor) return;
          void cursor.update({ ...cursor.value, reviewed: false });
          return cursor.continue().then(step);
        });
      },
    ];
    store = await openHighlightStore({ name, migrations: v2 });
    const after = await store.list();
    expect(after).toEqual(saved.map((r) => ({ ...r, reviewed: false })));
    store.close();
    const raw = await openDB(name);
    expect(raw.version).toBe(2);
    expect([...raw.transaction('highlights').store.indexNames]).toEqual(['byColour', 'byPage']);
    raw.close();
  });

  it('creates the current schema on first use', async () => {
    store = await openHighlightStore({ name });
    store.close();
    const raw = await openDB(name);
    expect(raw.version).toBe(MIGRATIONS.length);
    expect([...raw.objectStoreNames]).toEqual(['highlights']);
    raw.close();
  });
});
