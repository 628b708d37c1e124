// @vitest-environment node
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runPageScript } from '../../lib/page/script';

describe('the page script’s change watcher', () => {
  // The page the script goes into as soon as the tab has it: still being parsed, its title not reached yet
  // (vitest's jsdom environment cannot load the page script's imports, so the globals are set here).
  const { window } = new JSDOM('<!doctype html><body><p>Negotiators met in Geneva.</p>', { url: 'https://news.example/talks' });
  const { document } = window;
  const globals = { document, location: window.location, MutationObserver: window.MutationObserver, addEventListener: window.addEventListener.bind(window) };
  const events: unknown[] = [];

  beforeAll(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fakeBrowser.reset();
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => void events.push(message));
    Object.assign(globalThis, globals);
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    runPageScript();
  });
  afterAll(() => {
    for (const name of Object.keys(globals)) delete (globalThis as Record<string, unknown>)[name];
    vi.useRealTimers();
    window.close();
  });

  /** Lets the mutation observer see what changed, then the watcher's pause pass. */
  const settle = async () => {
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    vi.advanceTimersByTime(500);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
  };

  it('stays quiet while the page is parsed, though its title arrives and elements are added', async () => {
    document.title = 'Talks resume in Geneva';
    document.body.append(document.createElement('p'));
    await settle();
    expect(events).toEqual([]);
  });

  it('tells the panel once the parsed page moves to another article', async () => {
    delete (document as unknown as Record<string, unknown>).readyState;
    document.dispatchEvent(new window.Event('DOMContentLoaded'));
    window.history.pushState({}, '', '/world/next-story');
    document.title = 'The next story';
    await settle();
    expect(events).toEqual([{ backstory: 1, event: 'pageChanged', data: { url: 'https://news.example/world/next-story', title: 'The next story' } }]);
  });
});
