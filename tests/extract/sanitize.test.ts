// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtml } from '../../lib/extract/sanitize';
import { parseHtml } from '../../scripts/node-dom';

const doc = parseHtml('<p>page</p>');

describe('sanitizeArticleHtml', () => {
  it('removes scripts, event handlers and styles but keeps the text', () => {
    const clean = sanitizeArticleHtml('<p onclick="alert(1)" style="color:red">Hello <script>alert(2)</script><b>world</b></p><style>p{}</style>', doc);
    expect(clean).toBe('<p>Hello <b>world</b></p>');
  });

  it('keeps http(s) links and drops javascript: and data: ones', () => {
    const clean = sanitizeArticleHtml('<a href="https://example.com/a">ok</a><a href="javascript:alert(1)">js</a><a href="data:text/html,<script>">data</a>', doc);
    expect(clean).toContain('href="https://example.com/a"');
    expect(clean).not.toMatch(/javascript:|data:/);
  });

  it('drops frames and SVG scripts', () => {
    const clean = sanitizeArticleHtml('<iframe src="https://evil.example"></iframe><svg><script>alert(1)</script><a href="javascript:alert(2)"><text>x</text></a></svg>', doc);
    expect(clean).not.toMatch(/iframe|script|javascript:/i);
  });
});
