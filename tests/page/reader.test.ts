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
});
