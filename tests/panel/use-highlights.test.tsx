// @vitest-environment node
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '../../lib/highlights';
import { useHighlights } from '../../lib/panel/use-highlights';

const record = { id: 'h1', pageKey: 'news.example/story', note: '', tags: [] } as unknown as HighlightRecord;
const page = vi.hoisted(() => ({ scriptIn: false, injected: 0 }));
vi.mock('../../lib/panel/page', () => ({
  // The page answers only once its script is in.
  askPage: async () => {
    if (!page.scriptIn) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { pageKey: 'news.example/story' };
  },
  injectPageScript: async () => {
    page.injected++;
    page.scriptIn = true;
    return { ok: true, read: null };
  },
}));
vi.mock('../../lib/panel/highlights', async (original) => ({
  ...(await original<typeof import('../../lib/panel/highlights')>()),
  highlightStore: async () => ({ list: async () => [record] }),
  paintPageHighlights: async () => ({ records: [record], anchored: [{ id: 'h1', start: 0 }], orphans: [] }),
}));

// vitest's jsdom environment cannot load the fake browser's imports, so the panel's document is set up here.
const { window } = new JSDOM('<!doctype html><body>');
let root: HTMLElement;
let highlights: ReturnType<typeof useHighlights>;

function Probe() {
  highlights = useHighlights(5, 'a reading');
  return null;
}

describe('the panel’s highlights of a page', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    Object.assign(page, { scriptIn: false, injected: 0 });
    Object.assign(globalThis, { document: window.document });
    root = window.document.createElement('div');
    window.document.body.appendChild(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    delete (globalThis as { document?: Document }).document;
  });

  it('puts the page script in and asks again when the page has none yet, without an error', async () => {
    // A report kept from before the page was reloaded is on screen while the new document is read.
    act(() => render(<Probe />, root));
    await vi.waitFor(() => expect(highlights.page).toHaveLength(1));
    expect(page.injected).toBe(1);
    expect(highlights.status).toBeNull();
  });
});
