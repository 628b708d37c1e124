// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtractResponse } from '../../lib/messages';
import { installReader, readInstalled } from '../../lib/page/reader';

const READER = Symbol.for('backstory.page-reader');
const noArticle: ExtractResponse = { ok: false, reason: 'no-article', message: 'none here' };

describe('the read injected after the page script', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[READER];
  });

  it('is null where no page script installed itself', () => {
    expect(readInstalled()).toBeNull();
  });

  it('reads through the installed script each time, and says it is fresh only the first time', () => {
    let reads = 0;
    installReader(() => (reads++, noArticle));
    expect(readInstalled()).toEqual({ fresh: true, response: noArticle });
    expect(readInstalled()).toEqual({ fresh: false, response: noArticle });
    expect(reads).toBe(2);
  });

  it('waits for a document still being parsed, and reads it once it has been', async () => {
    let reads = 0;
    installReader(() => (reads++, noArticle));
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      const read = readInstalled();
      expect(read).toBeInstanceOf(Promise);
      await Promise.resolve();
      expect(reads).toBe(0);
      document.dispatchEvent(new Event('DOMContentLoaded'));
      expect(await read).toEqual({ fresh: true, response: noArticle });
      expect(reads).toBe(1);
    } finally {
      delete (document as unknown as Record<string, unknown>).readyState;
    }
  });
});
