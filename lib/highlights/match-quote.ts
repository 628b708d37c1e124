import search from 'approx-string-match';

/**
 * Finding a quote in a page's text, on plain strings (no DOM): first where the
 * stored position says, then the exact quote (context picks among repeats),
 * then an approximate match that must be close to the quote AND sit in
 * agreeing context. What fails every step is an orphan: we would rather show
 * "not found" than paint the wrong words.
 */

export interface QuoteToMatch {
  exact: string;
  prefix?: string;
  suffix?: string;
  /** Where the quote started when it was saved (a hint only). */
  start?: number;
}

export type MatchMethod = 'position' | 'exact' | 'approximate';

export interface QuoteMatch {
  start: number;
  end: number;
  /** Edits between the quote and the matched text (0 for position and exact). */
  errors: number;
  method: MatchMethod;
}

export type OrphanReason = 'empty-quote' | 'not-found' | 'ambiguous';

export type QuoteMatchResult = QuoteMatch | { orphan: true; reason: OrphanReason };

/** The knobs of `matchQuote`; the defaults are what `npm run eval:anchoring` was tuned with. */
export interface MatchOptions {
  /** Most edits an approximate match may have, as a share of the quote's length. */
  maxErrorRate: number;
  /** Least context score (0..1) on one side for an exact match's context to agree. */
  minContextScore: number;
  /** The same for an approximate match, which needs firmer context since its quote is in doubt. */
  minApproximateContextScore: number;
  /** A unique exact match this long is trusted even when its context changed on both sides. */
  uniqueExactLength: number;
  /** Quotes shorter than this are only matched exactly. */
  minApproximateLength: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = {
  maxErrorRate: 0.2,
  minContextScore: 0.5,
  minApproximateContextScore: 0.75,
  uniqueExactLength: 40,
  minApproximateLength: 12,
};

/** Characters that pages and editors swap for each other; folding is one-for-one so offsets survive. */
const FOLDS: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '′': "'", '`': "'",
  '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '«': '"', '»': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
};
const FOLDABLE = /[‘’‚‛′`“”„‟″«»‐‑‒–—―−]/g;

/**
 * Folds curly quotes and dashes to their plain forms, one character for one,
 * so "it’s" matches "it's" at the same offsets.
 */
export function foldPunctuation(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLDS[c]);
}

/** Collapses whitespace runs as the text model does, so quotes from elsewhere compare equal. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * Finds `quote` in `text` (both already folded with `foldPunctuation`; the
 * caller folds the page text once per batch). Returns the span or an orphan
 * with the reason.
 */
export function matchQuote(text: string, quote: QuoteToMatch, options: Partial<MatchOptions> = {}): QuoteMatchResult {
  const opts = { ...DEFAULT_MATCH_OPTIONS, ...options };
  const exact = foldPunctuation(collapseWhitespace(quote.exact).trim());
  if (!exact) return { orphan: true, reason: 'empty-quote' };
  const context = {
    prefix: quote.prefix ? foldPunctuation(collapseWhitespace(quote.prefix)) : '',
    suffix: quote.suffix ? foldPunctuation(collapseWhitespace(quote.suffix)) : '',
  };
  const hint = quote.start;

  // 1. The stored position, verified against the quote and its context.
  if (hint !== undefined && text.startsWith(exact, hint)) {
    const scores = contextScores(text, hint, hint + exact.length, context);
    if (agrees(scores, opts.minContextScore)) return { start: hint, end: hint + exact.length, errors: 0, method: 'position' };
  }

  // 2. The exact quote; context (then nearness to the old position) picks among repeats.
  const starts: number[] = [];
  for (let at = text.indexOf(exact); at >= 0 && starts.length < 1000; at = text.indexOf(exact, at + 1)) starts.push(at);
  if (starts.length) {
    const scored = starts.map((start) => ({
      start,
      end: start + exact.length,
      errors: 0,
      scores: contextScores(text, start, start + exact.length, context),
    }));
    const best = pickBest(scored, exact.length, text.length, hint, opts.minContextScore);
    if (best) return { start: best.start, end: best.end, errors: 0, method: 'exact' };
    const unique = starts.length === 1 && exact.length >= opts.uniqueExactLength;
    if (unique) return { start: starts[0], end: starts[0] + exact.length, errors: 0, method: 'exact' };
    // Repeats whose context all changed: any choice could be the wrong one.
    if (starts.length > 1) return { orphan: true, reason: 'ambiguous' };
  }

  // 3. An approximate match: few edits, and the context must agree.
  if (exact.length < opts.minApproximateLength) return { orphan: true, reason: 'not-found' };
  const hasContext = Boolean(context.prefix || context.suffix);
  // Without context to confirm it, an approximate match must be twice as close.
  const maxErrors = Math.floor(exact.length * opts.maxErrorRate * (hasContext ? 1 : 0.5));
  if (maxErrors < 1) return { orphan: true, reason: 'not-found' };
  // Search near the old position first: the global search only reports the
  // lowest-error matches, which may be a look-alike elsewhere.
  const windows: Array<[number, number]> = [];
  if (hint !== undefined) {
    const reach = 2 * exact.length + 2000;
    windows.push([Math.max(0, hint - reach), Math.min(text.length, hint + exact.length + reach)]);
  }
  windows.push([0, text.length]);
  for (const [from, to] of windows) {
    const found = approximateMatches(text.slice(from, to), exact, maxErrors).map((m) => {
      const start = from + m.start;
      const end = from + m.end;
      return { start, end, errors: m.errors, scores: contextScores(text, start, end, context) };
    });
    const best = pickBest(found, exact.length, text.length, hint, opts.minApproximateContextScore);
    if (best && best.end > best.start) return { start: best.start, end: best.end, errors: best.errors, method: 'approximate' };
  }
  return { orphan: true, reason: 'not-found' };
}

/**
 * Approximate matches with up to `maxErrors` edits, best first. The search
 * reports only the matches with the fewest errors, so a look-alike elsewhere
 * (a menu repeating a headline) could hide the real passage with one edit
 * more; we blank out what each round found and search again, a few times.
 */
function approximateMatches(text: string, quote: string, maxErrors: number, rounds = 4) {
  const matches: Array<{ start: number; end: number; errors: number }> = [];
  let haystack = text;
  for (let round = 0; round < rounds; round++) {
    const found = search(haystack, quote, maxErrors);
    if (!found.length) break;
    matches.push(...found);
    let masked = '';
    let at = 0;
    for (const m of [...found].sort((a, b) => a.start - b.start)) {
      if (m.end <= at) continue;
      const start = Math.max(at, m.start);
      masked += haystack.slice(at, start) + '\u0000'.repeat(m.end - start);
      at = m.end;
    }
    haystack = masked + haystack.slice(at);
  }
  return matches;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
  /** Context scores 0..1 per side; null where the quote has no context on that side. */
  scores: ContextScores;
}

interface ContextScores {
  prefix: number | null;
  suffix: number | null;
}

/** The best candidate whose context agrees, or null. Weights as in Hypothesis's match-quote. */
function pickBest(candidates: Candidate[], quoteLength: number, textLength: number, hint: number | undefined, minContextScore: number) {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    if (!agrees(c.scores, minContextScore)) continue;
    const quoteScore = 1 - c.errors / quoteLength;
    const posScore = hint === undefined ? 1 : 1 - Math.abs(c.start - hint) / Math.max(1, textLength);
    const score = 50 * quoteScore + 20 * (c.scores.prefix ?? 0.5) + 20 * (c.scores.suffix ?? 0.5) + 2 * posScore;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** Context agrees when one side that the quote has scores at least `min`, or the quote has none. */
function agrees(scores: ContextScores, min: number): boolean {
  if (scores.prefix === null && scores.suffix === null) return true;
  return (scores.prefix ?? 0) >= min || (scores.suffix ?? 0) >= min;
}

function contextScores(text: string, start: number, end: number, context: { prefix: string; suffix: string }): ContextScores {
  const { prefix, suffix } = context;
  const slack = 8;
  return {
    prefix: prefix
      ? 1 - anchoredDistance(reverse(prefix), reverse(text.slice(Math.max(0, start - prefix.length - slack), start))) / prefix.length
      : null,
    suffix: suffix ? 1 - anchoredDistance(suffix, text.slice(end, end + suffix.length + slack)) / suffix.length : null,
  };
}

const reverse = (s: string) => s.split('').reverse().join('');

/**
 * Fewest edits that turn `pattern` into some prefix of `text` (the text may
 * run on). Context strings are 32 characters, so the O(m·n) table is tiny.
 */
export function anchoredDistance(pattern: string, text: string): number {
  let prev = new Array<number>(text.length + 1);
  for (let j = 0; j <= text.length; j++) prev[j] = j;
  for (let i = 1; i <= pattern.length; i++) {
    const row = new Array<number>(text.length + 1);
    row[0] = i;
    for (let j = 1; j <= text.length; j++) {
      const same = pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(prev[j - 1] + same, prev[j] + 1, row[j - 1] + 1);
    }
    prev = row;
  }
  return Math.min(...prev);
}
