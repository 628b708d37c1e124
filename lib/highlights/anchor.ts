import { matchQuote, foldPunctuation, type MatchMethod, type OrphanReason, type MatchOptions } from './match-quote';
import { buildTextModel, offsetAtPoint, rangeFromOffsets, textRoot, trimSpan, type TextModel } from './text-model';
import type { HighlightSelectors } from './types';

/** Characters of context stored on each side of a quote (as Hypothesis does). */
export const CONTEXT_LENGTH = 32;

export type AnchorResult =
  | { range: Range; start: number; end: number; method: MatchMethod }
  | { orphan: true; reason: OrphanReason | 'no-text' };

/** A text model plus its punctuation-folded text, built once and reused for a batch of anchors. */
export interface AnchorContext {
  model: TextModel;
  folded: string;
}

/** Builds what a batch of `anchorHighlight` calls on the same, unchanged page can share. */
export function prepareAnchoring(root: Element | Document): AnchorContext {
  const model = buildTextModel(root);
  return { model, folded: foldPunctuation(model.text) };
}

/**
 * The W3C selectors for a Range: the quote with 32 characters of context on
 * each side, and its position, both in the text model of `text-model.ts`
 * (whitespace collapsed; UTF-16 offsets into the text of `root`, a Document
 * meaning its body). Returns null when the range holds no visible text.
 * `context` (from `prepareAnchoring`) saves re-reading an unchanged page.
 */
export function describeRange(
  root: Element | Document,
  range: Range,
  { model }: AnchorContext = prepareAnchoring(root),
): Required<HighlightSelectors> | null {
  const rootEl = textRoot(root);
  const clamped = rangeWithin(rootEl, range);
  if (!clamped) return null;
  const [start, end] = trimSpan(
    model.text,
    offsetAtPoint(model, clamped.startContainer, clamped.startOffset),
    offsetAtPoint(model, clamped.endContainer, clamped.endOffset),
  );
  if (end <= start) return null;
  const { text } = model;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}

/** The part of `range` inside `root`, or null when they do not meet. */
function rangeWithin(root: Element, range: Range): Range | null {
  const clamped = range.cloneRange();
  const whole = root.ownerDocument!.createRange();
  whole.selectNodeContents(root);
  // The constants are read from the instance: the global Range is another realm's in tests and scripts.
  if (clamped.compareBoundaryPoints(clamped.START_TO_START, whole) < 0) clamped.setStart(root, 0);
  if (clamped.compareBoundaryPoints(clamped.END_TO_END, whole) > 0) clamped.setEnd(root, root.childNodes.length);
  return clamped.collapsed ? null : clamped;
}

/**
 * Finds a saved passage in the page: the stored position if the quote is
 * still there, else the exact quote (context picks among repeats), else an
 * approximate match with few edits in agreeing context. Anything less certain
 * is an orphan with its reason; this never throws for a missing passage and
 * never returns a range on other words. Pass `context` from
 * `prepareAnchoring` to anchor many highlights without re-reading the page.
 */
export function anchorHighlight(
  root: Element | Document,
  selectors: HighlightSelectors,
  context: AnchorContext = prepareAnchoring(root),
  options?: Partial<MatchOptions>,
): AnchorResult {
  const { model, folded } = context;
  if (!model.text) return { orphan: true, reason: 'no-text' };
  const found = matchQuote(
    folded,
    {
      exact: selectors.quote.exact,
      prefix: selectors.quote.prefix,
      suffix: selectors.quote.suffix,
      start: selectors.position?.start,
    },
    options,
  );
  if ('orphan' in found) return found;
  const [start, end] = trimSpan(model.text, found.start, found.end);
  if (end <= start) return { orphan: true, reason: 'not-found' };
  return { range: rangeFromOffsets(model, start, end), start, end, method: found.method };
}

/**
 * Finds a short quote in the page, such as an actor's mention or a timeline
 * sentence sent by the panel, with optional context to pick the right one.
 * Returns the Range, or null when the quote is not (confidently) there.
 * Pass `context` from `prepareAnchoring` when finding many quotes at once.
 */
export function findQuote(
  root: Element | Document,
  quote: { exact: string; prefix?: string; suffix?: string },
  context?: AnchorContext,
): Range | null {
  const result = anchorHighlight(root, { quote: { type: 'TextQuoteSelector', ...quote } }, context);
  return 'range' in result ? result.range : null;
}

export interface RetryOptions {
  /** Give up (orphan) after this long. */
  timeoutMs?: number;
  /** Least time between two attempts while the page keeps changing. */
  intervalMs?: number;
  /** Called after each attempt that anchored something new, so painting need not wait for the rest. */
  onProgress?: (results: AnchorResult[]) => void;
}

/**
 * Anchors a batch of highlights on a page that may still be loading its
 * text: tries at once, then again whenever the page changes (at most every
 * `intervalMs`), until everything is anchored or `timeoutMs` passes; what is
 * still missing then is orphaned. Resolves to one result per input, in order.
 */
export function anchorWithRetry(
  root: Element | Document,
  items: HighlightSelectors[],
  { timeoutMs = 5000, intervalMs = 250, onProgress }: RetryOptions = {},
): Promise<AnchorResult[]> {
  const results: AnchorResult[] = items.map(() => ({ orphan: true, reason: 'not-found' }));
  const attempt = () => {
    const pending = items.map((_, i) => i).filter((i) => 'orphan' in results[i]);
    if (!pending.length) return true;
    const context = prepareAnchoring(root);
    let progressed = false;
    for (const i of pending) {
      results[i] = anchorHighlight(root, items[i], context);
      if ('range' in results[i]) progressed = true;
    }
    if (progressed) onProgress?.(results.slice());
    return results.every((r) => 'range' in r);
  };
  if (attempt()) return Promise.resolve(results);

  const target = textRoot(root);
  const view = target.ownerDocument!.defaultView!;
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Date.now();
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve(results);
    };
    const run = () => {
      timer = undefined;
      last = Date.now();
      if (attempt()) finish();
    };
    const observer = new view.MutationObserver(() => {
      if (timer === undefined) timer = setTimeout(run, Math.max(0, intervalMs - (Date.now() - last)));
    });
    observer.observe(target, { childList: true, subtree: true, characterData: true });
    const deadline = setTimeout(() => {
      if (timer !== undefined) run();
      finish();
    }, timeoutMs);
  });
}
