import { CAPTION_MARK, CREDIT_MARK, leftOutCaptions } from './captions';

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
export function articleText(
  title: string,
  contentHtml: string,
  doc: Document,
  credits: ReadonlySet<string>,
  authors: readonly string[] = [],
): { text: string; ledeEnd: number; bodyEnd: number } {
  const inert = doc.implementation.createHTMLDocument('');
  inert.body.innerHTML = contentHtml;
  const paragraphs = withoutClosingNotes(
    blockTexts(inert.body).filter((paragraph) => !credits.has(paragraph)),
    authors,
  );
  const parts = [title.replace(/\s+/g, ' ').trim(), ...paragraphs].filter(Boolean);
  const body = parts.join('\n\n');
  const lede = parts.slice(0, 3).join('\n\n');
  const captions = leftOutCaptions(doc, paragraphs[0] ?? '', body);
  const text = [body, ...captions].join('\n\n');
  return { text, ledeEnd: lede.length, bodyEnd: body.length };
}

// The print edition's note closing a story ("A version of this article appears in print on …, on Page A22 of
// the New York edition with the headline: …"): it and what follows it are the page's, not the story's.
const PRINT_NOTE = /^An? (?:version|edition) of this (?:article|story|column|review|essay) appear(?:s|ed) in (?:print|the print edition)\b/iu;
// What an author's note says after the author's name: "… is a reporter for …", "… is on Twitter at …".
const AUTHOR_NOTE = /^,?\s+(?:is|was|has|covers|writes|reports|lives|teaches|can be reached)\b/iu;
const ABOUT_AUTHOR = /^about the authors?:?$/iu;

/**
 * The story's paragraphs without the notes that close the page after it:
 * the print edition's note and all after it, then, among the last
 * paragraphs, the authors' own notes ("Lucas Nolan is a reporter for
 * Breitbart Tech covering …"), a signature of their names alone, and an
 * "About the Author" label. They name the writer, the desk and the column,
 * who are not in the story.
 */
function withoutClosingNotes(paragraphs: string[], authors: readonly string[]): string[] {
  // Only in the second half: a story may quote such a note early on.
  const half = Math.ceil(paragraphs.length / 2);
  const print = paragraphs.findIndex((paragraph, i) => i >= half && PRINT_NOTE.test(paragraph));
  const kept = print < 0 ? [...paragraphs] : paragraphs.slice(0, print);
  const names = authors.filter((name) => name.includes(' '));
  const authorsNote = (paragraph: string) => {
    if (ABOUT_AUTHOR.test(paragraph)) return true;
    const author = names.find((name) => paragraph.startsWith(name));
    if (!author) return false;
    if (AUTHOR_NOTE.test(paragraph.slice(author.length))) return true;
    // A signature: the names and their separators only.
    return !names.reduce((rest, name) => rest.split(name).join(' '), paragraph).replace(/[\s,&;]+|\band\b/gu, '');
  };
  // At most three, and never the story's last word alone: a one-paragraph story is kept whole.
  for (let dropped = 0; dropped < 3 && kept.length > 1 && authorsNote(kept[kept.length - 1]); dropped++) kept.pop();
  return kept;
}

/**
 * A teaser: a block other than a heading that is one link and nothing else,
 * but for a short label before it ("Related:", "Learn more:"). News pages set
 * their cross-promotion in the story so (another story's headline), and
 * their topic tags and "Continue reading" lines.
 */
const TEASER_LABEL = /^(?:\p{L}[\p{L} ]{0,24}:)?$/u;
const MAX_LABEL = 40;

/**
 * The text of each block under `root`, in document order, white space
 * collapsed. Teasers are left out: their links are kept as the page's
 * related coverage (lib/background/harvest.ts), not read as the story.
 */
export function blockTexts(root: Node): string[] {
  const blocks: string[] = [];
  let current = '';
  // The start of the block's text outside links, how many links it holds, and whether they hold any text.
  let outside = '';
  let links = 0;
  let linked = false;
  // A heading that is a link is a section's title (a weekly edition's stories, a list's entries), not a teaser.
  const flush = (heading = false) => {
    const trimmed = current.replace(/\s+/g, ' ').trim();
    const teaser = !heading && links === 1 && linked && TEASER_LABEL.test(outside.trim());
    if (trimmed && !teaser) blocks.push(trimmed);
    current = outside = '';
    links = 0;
    linked = false;
  };
  const walk = (node: Node, inLink: boolean) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.nodeValue ?? '';
        current += text;
        if (inLink) linked ||= /\S/.test(text);
        // Only a short label can make a teaser: no more of a block's text outside links is kept than that needs.
        else if (outside.length <= MAX_LABEL) outside += text.slice(0, 4 * MAX_LABEL).replace(/\s+/g, ' ');
      } else if (child.nodeType === 1) {
        const name = (child as Element).tagName;
        if (SKIPPED.has(name) || SKIPPED.has(name.toUpperCase()) || (child as Element).hasAttribute(CREDIT_MARK)) continue;
        const link = !inLink && name.toUpperCase() === 'A' && (child as Element).hasAttribute('href');
        // A picture's caption set in a paragraph (marked by extractArticle) is not part of its sentences.
        if (BLOCKS.has(name.toUpperCase()) || (child as Element).hasAttribute(CAPTION_MARK)) {
          flush();
          walk(child, false);
          flush(/^H[1-6]$/i.test(name));
        } else {
          if (link) links++;
          walk(child, inLink || link);
        }
      }
    }
  };
  walk(root, false);
  flush();
  return blocks;
}
