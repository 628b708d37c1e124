// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anchorHighlight, anchorWithRetry, describeRange, findQuote } from '../../lib/highlights/anchor';
import type { HighlightSelectors } from '../../lib/highlights/types';

const ARTICLE = `
  <h1>Floods close the valley road</h1>
  <p>The river rose two metres overnight, officials said on <a href="/monday">Monday</a>.</p>
  <p>Residents of the lower town were told to leave their homes before noon.</p>
  <ul><li>Schools are closed.</li><li>Buses run every hour.</li></ul>
  <table><tr><td>Level</td><td>4.2 m</td></tr></table>
  <p>The mayor said the town would rebuild, and the mayor said it twice.</p>`;

function page(html = ARTICLE): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** A Range over the first occurrence of `text` inside one text node. */
function rangeOver(text: string, root: Node = document.body): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      return range;
    }
  }
  throw new Error(`no "${text}" in the page`);
}

/** A Range from the start of one text to the end of another (a selection across elements). */
function rangeAcross(from: string, to: string): Range {
  const range = document.createRange();
  const a = rangeOver(from);
  const b = rangeOver(to);
  range.setStart(a.startContainer, a.startOffset);
  range.setEnd(b.endContainer, b.endOffset);
  return range;
}

const painted = (result: ReturnType<typeof anchorHighlight>) =>
  'range' in result ? result.range.toString().replace(/\s+/g, ' ') : null;

describe('describeRange', () => {
  it('stores the quote, 32 characters of context each side and the position', () => {
    const root = page();
    const selectors = describeRange(root, rangeOver('told to leave'))!;
    expect(selectors.quote.exact).toBe('told to leave');
    expect(selectors.quote.prefix).toBe('esidents of the lower town were ');
    expect(selectors.quote.suffix).toBe(' their homes before noon. School');
    expect(selectors.position.end - selectors.position.start).toBe(13);
  });

  it('quotes a selection across paragraphs, list items, a link and table cells as the reader sees it', () => {
    page();
    expect(describeRange(document, rangeAcross('officials said', 'were told'))!.quote.exact).toBe(
      'officials said on Monday. Residents of the lower town were told',
    );
    expect(describeRange(document, rangeAcross('closed', 'Level'))!.quote.exact).toBe('closed. Buses run every hour. Level');
    expect(describeRange(document, rangeAcross('Level', '4.2'))!.quote.exact).toBe('Level 4.2');
  });

  it('trims whitespace at the ends of the selection', () => {
    page();
    const range = rangeOver(' two metres ');
    expect(describeRange(document, range)!.quote.exact).toBe('two metres');
  });

  it('returns null for a selection with no text', () => {
    page();
    const range = rangeOver('river');
    range.collapse(true);
    expect(describeRange(document, range)).toBeNull();
  });
});

describe('anchorHighlight', () => {
  function save(text: string): HighlightSelectors {
    page();
    return describeRange(document, rangeOver(text))!;
  }

  it('finds the passage on the unchanged page by its position', () => {
    const selectors = save('told to leave their homes');
    const result = anchorHighlight(page(), selectors);
    expect(result).toMatchObject({ method: 'position' });
    expect(painted(result)).toBe('told to leave their homes');
  });

  it('finds the passage after an ad was inserted before it', () => {
    const selectors = save('told to leave their homes');
    const root = page(ARTICLE.replace('<h1>', '<div class="ad">Advertisement: buy now</div><h1>'));
    const result = anchorHighlight(root, selectors);
    expect(result).toMatchObject({ method: 'exact' });
    expect(painted(result)).toBe('told to leave their homes');
  });

  it('picks the repeat of a quote that its context points to', () => {
    const root = page();
    const last = root.querySelector('p:last-of-type')!.firstChild as Text;
    const quote = (prefix: string, suffix: string): HighlightSelectors => ({ quote: { type: 'TextQuoteSelector', exact: 'mayor said', prefix, suffix } });
    const second = anchorHighlight(root, quote('rebuild, and the ', ' it twice.'));
    const first = anchorHighlight(root, quote('The ', ' the town would'));
    expect('range' in second && second.range.startOffset).toBe(last.data.lastIndexOf('mayor said'));
    expect('range' in first && first.range.startOffset).toBe(last.data.indexOf('mayor said'));
  });

  it('finds the passage after a word in it was edited', () => {
    const selectors = save('Residents of the lower town were told to leave their homes before noon.');
    const root = page(ARTICLE.replace('lower town', 'lower district'));
    const result = anchorHighlight(root, selectors);
    expect(result).toMatchObject({ method: 'approximate' });
    expect(painted(result)).toContain('lower district were told to leave their homes');
  });

  it('finds the passage after its paragraph moved', () => {
    const selectors = save('Residents of the lower town were told to leave their homes before noon.');
    const moved = ARTICLE.replace('<p>Residents of the lower town were told to leave their homes before noon.</p>', '').replace(
      '</table>',
      '</table><p>Residents of the lower town were told to leave their homes before noon.</p>',
    );
    const result = anchorHighlight(page(moved), selectors);
    expect(painted(result)).toBe('Residents of the lower town were told to leave their homes before noon.');
  });

  it('orphans a deleted passage instead of painting other words', () => {
    const selectors = save('Residents of the lower town were told to leave their homes before noon.');
    const root = page(ARTICLE.replace('<p>Residents of the lower town were told to leave their homes before noon.</p>', ''));
    expect(anchorHighlight(root, selectors)).toEqual({ orphan: true, reason: 'not-found' });
  });

  it('orphans on a page without text', () => {
    const selectors = save('told to leave');
    expect(anchorHighlight(page('<img src="x.png">'), selectors)).toEqual({ orphan: true, reason: 'no-text' });
  });
});

describe('findQuote', () => {
  it('finds a mention with a little context and returns its Range', () => {
    page();
    const range = findQuote(document, { exact: 'mayor', prefix: 'rebuild, and the ', suffix: ' said it twice' });
    expect(range?.toString()).toBe('mayor');
    expect(range?.startContainer.textContent?.lastIndexOf('mayor')).toBe(range?.startOffset);
  });

  it('returns null for a quote that is not on the page', () => {
    page();
    expect(findQuote(document, { exact: 'earthquake' })).toBeNull();
  });
});

describe('anchorWithRetry', () => {
  afterEach(() => vi.useRealTimers());

  it('anchors a passage that the page adds after loading', async () => {
    page();
    const selectors = describeRange(document, rangeOver('told to leave'))!;
    page('<p>Loading…</p>');
    const promise = anchorWithRetry(document, [selectors], { timeoutMs: 2000, intervalMs: 10 });
    setTimeout(() => {
      document.body.innerHTML = ARTICLE;
    }, 50);
    const [result] = await promise;
    expect(painted(result)).toBe('told to leave');
  });

  it('orphans what is still missing when the time is up', async () => {
    page();
    const selectors = describeRange(document, rangeOver('told to leave'))!;
    page('<p>Something else entirely.</p>');
    const started = Date.now();
    const [result] = await anchorWithRetry(document, [selectors], { timeoutMs: 200, intervalMs: 10 });
    expect(result).toEqual({ orphan: true, reason: 'not-found' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
