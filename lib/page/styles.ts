import { COLOUR_VALUES } from '../highlights/paint';
import { HIGHLIGHT_COLOURS } from '../highlights/types';
import { HIGHLIGHT_NAMES } from './passages';

/**
 * Colours for everything Backstory paints in a page, inserted with
 * scripting.insertCSS as an extension stylesheet, so the page's DOM gains no
 * <style> element.
 */
export const PAGE_HIGHLIGHT_CSS = [
  `::highlight(${HIGHLIGHT_NAMES.all}) { background-color: rgba(255, 213, 79, 0.55); color: inherit; }`,
  `::highlight(${HIGHLIGHT_NAMES.focus}) { background-color: rgba(255, 152, 0, 0.85); color: #111; }`,
  ...HIGHLIGHT_COLOURS.map((c) => `::highlight(backstory-${c}) { background-color: ${COLOUR_VALUES[c]}; }`),
].join('\n');
