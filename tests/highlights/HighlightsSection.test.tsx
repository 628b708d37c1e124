// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HighlightsSection, type HighlightsSectionProps } from '../../components/HighlightsSection';
import { makeRecord } from './fixtures';

const onPage = makeRecord({ exact: 'Facebook tracks people without accounts', note: 'Key claim', tags: ['privacy'] });
const second = makeRecord({ exact: 'Advertisers can upload phone numbers', colour: 'pink', tags: ['ads'] });
const orphan = makeRecord({ exact: 'A paragraph the site has since removed', note: 'Was in the first version' });
const elsewhere = makeRecord({
  exact: '<img src=x onerror=alert(1)> Élysée statement',
  page: { url: 'javascript:alert(1)', canonicalUrl: null, title: 'Élysée briefing', authors: [], site: 'Le Monde', published: null },
});

let root: HTMLElement;
let props: HighlightsSectionProps;

function show(overrides: Partial<HighlightsSectionProps> = {}) {
  props = {
    pageHighlights: [
      { record: onPage, found: true },
      { record: second, found: true },
      { record: orphan, found: false },
    ],
    allHighlights: [onPage, second, orphan, elsewhere],
    onSaveSelection: vi.fn(),
    canSaveSelection: true,
    onJump: vi.fn(),
    onUpdate: vi.fn(),
    onDelete: vi.fn(),
    onRestore: vi.fn(),
    onExport: vi.fn(),
    onImport: vi.fn(),
    ...overrides,
  };
  act(() => render(<HighlightsSection {...props} />, root));
}

const button = (name: string | RegExp) => {
  const found = Array.from(root.querySelectorAll('button')).find((b) => (typeof name === 'string' ? b.textContent === name : name.test(b.textContent ?? '')));
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const click = (el: Element) => act(() => (el as HTMLElement).click());
const type = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'input') =>
  act(() => {
    el.value = value;
    el.dispatchEvent(new Event(event, { bubbles: true }));
  });

beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('HighlightsSection, this page', () => {
  it('lists found highlights in the given order and orphans apart under "Not found on this page"', () => {
    show();
    const lists = root.querySelectorAll('.highlights-list');
    expect(Array.from(lists[0].querySelectorAll('.highlight-quote')).map((q) => q.textContent)).toEqual([onPage.selectors.quote.exact, second.selectors.quote.exact]);
    expect(root.querySelector('h3')!.textContent).toBe('Not found on this page');
    expect(lists[1].textContent).toContain('A paragraph the site has since removed');
    expect(lists[1].textContent).toContain('Was in the first version');
  });

  it('calls back to scroll to a highlight when its quote is clicked, but not for orphans', () => {
    show();
    click(button(onPage.selectors.quote.exact));
    expect(props.onJump).toHaveBeenCalledWith(onPage.id);
    expect(root.querySelector('.highlights-orphans button.highlight-quote')).toBeNull();
  });

  it('saves the selection on request', () => {
    show();
    click(button('Save selection'));
    expect(props.onSaveSelection).toHaveBeenCalled();
  });

  it('edits note, tags and colour inline', () => {
    show();
    click(root.querySelector(`[aria-label^="Edit note, tags and colour of “Facebook tracks"]`)!);
    type(root.querySelector('textarea')!, '  Check the source ');
    type(root.querySelector('input[type="text"]')!, 'privacy, #facebook');
    click(root.querySelector('input[value="blue"]')!);
    click(button('Save'));
    expect(props.onUpdate).toHaveBeenCalledWith(onPage.id, { note: 'Check the source', tags: ['privacy', ' #facebook'], colour: 'blue' });
    expect(root.querySelector('form')).toBeNull();
  });

  it('deletes with an Undo that gives the same record back', () => {
    show();
    click(root.querySelector('[aria-label^="Delete highlight “Advertisers"]')!);
    expect(props.onDelete).toHaveBeenCalledWith(second);
    const status = root.querySelector('[aria-live="polite"]')!;
    expect(status.textContent).toContain('Highlight deleted.');
    click(button('Undo'));
    expect(props.onRestore).toHaveBeenCalledWith(second);
    expect(status.textContent).not.toContain('Highlight deleted.');
  });

  it('announces status messages in a live region', () => {
    show({ status: 'Your browser has no room left to save highlights.' });
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Your browser has no room left to save highlights.');
  });

  it('exports this page’s highlights in the chosen format', () => {
    show();
    type(root.querySelector('#highlights-export-page') as HTMLSelectElement, 'bibtex', 'change');
    click(button('Export'));
    expect(props.onExport).toHaveBeenCalledWith('bibtex', [onPage, second, orphan], 'page');
  });
});

describe('HighlightsSection, all highlights', () => {
  it('groups by page and renders page text as text, linking only http(s) pages', () => {
    show();
    click(button(/^All highlights/));
    const pages = root.querySelectorAll('.highlights-page');
    expect(pages).toHaveLength(2);
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror=alert(1)> Élysée statement');
    const titles = Array.from(pages).map((p) => p.querySelector('h3')!);
    const briefing = titles.find((h) => h.textContent === 'Élysée briefing')!;
    expect(briefing.querySelector('a')).toBeNull();
    expect(titles.find((h) => h.querySelector('a'))!.querySelector('a')!.getAttribute('href')).toBe(onPage.page.canonicalUrl);
  });

  it('searches without regard to accents and filters by tag and colour, exporting what matches', () => {
    show();
    click(button(/^All highlights/));
    type(root.querySelector('#highlights-search') as HTMLInputElement, 'elysee');
    expect(root.querySelectorAll('.highlight')).toHaveLength(1);
    expect(root.textContent).toContain('1 of 4 highlights match.');
    click(button('Export'));
    expect(props.onExport).toHaveBeenCalledWith('markdown', [elsewhere], 'search');

    type(root.querySelector('#highlights-search') as HTMLInputElement, '');
    type(root.querySelector('#highlights-tag') as HTMLSelectElement, 'ads', 'change');
    expect(Array.from(root.querySelectorAll('.highlight')).map((li) => li.getAttribute('data-id'))).toEqual([second.id]);
    type(root.querySelector('#highlights-tag') as HTMLSelectElement, '', 'change');
    type(root.querySelector('#highlights-colour') as HTMLSelectElement, 'pink', 'change');
    expect(Array.from(root.querySelectorAll('.highlight')).map((li) => li.getAttribute('data-id'))).toEqual([second.id]);
  });

  it('hands a chosen import file to the caller', () => {
    show();
    click(button(/^All highlights/));
    const input = root.querySelector('#highlights-import') as HTMLInputElement;
    const file = new File(['{}'], 'highlights.jsonld', { type: 'application/ld+json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(props.onImport).toHaveBeenCalledWith(file);
  });
});
