import type { Passage } from '../messages';

const CONTEXT = 32;

/**
 * The passage at [start, end) of the analysed text, with a little context on
 * each side so the page script can tell repeats apart. White space is
 * collapsed because the page lays the same words out differently.
 */
export function passageAt(text: string, start: number, end: number): Passage {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return {
    exact: squash(text.slice(start, end)),
    prefix: squash(text.slice(Math.max(0, start - CONTEXT), start)),
    suffix: squash(text.slice(end, end + CONTEXT)),
  };
}
