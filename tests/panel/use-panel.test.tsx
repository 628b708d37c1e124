// @vitest-environment node
import { JSDOM } from 'jsdom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ArticleText } from '../../lib/extract/article';
import type { PendingRead, ReadOutcome } from '../../lib/panel/page';
import { WAITING_PORT } from '../../lib/panel/toolbar';
import { usePanel, type PanelState } from '../../lib/panel/use-panel';
import { fakePort, type FakePort } from './fake-port';

const reads = vi.hoisted(() => ({ outcomes: [] as Array<ReadOutcome | Promise<ReadOutcome>>, started: 0, analysed: 0, url: '' }));
vi.mock('../../lib/panel/page', async (original) => ({
  ...(await original<typeof import('../../lib/panel/page')>()),
  // Each read of tab 5 gives the next outcome the test lined up.
  startRead: (): PendingRead => {
    reads.started++;
    const outcome = reads.outcomes.shift() ?? { kind: 'failed', message: 'no more reads lined up' };
    return { target: Promise.resolve({ id: 5, url: reads.url }), outcome: Promise.resolve(outcome) };
  },
}));
vi.mock('../../lib/panel/analyze-client', () => ({
  prepareAnalysis: async () => undefined,
  analyze: async (article: ArticleText) => {
    reads.analysed++;
    return { article: { title: article.info.title } };
  },
}));

const noArticle: ReadOutcome = { kind: 'read', fresh: true, response: { ok: false, reason: 'no-article', message: 'No article.' } };

// vitest's jsdom environment cannot load the fake browser's imports, so the panel's document is set up here.
const { window } = new JSDOM('<!doctype html><body>');
let root: HTMLElement;
let state: PanelState;
let readAgain: () => Promise<void>;
let ports: FakePort[];

function Probe() {
  const panel = usePanel(null);
  state = panel.state;
  readAgain = panel.read;
  return null;
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('the Firefox sidebar waiting for leave to read its tab', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    reads.outcomes = [];
    reads.started = 0;
    reads.url = 'https://news.example/story';
    ports = [];
    Object.assign(globalThis, { document: window.document });
    root = window.document.createElement('div');
    window.document.body.appendChild(root);
    // The fake browser has no ports, and no answer for which tab or window a page is in: a sidebar is in no tab.
    vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
      const port = fakePort(info.name);
      ports.push(port);
      return port;
    }) as never);
    vi.spyOn(fakeBrowser.tabs, 'getCurrent').mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.windows, 'getCurrent').mockResolvedValue({ id: 9 } as never);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    delete (globalThis as { document?: Document }).document;
    vi.unstubAllEnvs();
  });

  it('tells the background its window, reads the tab when a press there is passed on, and then stops waiting', async () => {
    vi.stubEnv('FIREFOX', true as never);
    reads.outcomes = [{ kind: 'permission' }, noArticle];
    act(() => render(<Probe />, root));
    await settle();
    expect(state.kind).toBe('permission');
    // Its window is asked for once it waits.
    await vi.waitFor(() => expect(ports.map((port) => [port.name, port.posted])).toEqual([[WAITING_PORT, [{ windowId: 9 }]]]));

    ports[0].receive({ pressed: true });
    await settle();
    expect(reads.started).toBe(2);
    expect(state.kind).toBe('no-article');
    await vi.waitFor(() => expect(ports[0].disconnected).toBe(true));
    expect(ports).toHaveLength(1);
  });

  it('holds no port while it is not waiting, nor in Chrome, whose panel hears of every press', async () => {
    vi.stubEnv('FIREFOX', true as never);
    reads.outcomes = [noArticle];
    act(() => render(<Probe />, root));
    await settle();
    expect(state.kind).toBe('no-article');

    vi.unstubAllEnvs();
    reads.outcomes = [{ kind: 'permission' }];
    render(null, root);
    act(() => render(<Probe />, root));
    await settle();
    expect(state.kind).toBe('permission');
    await settle();
    expect(ports).toEqual([]);
  });
});

describe('a panel on a page it read before', () => {
  const story = (title: string, fresh = true): ReadOutcome => {
    const text = `${title}\n\nA story.`;
    const article = { info: { title }, text, ledeEnd: text.length, bodyEnd: text.length } as ArticleText;
    return { kind: 'read', fresh, response: { ok: true, article, links: [], readerable: true, extractMs: 1 } };
  };
  const title = () => (state.kind === 'ready' ? state.report.article.title : null);
  let answer: (outcome: ReadOutcome) => void;
  const pending = () => new Promise<ReadOutcome>((resolve) => (answer = resolve));

  beforeEach(async () => {
    fakeBrowser.reset();
    reads.outcomes = [];
    reads.analysed = 0;
    reads.url = 'https://news.example/story';
    Object.assign(globalThis, { document: window.document });
    root = window.document.createElement('div');
    window.document.body.appendChild(root);
    // The first panel reads and analyses the article, then closes.
    reads.outcomes = [story('Talks collapse')];
    act(() => render(<Probe />, root));
    await settle();
    expect(title()).toBe('Talks collapse');
    render(null, root);
    reads.analysed = 0;
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    delete (globalThis as { document?: Document }).document;
  });

  it('shows the kept report before the page answers, and does not analyse the same article again', async () => {
    reads.outcomes = [pending()];
    act(() => render(<Probe />, root));
    await settle();
    expect(title()).toBe('Talks collapse');
    answer(story('Talks collapse'));
    await settle();
    expect(title()).toBe('Talks collapse');
    expect(reads.analysed).toBe(0);
  });

  it('shows the kept report when the tab goes back to the page', async () => {
    reads.outcomes = [story('Talks collapse'), story('Storm closes ports')];
    act(() => render(<Probe />, root));
    await settle();
    reads.url = 'https://news.example/storm';
    await act(() => readAgain());
    expect(title()).toBe('Storm closes ports');
    expect(reads.analysed).toBe(1);
    reads.url = 'https://news.example/story';
    reads.outcomes = [pending()];
    void readAgain();
    await settle();
    expect(title()).toBe('Talks collapse');
    answer(story('Talks collapse'));
    await settle();
    expect(reads.analysed).toBe(1);
  });

  it('replaces it once the page turns out to hold another article', async () => {
    reads.outcomes = [pending()];
    act(() => render(<Probe />, root));
    await settle();
    expect(title()).toBe('Talks collapse');
    answer(story('Talks resume'));
    await settle();
    await vi.waitFor(() => expect(title()).toBe('Talks resume'));
    expect(reads.analysed).toBe(1);
  });
});
