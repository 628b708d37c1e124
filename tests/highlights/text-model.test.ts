// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { buildTextModel, offsetAtPoint, rangeFromOffsets } from '../../lib/highlights/text-model';

function body(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

describe('buildTextModel', () => {
  it('collapses whitespace and puts one space at block boundaries', () => {
    const root = body('<h1>Title</h1>\n   <p>First\n  paragraph.</p><p>Second&nbsp;one.</p><ul><li>a</li><li>b</li></ul>');
    expect(buildTextModel(root).text).toBe('Title First paragraph. Second one. a b');
  });

  it('keeps inline elements joined and table cells apart', () => {
    const root = body('<p>A <a href="#">link</a>ed <b>word</b>.</p><table><tr><td>one</td><td>two</td></tr></table>');
    expect(buildTextModel(root).text).toBe('A linked word. one two');
  });

  it('skips scripts, styles, noscript and templates', () => {
    const root = body('<p>Shown</p><script>var x = 1;</script><style>p{}</style><noscript>no</noscript><template>t</template><p>too</p>');
    expect(buildTextModel(root).text).toBe('Shown too');
  });

  it('maps every character back to its text node', () => {
    const root = body('<p>Hello <em>big</em> world</p>');
    const model = buildTextModel(root);
    const at = model.text.indexOf('big');
    expect(model.nodes[model.nodeOf[at]].data).toBe('big');
    expect(model.offsetIn[at]).toBe(0);
  });
});

describe('offsetAtPoint and rangeFromOffsets', () => {
  it('turn a span into a Range and back', () => {
    const root = body('<p>One two</p>\n<p>three <i>four</i> five</p>');
    const model = buildTextModel(root);
    const start = model.text.indexOf('two');
    const end = model.text.indexOf('four') + 4;
    const range = rangeFromOffsets(model, start, end);
    expect(range.toString().replace(/\s+/g, ' ')).toBe('two three four');
    expect(offsetAtPoint(model, range.startContainer, range.startOffset)).toBe(start);
    expect(offsetAtPoint(model, range.endContainer, range.endOffset)).toBe(end);
  });

  it('resolves element boundary points to the next character', () => {
    const root = body('<p>One</p><p>Two</p>');
    const model = buildTextModel(root);
    const between = offsetAtPoint(model, root, 1);
    expect(model.text.slice(0, between)).toBe('One');
    expect(model.text.slice(between).trim()).toBe('Two');
    expect(offsetAtPoint(model, root, 2)).toBe(model.text.length);
  });
});
