/** Marks a credit in Readability's copy of the page; the text flattening (text.ts) skips what it marks. */
export const CREDIT_MARK = 'data-backstory-credit';

/** Marks a picture's caption in Readability's copy (which drops classes): the text flattening makes it a paragraph of its own. */
export const CAPTION_MARK = 'data-backstory-caption';

// A class naming a caption: "caption", "image-caption", "caption-text" (a paragraph may hold one, after its picture).
const CAPTION_CLASS = /(?:^|[\s_-])caption(?:$|[\s_-])/i;

/** The captions under `root` that a class names, wherever they are set. */
export function classedCaptions(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('[class*="caption" i]')).filter((el) => CAPTION_CLASS.test(el.getAttribute('class') ?? ''));
}

// A class naming a credit: "credit", "widget-image__credits", "c-lead-image__attribution" (not "_pattribution-w-auto").
const CREDIT_CLASS = /(?:^|[-_])(?:credits?|attribution)$/i;

/**
 * The credits of the pictures under `root` ("Credit: Chang W. Lee/The New
 * York Times"), which are left out of the analysed text: the photographer
 * and agency are not in the story, and once Readability has dropped the
 * markup the label runs into the name ("CreditChang W. Lee"), which the
 * tagger took for a person. A figcaption is never one, even with such a
 * class: it may hold the caption too. In a caption, a line that starts with
 * "©" is one. `captions`: the classed captions under `root`, if already found.
 */
export function photoCredits(root: ParentNode, captions = classedCaptions(root)): Element[] {
  const near = [...root.querySelectorAll('[itemprop="copyrightHolder"], figure *, figcaption *'), ...captions.flatMap((caption) => [...caption.querySelectorAll('*')])];
  return [...new Set(near)].filter(
    (el) =>
      el.getAttribute('itemprop') === 'copyrightHolder' ||
      (el.getAttribute('itemprop') === 'creator' && el.closest('figure')) ||
      (el.tagName !== 'FIGCAPTION' && Array.from(el.classList).some((name) => CREDIT_CLASS.test(name))) ||
      // A caption's copyright line: "© Provided by Business Insider Inc".
      (el.childElementCount === 0 && /^\s*©/u.test(el.textContent ?? '') && (el.textContent ?? '').trim().length < 150),
  );
}

/**
 * Captions of the article's own pictures that Readability left out (it drops
 * a lead image's figure that sits outside the body, and with it, often, the
 * only mention of someone in the photo). Only <figcaption>s inside the same
 * <article> (or <main>) as the extracted body count, never ones in asides,
 * related-story blocks or the page's furniture.
 */
export function leftOutCaptions(doc: Document, firstParagraph: string, extractedText: string): string[] {
  const container = articleContainer(doc, firstParagraph);
  if (!container) return [];
  const have = squash(extractedText);
  const captions: string[] = [];
  for (const caption of Array.from(container.querySelectorAll('figcaption'))) {
    if (caption.closest('aside, nav, footer, [class*="related" i], [class*="teaser" i], [class*="promo" i]')) continue;
    const text = textWithoutCredits(caption).replace(/\s+/g, ' ').trim();
    if (text.length < 20 || text.length > 500 || have.includes(squash(text))) continue;
    captions.push(text);
  }
  return captions;
}

function textWithoutCredits(caption: Element): string {
  const copy = caption.cloneNode(true) as Element;
  for (const credit of photoCredits(copy)) credit.remove();
  return copy.textContent ?? '';
}

function articleContainer(doc: Document, firstParagraph: string): Element | null {
  const opening = squash(firstParagraph).slice(0, 80);
  if (!opening) return null;
  for (const paragraph of Array.from(doc.querySelectorAll('article p, main p'))) {
    if (squash(paragraph.textContent ?? '').startsWith(opening)) return paragraph.closest('article') ?? paragraph.closest('main');
  }
  return null;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
