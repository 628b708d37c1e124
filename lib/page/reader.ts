import type { ExtractResponse } from '../messages';

// Kept apart from the page script so that the one-line script which calls it stays small.
// The reader lives in the extension's isolated world, which the page cannot see.
const READER = Symbol.for('backstory.page-reader');

interface Reader {
  /** Whether the page script was installed since the last read (the panel then adds the highlight colours). */
  fresh: boolean;
  read(): ExtractResponse;
}

/** What the panel's injection returns: the article, read by the page script injected just before; null if there is none. */
export type InjectedRead = { fresh: boolean; response: ExtractResponse } | null;

/** Called by the page script when it installs itself. */
export function installReader(read: () => ExtractResponse): void {
  (globalThis as Record<symbol, Reader>)[READER] = { fresh: true, read };
}

/**
 * Reads the article with the page script installed in this page. Injected
 * right after the page script, in the same call, so that the panel gets the
 * article in one round trip. Both go in as soon as the tab has a document:
 * one still being parsed is read when it has been (DOMContentLoaded), not
 * when the browser would have run the scripts on its own (up to 200 ms
 * later, or at the page's load).
 */
export function readInstalled(): InjectedRead | Promise<InjectedRead> {
  const reader = (globalThis as Record<symbol, Reader | undefined>)[READER];
  if (!reader) return null;
  const fresh = reader.fresh;
  reader.fresh = false;
  if (document.readyState !== 'loading') return { fresh, response: reader.read() };
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve({ fresh, response: reader.read() }), { once: true }));
}
