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
    const text = (caption.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length < 20 || text.length > 500 || have.includes(squash(text))) continue;
    captions.push(text);
  }
  return captions;
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
