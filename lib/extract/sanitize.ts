import DOMPurify from 'dompurify';

// One DOMPurify per window, made at its first read (the page script reads its page again on each panel open).
const purifiers = new WeakMap<object, ReturnType<typeof DOMPurify>>();

/**
 * Cleans article HTML before anything renders or re-parses it: no scripts,
 * event handlers, frames, forms or styles, and only http(s) and mailto links
 * (relative ones are resolved by Readability already). Uses the window of
 * the document it came from, so it runs in a content script and in jsdom.
 */
export function sanitizeArticleHtml(html: string, doc: Document): string {
  const view = doc.defaultView;
  if (!view) throw new Error('sanitizeArticleHtml needs a document with a window');
  let purify = purifiers.get(view);
  if (!purify) purifiers.set(view, (purify = DOMPurify(view as unknown as Window & typeof globalThis)));
  return purify.sanitize(html, {
    FORBID_TAGS: ['style', 'input', 'button', 'textarea', 'select', 'iframe', 'frame', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#)/i,
  });
}
