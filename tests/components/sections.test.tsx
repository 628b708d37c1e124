// @vitest-environment jsdom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ActorsSection } from '../../components/ActorsSection';
import { formatTimeValue } from '../../components/format';
import { LinksSection } from '../../components/LinksSection';
import { TimelineSection } from '../../components/TimelineSection';
import type { Actor, DateEntry } from '../../lib/report';

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

const actor = (name: string, type: Actor['type'], extra: Partial<Actor> = {}): Actor => ({
  name,
  type,
  aliases: [],
  mentions: 3,
  salience: 0.5,
  offsets: [
    [0, 5],
    [10, 15],
    [20, 25],
  ],
  ...extra,
});

describe('ActorsSection', () => {
  it('groups actors into people, organisations, places and other', () => {
    const el = root();
    render(<ActorsSection actors={[actor('Zalmay Khalilzad', 'person'), actor('TTP', 'organization'), actor('Kabul', 'place'), actor('Doha Agreement', 'other')]} onShowMentions={() => {}} />, el);
    expect([...el.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['People', 'Organisations', 'Places', 'Other']);
  });

  it('shows an actor’s mentions and steps through them', () => {
    const el = root();
    const show = vi.fn();
    render(<ActorsSection actors={[actor('Kabul', 'place')]} onShowMentions={show} />, el);
    (el.querySelector('.actor-name') as HTMLButtonElement).click();
    expect(show).toHaveBeenLastCalledWith(expect.objectContaining({ name: 'Kabul' }), 0);
  });

  it('renders untrusted names and descriptions as text and never links anything but http(s)', () => {
    const el = root();
    const evil = actor('<img src=x onerror=alert(1)>', 'person', {
      wikipedia: { title: 'x', url: 'javascript:alert(1)', description: '<b>bold</b>', thumbnail: 'data:image/png;base64,AAAA' },
    });
    render(<ActorsSection actors={[evil]} onShowMentions={() => {}} />, el);
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('b')).toBeNull();
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
    for (const a of el.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:/);
  });

  it('renders nothing when there are no actors', () => {
    const el = root();
    render(<ActorsSection actors={[]} onShowMentions={() => {}} />, el);
    expect(el.innerHTML).toBe('');
  });
});

describe('TimelineSection', () => {
  const entry = (value: string, extra: Partial<DateEntry> = {}): DateEntry => ({
    text: value,
    value,
    precision: 'year',
    start: 0,
    end: 4,
    sentence: `Something happened in ${value}.`,
    relative: null,
    count: 1,
    key: false,
    ...extra,
  });

  it('marks the publication date and key dates and says how relative dates were resolved', () => {
    const el = root();
    render(
      <TimelineSection
        dates={[entry('2007'), entry('2025-09-14', { text: 'on Sunday', relative: 'Sunday before publication', key: true }), entry('2025-09-16', { publication: true, key: true })]}
        hasPublished
        onShowSentence={() => {}}
      />,
      el,
    );
    expect([...el.querySelectorAll('time')].map((t) => t.textContent)).toEqual(['2007', 'Sun 14 Sep 2025', 'Tue 16 Sep 2025']);
    expect(el.textContent).toContain('Sunday before publication');
    expect(el.querySelector('.publication .badge')?.textContent).toBe('Published');
    expect(el.querySelector('.key .badge')?.textContent).toBe('Key date');
  });

  it('warns that relative dates are uncertain when the page states no publication date', () => {
    const el = root();
    render(<TimelineSection dates={[entry('2025-09-14', { uncertain: true })]} hasPublished={false} onShowSentence={() => {}} />, el);
    expect(el.textContent).toContain('does not say when it was published');
    expect(el.textContent).toContain('Uncertain');
  });
});

describe('formatTimeValue', () => {
  it.each([
    ['2007', '2007'],
    ['2025-04', 'April 2025'],
    ['2025-09-14', 'Sun 14 Sep 2025'],
    ['199', 'The 1990s'],
    ['2019-SU', 'Summer 2019'],
    ['2024-Q2', 'Q2 2024'],
    ['2025-W37', 'Week 37 of 2025'],
    ['18', 'The 19th century'],
    ['20', 'The 21st century'],
  ])('writes %s as %s', (value, shown) => {
    expect(formatTimeValue(value)).toBe(shown);
  });
});

describe('LinksSection', () => {
  it('lists the page’s links with why, and keeps non-http(s) links unclickable', () => {
    const el = root();
    render(
      <LinksSection
        links={[
          { url: 'https://news.example/ttp', title: 'TTP raid', kind: 'related', about: ['TTP'], reason: 'about TTP' },
          { url: 'javascript:alert(1)', title: 'Evil', kind: 'in-article', about: [], reason: '' },
        ]}
        events={['Doha Agreement']}
        lookupsEnabled={false}
        results={{}}
        pending={new Set()}
        searchUrl={(name) => `https://en.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`}
        onEnableLookups={() => {}}
        onDisableLookups={() => {}}
      />,
      el,
    );
    expect(el.textContent).toContain('about TTP');
    expect(el.textContent).toContain('Evil');
    for (const a of el.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:/);
    expect(el.textContent).toContain('Only their names are sent');
  });
});
