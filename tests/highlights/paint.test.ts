// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { anchorHighlight, describeRange } from '../../lib/highlights/anchor';
import { clearHighlights, MARK_ATTRIBUTE, paintHighlights, STYLE_ELEMENT_ID } from '../../lib/highlights/paint';

const HTML = '<p>One <b>bold</b> claim.</p>\n<ul><li>First item</li>\n<li>Second item</li></ul>';

function rangeOf(from: string, to: string): Range {
  document.body.innerHTML = HTML;
  const find = (t: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      if (node.data.includes(t)) return { node, at: node.data.indexOf(t) };
    }
    throw new Error(t);
  };
  const a = find(from);
  const b = find(to);
  const range = document.createRange();
  range.setStart(a.node, a.at);
  range.setEnd(b.node, b.at + to.length);
  return range;
}

describe('paintHighlights without the Custom Highlight API', () => {
  it('wraps the passage in <mark> elements, one per text node, and nothing else', () => {
    const range = rangeOf('bold', 'First');
    paintHighlights(document, [{ id: 'h1', range, colour: 'green' }]);
    const marks = Array.from(document.querySelectorAll(`mark[${MARK_ATTRIBUTE}]`));
    expect(marks.map((m) => m.textContent)).toEqual(['bold', ' claim.', 'First']);
    expect(marks.every((m) => m.getAttribute('data-colour') === 'green' && m.getAttribute(MARK_ATTRIBUTE) === 'h1')).toBe(true);
    // The whitespace between list items stays outside: a <mark> may not sit directly in a <ul>.
    expect(document.querySelector('ul > mark')).toBeNull();
    expect(document.getElementById(STYLE_ELEMENT_ID)).not.toBeNull();
  });

  it('clearHighlights puts the page back as it was', () => {
    const range = rangeOf('One', 'Second');
    paintHighlights(document, [{ id: 'h1', range, colour: 'yellow' }]);
    clearHighlights(document);
    expect(document.querySelector('mark')).toBeNull();
    expect(document.body.innerHTML).toBe(HTML);
  });

  it('paints overlapping highlights without losing text, and anchoring still works afterwards', () => {
    document.body.innerHTML = HTML;
    const a = describeRange(document, rangeOf('One', 'claim'))!;
    const b = describeRange(document, rangeOf('bold', 'First'))!;
    const ra = anchorHighlight(document, a);
    const rb = anchorHighlight(document, b);
    if (!('range' in ra) || !('range' in rb)) throw new Error('not anchored');
    paintHighlights(document, [
      { id: 'a', range: ra.range, colour: 'yellow' },
      { id: 'b', range: rb.range, colour: 'blue' },
    ]);
    expect(document.body.textContent).toBe(new DOMParser().parseFromString(HTML, 'text/html').body.textContent);
    expect(document.querySelector(`mark[${MARK_ATTRIBUTE}="a b"]`)?.textContent).toBe('bold');
    const again = anchorHighlight(document, b);
    expect('range' in again && again.range.toString()).toBe('bold claim.\nFirst');
  });
});

describe('paintHighlights with the Custom Highlight API', () => {
  // jsdom has neither CSS.highlights nor Highlight: stand in for them as a browser would provide them.
  const view = window as unknown as { CSS?: { highlights?: Map<string, unknown> }; Highlight?: unknown };
  afterEach(() => {
    delete view.CSS;
    delete view.Highlight;
  });

  it('registers one highlight per colour and leaves the text untouched', () => {
    const registry = new Map<string, { ranges: Range[] }>();
    view.CSS = { highlights: registry };
    view.Highlight = class {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    };
    const range = rangeOf('bold', 'claim');
    const other = document.createRange();
    other.selectNodeContents(document.querySelector('li')!);
    expect(paintHighlights(document, [
      { id: 'a', range, colour: 'pink' },
      { id: 'b', range: other, colour: 'pink' },
    ])).toBe('highlight-api');
    expect([...registry.keys()]).toEqual(['backstory-pink']);
    expect(registry.get('backstory-pink')!.ranges).toHaveLength(2);
    expect(document.querySelector('mark')).toBeNull();
    expect(document.getElementById(STYLE_ELEMENT_ID)!.textContent).toContain('::highlight(backstory-pink)');
    clearHighlights(document);
    expect(registry.size).toBe(0);
  });
});
