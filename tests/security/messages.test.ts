// @vitest-environment node
import { JSDOM } from 'jsdom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPageEvent, isPageMessage, pageMessage } from '../../lib/messages';
import { runPageScript } from '../../lib/page/script';

const passage = { exact: 'Khalilzad has urged Pakistan', prefix: 'envoy ', suffix: ' to adopt' };

describe('isPageMessage', () => {
  it('accepts each request the panel sends, also after structured cloning', () => {
    const requests = [
      pageMessage('extract', { force: false }),
      pageMessage('showPassages', { passages: [passage], focus: 0 }),
      pageMessage('clearPassages', {}),
    ];
    for (const request of requests) expect(isPageMessage(structuredClone(request))).toBe(true);
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'extract'],
    ['a number', 1],
    ['an array', [1, 'extract', { force: true }]],
    ['another extension’s message', { method: 'extract', params: { force: true } }],
    ['a version that is a string', { backstory: '1', method: 'extract', params: { force: true } }],
    ['an unknown method', { backstory: 1, method: 'eval', params: { code: 'alert(1)' } }],
    ['a method from Object.prototype', { backstory: 1, method: 'constructor', params: {} }],
    ['a method named __proto__', JSON.parse('{"backstory":1,"method":"__proto__","params":{}}')],
    ['no params', { backstory: 1, method: 'extract' }],
    ['params that are null', { backstory: 1, method: 'clearPassages', params: null }],
    ['params that are a string', { backstory: 1, method: 'clearPassages', params: 'all' }],
    ['force as a string', { backstory: 1, method: 'extract', params: { force: 'true' } }],
    ['force as a number', { backstory: 1, method: 'extract', params: { force: 1 } }],
    ['passages that are not a list', { backstory: 1, method: 'showPassages', params: { passages: 'x', focus: 0 } }],
    ['a passage that is not an object', { backstory: 1, method: 'showPassages', params: { passages: ['Khalilzad'], focus: 0 } }],
    ['a passage with empty text', { backstory: 1, method: 'showPassages', params: { passages: [{ exact: '' }], focus: 0 } }],
    ['a passage of 5,001 characters', { backstory: 1, method: 'showPassages', params: { passages: [{ exact: 'x'.repeat(5001) }], focus: 0 } }],
    ['a prefix of 201 characters', { backstory: 1, method: 'showPassages', params: { passages: [{ exact: 'x', prefix: 'p'.repeat(201) }], focus: 0 } }],
    ['a suffix that is not text', { backstory: 1, method: 'showPassages', params: { passages: [{ exact: 'x', suffix: 42 }], focus: 0 } }],
    ['5,001 passages', { backstory: 1, method: 'showPassages', params: { passages: Array.from({ length: 5001 }, () => passage), focus: 0 } }],
    ['a focus that is not a whole number', { backstory: 1, method: 'showPassages', params: { passages: [passage], focus: 0.5 } }],
    ['a focus that is a string', { backstory: 1, method: 'showPassages', params: { passages: [passage], focus: '0' } }],
    ['a focus that is NaN', { backstory: 1, method: 'showPassages', params: { passages: [passage], focus: NaN } }],
  ])('refuses %s', (_name, value) => {
    expect(isPageMessage(value)).toBe(false);
  });
});

describe('isPageEvent', () => {
  it('accepts the page script’s own pageChanged event', () => {
    expect(isPageEvent(structuredClone({ backstory: 1, event: 'pageChanged', data: { url: 'https://news.example/a', title: 'A' } }))).toBe(true);
  });

  it('accepts the background’s toolbarPressed event', () => {
    expect(isPageEvent(structuredClone({ backstory: 1, event: 'toolbarPressed', data: { windowId: 7 } }))).toBe(true);
  });

  it.each([
    ['null', null],
    ['a request instead of an event', pageMessage('extract', { force: true })],
    ['an unknown event', { backstory: 1, event: 'navigate', data: { url: 'https://evil.example/' } }],
    ['no data', { backstory: 1, event: 'pageChanged' }],
    ['a url that is not text', { backstory: 1, event: 'pageChanged', data: { url: { href: 'x' }, title: 'A' } }],
    ['no title', { backstory: 1, event: 'pageChanged', data: { url: 'https://news.example/a' } }],
    ['the wrong version', { backstory: 2, event: 'pageChanged', data: { url: 'https://news.example/a', title: 'A' } }],
    ['a window that is text', { backstory: 1, event: 'toolbarPressed', data: { windowId: '7' } }],
    ['a window that is not a whole number', { backstory: 1, event: 'toolbarPressed', data: { windowId: 7.5 } }],
  ])('refuses %s', (_name, value) => {
    expect(isPageEvent(value)).toBe(false);
  });
});

describe('the page script’s message listener', () => {
  const panelUrl = () => fakeBrowser.runtime.getURL('/sidepanel.html');
  const ask = async (message: unknown, sender: Record<string, unknown>) => (await fakeBrowser.runtime.onMessage.trigger(message, sender)).find((r) => r !== undefined);

  // The page the script is injected into (vitest's jsdom environment cannot load the page script's imports, so the globals are set here).
  const page = new JSDOM('<article><h1>Talks resume</h1><p>Negotiators met in Geneva on Tuesday.</p></article>', { url: 'https://news.example/talks' });
  const { window } = page;
  const { document } = window;
  const globals = { document, location: window.location, MutationObserver: window.MutationObserver, addEventListener: window.addEventListener.bind(window) };

  beforeAll(() => {
    fakeBrowser.reset();
    Object.assign(globalThis, globals);
    runPageScript();
  });
  afterAll(() => {
    for (const name of Object.keys(globals)) delete (globalThis as Record<string, unknown>)[name];
    window.close();
  });

  it('answers a well-formed request from the extension’s own panel', async () => {
    const answer = await ask(pageMessage('extract', { force: true }), { id: fakeBrowser.runtime.id, url: panelUrl() });
    expect(answer).toMatchObject({ ok: expect.any(Boolean) });
  });

  it('ignores the same request from another extension', async () => {
    expect(await ask(pageMessage('extract', { force: true }), { id: 'some-other-extension', url: 'chrome-extension://some-other-extension/x.html' })).toBeUndefined();
  });

  it('ignores the same request relayed from a web page’s frame or content script', async () => {
    expect(await ask(pageMessage('extract', { force: true }), { id: fakeBrowser.runtime.id, url: 'https://evil.example/', tab: { id: 1 } })).toBeUndefined();
  });

  it('ignores a malformed request from the panel', async () => {
    expect(await ask({ backstory: 1, method: 'extract', params: { force: 'yes' } }, { id: fakeBrowser.runtime.id, url: panelUrl() })).toBeUndefined();
  });

  it('does not listen to the page’s window messages at all', async () => {
    const before = document.body.innerHTML;
    window.postMessage(pageMessage('showPassages', { passages: [{ exact: 'Geneva' }], focus: 0 }), '*');
    window.dispatchEvent(new window.MessageEvent('message', { data: pageMessage('extract', { force: true }) }));
    await new Promise((done) => setTimeout(done, 20));
    expect(document.body.innerHTML).toBe(before);
    expect(document.getSelection()?.toString() ?? '').toBe('');
  });
});
