import { CREDIT_MARK, leftOutCaptions } from './captions';

// Elements that start a new paragraph of the analysed text.
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'MATH', 'BUTTON', 'SELECT', 'TEXTAREA']);

/**
 * Flattens Readability's article HTML into the text every analysis stage
 * reads: the headline, then one paragraph per block element, separated by
 * blank lines, with white space inside a paragraph collapsed to single spaces,
 * then the captions of the article's pictures that Readability left out.
 * Pictures' credits are left out: elements extractArticle marked, and
 * paragraphs that are a credit's whole text (`credits`), since Readability
 * drops the mark of a credit it makes a paragraph of (breitbart's
 * "<div class=attribution>").
 * The HTML is parsed into an inert document, so nothing in it runs or loads.
 */
export function articleText(title: string, contentHtml: string, doc: Document, credits: ReadonlySet<string>): { text: string; ledeEnd: number; bodyEnd: number } {
  const inert = doc.implementation.createHTMLDocument('');
  inert.body.innerHTML = contentHtml;
  const paragraphs = blockTexts(inert.body).filter((paragraph) => !credits.has(paragraph));
  const parts = [title.replace(/\s+/g, ' ').trim(), ...paragraphs].filter(Boolean);
  const body = parts.join('\n\n');
  const lede = parts.slice(0, 3).join('\n\n');
  const captions = leftOutCaptions(doc, paragraphs[0] ?? '', body);
  const text = [body, ...captions].join('\n\n');
  return { text, ledeEnd: lede.length, bodyEnd: body.length };
}

/** The text of each block under `root`, in document order, white space collapsed. */
export function blockTexts(root: Node): string[] {
  const blocks: string[] = [];
  let current = '';
  const flush = () => {
    const trimmed = current.replace(/\s+/g, ' ').trim();
    if (trimmed) blocks.push(trimmed);
    current = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        current += child.nodeValue ?? '';
      } else if (child.nodeType === 1) {
        const name = (child as Element).tagName;
        if (SKIPPED.has(name) || SKIPPED.has(name.toUpperCase()) || (child as Element).hasAttribute(CREDIT_MARK)) continue;
        if (BLOCKS.has(name.toUpperCase())) {
          flush();
          walk(child);
          flush();
        } else {
          walk(child);
        }
      }
    }
  };
  walk(root);
  flush();
  return blocks;
}
