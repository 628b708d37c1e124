import { describe, expect, it } from 'vitest';
import { anchoredDistance, foldPunctuation, matchQuote } from '../../lib/highlights/match-quote';

const TEXT =
  'The minister said on Monday that the plan would go ahead. Critics said the plan would fail. ' +
  'On Tuesday the minister said the plan would go ahead regardless of the vote in parliament.';

describe('matchQuote', () => {
  it('uses the stored position when the quote is still there', () => {
    const start = TEXT.indexOf('Critics said');
    const result = matchQuote(TEXT, { exact: 'Critics said', prefix: 'go ahead. ', suffix: ' the plan', start });
    expect(result).toEqual({ start, end: start + 12, errors: 0, method: 'position' });
  });

  it('finds the exact quote when the text before it changed length', () => {
    const moved = 'BREAKING NEWS. ' + TEXT;
    const result = matchQuote(moved, { exact: 'Critics said the plan would fail.', prefix: 'go ahead. ', suffix: ' On Tuesday', start: 58 });
    expect(result).toMatchObject({ start: moved.indexOf('Critics said'), method: 'exact' });
  });

  it('uses the context to choose between repeats of the quote', () => {
    const second = TEXT.lastIndexOf('the plan would go ahead');
    const result = matchQuote(TEXT, { exact: 'the plan would go ahead', prefix: 'On Tuesday the minister said ', suffix: ' regardless' });
    expect(result).toMatchObject({ start: second, method: 'exact' });
  });

  it('orphans a repeated quote whose context matches none of the repeats', () => {
    const result = matchQuote(TEXT, { exact: 'the plan would', prefix: 'something else entirely here', suffix: ' zzz qqq xxx' });
    expect(result).toEqual({ orphan: true, reason: 'ambiguous' });
  });

  it('finds a quote with one word edited when the context agrees', () => {
    const edited = TEXT.replace('regardless of the vote', 'irrespective of the vote');
    const quote = 'the plan would go ahead regardless of the vote in parliament.';
    const result = matchQuote(edited, { exact: quote, prefix: 'On Tuesday the minister said ', suffix: '' });
    expect(result).toMatchObject({ method: 'approximate' });
    if ('start' in result) expect(edited.slice(result.start, result.end)).toContain('irrespective of the vote');
  });

  it('orphans an approximate match whose context does not agree', () => {
    const edited = TEXT.replace('regardless of the vote', 'irrespective of the vote');
    const quote = 'the plan would go ahead regardless of the vote in parliament.';
    const result = matchQuote(edited, { exact: quote, prefix: 'A completely different lead-in ', suffix: ' and another ending here' });
    expect(result).toEqual({ orphan: true, reason: 'not-found' });
  });

  it('orphans a quote with too many edits', () => {
    const result = matchQuote(TEXT, { exact: 'The chancellor argued on Friday that a scheme could halt.', prefix: '', suffix: ' Critics said' });
    expect('orphan' in result).toBe(true);
  });

  it('orphans a quote that is gone, even where its context remains', () => {
    const without = TEXT.replace(' Critics said the plan would fail.', '');
    const result = matchQuote(without, { exact: 'Critics said the plan would fail.', prefix: 'would go ahead. ', suffix: ' On Tuesday' });
    expect(result).toEqual({ orphan: true, reason: 'not-found' });
  });

  it('ignores curly quotes, dashes and whitespace differences', () => {
    const page = foldPunctuation('He said “it’s over” — and left.');
    const result = matchQuote(page, { exact: 'said "it\'s over" -\n and left' });
    expect(result).toMatchObject({ start: 3, method: 'exact' });
  });

  it('orphans an empty quote', () => {
    expect(matchQuote(TEXT, { exact: '   ' })).toEqual({ orphan: true, reason: 'empty-quote' });
  });
});

describe('anchoredDistance', () => {
  it('counts the edits to turn a pattern into a prefix of the text', () => {
    expect(anchoredDistance('abc', 'abcdef')).toBe(0);
    expect(anchoredDistance('abc', 'axcdef')).toBe(1);
    expect(anchoredDistance('abc', 'xyz')).toBe(3);
  });
});
