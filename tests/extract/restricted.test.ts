import { describe, expect, it } from 'vitest';
import { classifyInjectionError, restrictionOf } from '../../lib/panel/restricted';

describe('restrictionOf', () => {
  it.each([
    ['chrome://settings/', 'browser’s own pages'],
    ['about:blank', 'browser’s own pages'],
    ['edge://flags', 'browser’s own pages'],
    ['view-source:https://example.com/', 'source view'],
    ['https://chromewebstore.google.com/detail/x', 'extension stores'],
    ['https://chrome.google.com/webstore/category/extensions', 'extension stores'],
    ['https://addons.mozilla.org/en-US/firefox/', 'extension stores'],
    ['https://example.com/report.pdf', 'PDF'],
    ['chrome-extension://abc/page.html', 'belongs to an extension'],
    ['ftp://example.com/', 'not ftp addresses'],
  ])('explains why %s cannot be read', (url, words) => {
    expect(restrictionOf(url)).toContain(words);
  });

  it.each(['https://www.nytimes.com/2019/02/20/nyregion/nyc-winter.html', 'http://127.0.0.1:8080/article.html', undefined, 'not a url'])(
    'lets %s through',
    (url) => {
      expect(restrictionOf(url)).toBeNull();
    },
  );
});

describe('classifyInjectionError', () => {
  it('sorts Chromium’s and Firefox’s injection errors', () => {
    expect(classifyInjectionError('Cannot access a chrome:// URL')).toBe('restricted');
    expect(classifyInjectionError('The extensions gallery cannot be scripted.')).toBe('restricted');
    expect(classifyInjectionError('Cannot access contents of the page. Extension manifest must request permission to access the respective host.')).toBe('permission');
    expect(classifyInjectionError('Missing host permission for the tab')).toBe('permission');
    expect(classifyInjectionError('No tab with id: 12.')).toBe('gone');
    expect(classifyInjectionError('Something odd')).toBe('other');
  });
});
