import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findDateMentions, findDates } from '../../lib/dates';

// Published on a Tuesday.
const published = '2025-09-16';

/** The single mention found in `text`, as [text, value, precision]. */
function only(text: string, options = { published }) {
  const mentions = findDateMentions(text, options);
  expect(mentions).toHaveLength(1);
  return [mentions[0].text, mentions[0].value, mentions[0].precision];
}

describe('findDateMentions', () => {
  describe('absolute dates', () => {
    it.each([
      ['It happened on September 16, 2025.', 'September 16, 2025', '2025-09-16', 'day'],
      ['It happened on 16 Sept. 2025.', '16 Sept. 2025', '2025-09-16', 'day'],
      ['It happened on 2025-09-16.', '2025-09-16', '2025-09-16', 'day'],
      ['The law passed in March 1996.', 'March 1996', '1996-03', 'month'],
      ['Growth slowed in mid-2019.', 'mid-2019', '2019', 'year'],
      ['Prices fell in the 1990s.', 'the 1990s', '199', 'decade'],
      ['Prices fell in the ’80s.', 'the ’80s', '198', 'decade'],
      ['Sales rose in the summer of 2019.', 'the summer of 2019', '2019-SU', 'season'],
      ['Profit rose in the third quarter of 2024.', 'the third quarter of 2024', '2024-Q3', 'quarter'],
      ['The deal closed at the end of 1990.', 'the end of 1990', '1990', 'year'],
      ['The attack began on the night of Feb. 24, 2022.', 'Feb. 24, 2022', '2022-02-24', 'day'],
      ['They met on the morning of 3 March 2021.', '3 March 2021', '2021-03-03', 'day'],
      ['She was born on New Year’s Eve 1999 in Lagos.', 'New Year’s Eve 1999', '1999-12-31', 'day'],
    ])('reads %j', (text, written, value, precision) => {
      expect(only(text)).toEqual([written, value, precision]);
    });

    it.each([
      ['In the late 1800s, the lines were buried.', 'the late 1800s', '18', 'century'],
      ['It was one of the events of the 20th century.', 'the 20th century', '19', 'century'],
      ['Such a thing was unknown in the nineteenth century.', 'the nineteenth century', '18', 'century'],
      ['The 2000s were quieter.', 'The 2000s', '200', 'decade'],
      ['In nineteen ninety-one Keating was convicted.', 'nineteen ninety-one', '1991', 'year'],
      ['January nineteen ninety-seven. Atlanta again.', 'January nineteen ninety-seven', '1997-01', 'month'],
      ['It was the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four', '1994-WI', 'season'],
      ['The approach of the year two thousand worried them.', 'the year two thousand', '2000', 'year'],
      ['Sales for this year’s third quarter fell.', 'this year’s third quarter', '2025-Q3', 'quarter'],
      ['The spin-off could be effective as early as next year’s first quarter.', 'next year’s first quarter', '2026-Q1', 'quarter'],
    ])('reads %j', (text, written, value, precision) => {
      expect(only(text)).toEqual([written, value, precision]);
    });

    it('reads bare years, which chrono does not', () => {
      const text = 'Since 2007, talks failed, in 2022 a 2022 jirga met, and the 2018 merger stood.';
      expect(findDateMentions(text, { published }).map((m) => m.value)).toEqual(['2007', '2022', '2022', '2018']);
    });

    it('gives both ends of a year range as mentions', () => {
      expect(findDateMentions('during the 2019–2021 drought', { published }).map((m) => m.value)).toEqual(['2019', '2021']);
      expect(findDateMentions('a downturn like 2008-9', { published }).map((m) => m.value)).toEqual(['2008', '2009']);
    });

    it('takes the year of a month and day without one from the publication date', () => {
      expect(only('Police said Sept. 14 that the road was closed.')).toEqual(['Sept. 14', '2025-09-14', 'day']);
    });
  });

  describe('relative dates, resolved against the publication date', () => {
    it('reads a bare weekday as the last one on or before publication', () => {
      const [mention] = findDateMentions('In a post on Sunday, he argued for talks.', { published });
      expect(mention.value).toBe('2025-09-14');
      expect(mention.relative).toBe('Sunday before publication');
    });

    it('reads the publication weekday itself as the publication day', () => {
      expect(findDateMentions('The minister resigned Tuesday.', { published })[0].value).toBe('2025-09-16');
    });

    it('reads a weekday forward when the tense is future', () => {
      expect(findDateMentions('The ministers will meet on Sunday.', { published })[0].value).toBe('2025-09-21');
      expect(findDateMentions('They meet next Sunday.', { published })[0].value).toBe('2025-09-21');
      expect(findDateMentions('They met last Tuesday.', { published })[0].value).toBe('2025-09-09');
    });

    it('reads a month without a year as the latest one not after publication', () => {
      const [mention] = findDateMentions('Since April, attacks have grown.', { published });
      expect([mention.value, mention.precision, mention.relative]).toEqual(['2025-04', 'month', 'April of the publication year']);
      expect(findDateMentions('Attacks have grown since October.', { published })[0].value).toBe('2024-10');
    });

    it('reads a month forward when the tense is future', () => {
      expect(findDateMentions('The vote will be held in March.', { published })[0].value).toBe('2026-03');
    });

    it.each([
      ['Last year the deal failed.', 'Last year', '2024', 'the year before publication'],
      ['The plan was announced earlier this month.', 'earlier this month', '2025-09', 'the month of publication'],
      ['The talks resume next week.', 'next week', '2025-W39', 'the week after publication'],
      ['He spoke yesterday.', 'yesterday', '2025-09-15', 'the day before publication'],
      ['The law passed two years ago.', 'two years ago', '2023', '2 years before publication'],
      ['Sales rose this summer.', 'this summer', '2025-SU', 'summer of the publication year'],
      ['It happened last April.', 'last April', '2025-04', 'April of the publication year'],
      ['It happened in June last year.', 'June last year', '2024-06', 'June of the year before publication'],
    ])('resolves %j', (text, written, value, relative) => {
      const [mention] = findDateMentions(text, { published });
      expect([mention.text, mention.value, mention.relative]).toEqual([written, value, relative]);
    });

    describe('the tense that places a weekday or a month', () => {
      // Published on Tuesday 2025-09-16.
      it.each([
        ['The two presidents on Friday signed the plan.', '2025-09-12'],
        ['They signed a cooperation plan on Friday.', '2025-09-12'],
        ['The carrier has been on patrol since March and was scheduled to return in May.', '2025-03'],
        ['In January, the company brought in a new chief.', '2025-01'],
        ['In the fiscal year ended Jan. 31, sales rose.', '2025-01-31'],
        ['A budget bill approved in February that raised spending by $300 billion over two years will add to the pressure.', '2025-02'],
        ['They said they expect the deal to be completed by Dec. 15.', '2025-12-15'],
        ['The dividend will be paid Dec. 14 to holders of record.', '2025-12-14'],
        ['The talks are supposed to conclude by May, officials said.', '2026-05'],
        ['The envoy said on Friday that Iraq would retaliate.', '2025-09-12'],
        ['The monarch will meet Bush on Thursday in Maine.', '2025-09-18'],
        ['It would be paid on a still unspecified date in January.', '2026-01'],
        ['Officials unveiled the plan in January.', '2025-01'],
        ['The deadline is Sept. 30, the last day of the fiscal year.', '2025-09-30'],
        ['The bill was signed on Sept. 12, the last day of the session.', '2025-09-12'],
        ['The company said on Monday it would hire 500 people by year-end.', '2025-09-15'],
        ['Trading resumed mid-morning on Wednesday.', '2025-09-10'],
        ['On Monday the prime minister called a general election for Oct. 30.', '2025-10-30'],
        ['The hearing was set for Sept. 10 but was cancelled.', '2025-09-10'],
        ['Protests erupted on Christmas Day and lasted a week.', '2024-12-25'],
        ['The store will close over Christmas, a spokesman said.', '2025-12-25'],
      ])('in %j reads the date as %s', (text, value) => {
        expect(findDateMentions(text, { published }).map((m) => m.value)).toContain(value);
      });

      it('ignores a future marker in the next quoted sentence', () => {
        const text = 'Ministers voted to support the republic Friday. ``This convention will be seen as historic.';
        expect(findDateMentions(text, { published })[0].value).toBe('2025-09-12');
      });
    });

    describe('a weekday without a tense to go by', () => {
      it('is the day itself or one of the days before', () => {
        expect(findDateMentions('Statement by the minister, Monday.', { published })[0].value).toBe('2025-09-15');
        expect(findDateMentions('Statement by the minister, Thursday.', { published })[0].value).toBe('2025-09-11');
      });

      it('is tomorrow rather than six days ago', () => {
        expect(findDateMentions('The summit, Wednesday, in Doha.', { published })[0].value).toBe('2025-09-17');
      });
    });

    it('reads "this week" in a future clause written on a Friday as the coming week', () => {
      const friday = '2015-03-13';
      expect(findDateMentions('The bill will be debated in the House this week.', { published: friday })[0].value).toBe('2015-W12');
      expect(findDateMentions('In their meetings this week, the team boasted of concessions.', { published: friday })[0].value).toBe('2015-W11');
      expect(findDateMentions('The bill will be debated this week.', { published })[0].value).toBe('2025-W38');
    });

    it('reads a season without a determiner by the tense', () => {
      // Published in September: "the summer" just ended, the coming spring is next year's.
      expect(findDateMentions('Demand was strong well into the summer.', { published })[0].value).toBe('2025-SU');
      expect(findDateMentions('The plant will reopen in the spring.', { published })[0].value).toBe('2026-SP');
    });

    it('reads "the quarter" as the one the story names, else the latest one completed', () => {
      const named = findDateMentions('Profit rose in the second quarter. Sales in the quarter fell.', { published });
      expect(named.map((m) => m.value)).toEqual(['2025-Q2', '2025-Q2']);
      expect(findDateMentions('Sales in the quarter fell.', { published })[0].value).toBe('2025-Q2');
      expect(findDateMentions('The company had a loss for the quarter ended June 30.', { published }).map((m) => m.value)).toEqual(['2025-Q2', '2025-06-30']);
    });

    it('counts "the following month" and "the year before" from the date just named', () => {
      const mentions = findDateMentions('Talks began in March 2019. The following month, the firm was put up for sale.', { published });
      expect(mentions.map((m) => [m.text, m.value])).toEqual([['March 2019', '2019-03'], ['The following month', '2019-04']]);
      expect(findDateMentions('In 2015 a quarter favoured a change, down from the year before.', { published }).map((m) => m.value)).toEqual(['2015', '2014']);
    });

    it('counts "two years later" and "three days later" from the date just named', () => {
      const law = findDateMentions('The law was passed in 2019 and came into force two years later.', { published });
      expect(law.map((m) => [m.text, m.value, m.relative])).toEqual([['2019', '2019', null], ['two years later', '2021', '2 years after 2019']]);
      expect(findDateMentions('The plant closed on May 3, 2019. Three days later, it reopened.', { published }).map((m) => m.value)).toEqual(['2019-05-03', '2019-05-06']);
    });

    it('leaves out "the following day" when the text names no date to count from', () => {
      expect(findDateMentions('The following day, the firm was sold.', { published })).toEqual([]);
    });

    it('reads the period a results story compares with', () => {
      const text = 'Coast lost $92 million for the quarter ended Sept. 30. It earned $10 million in the year-ago quarter.';
      expect(findDateMentions(text, { published: '1989-11-01' }).map((m) => [m.text, m.value])).toEqual([
        ['the quarter', '1989-Q3'],
        ['Sept. 30', '1989-09-30'],
        ['the year-ago quarter', '1988-Q3'],
      ]);
    });

    it('compares with a period already reported, not with a forecast', () => {
      const text = 'Profit rose in the third quarter. Analysts expect losses through the third quarter of 2026. In the year-ago period, it earned $1 million.';
      expect(findDateMentions(text, { published }).at(-1)!.value).toBe('2024-Q3');
    });

    it('counts "a year earlier" from the date it follows', () => {
      const mentions = findDateMentions('Profit rose in the third quarter from $5 million a year earlier.', { published });
      expect(mentions.map((m) => m.value)).toEqual(['2025-Q3', '2024-Q3']);
    });

    it('reads the second side of a range on its own ("from today through Nov. 17")', () => {
      expect(findDateMentions('Orders run from today through Nov. 17.', { published }).map((m) => m.value)).toEqual(['2025-09-16', '2025-11-17']);
    });

    it('reads a holiday only as a time ("over Christmas"), not in "Christmas shopping" or "Valentine’s Day candies"', () => {
      expect(findDateMentions('Christmas shopping rose this month.', { published }).map((m) => m.text)).not.toContain('Christmas');
      expect(findDateMentions('Her sculptures resemble neon Valentine’s Day candies.', { published })).toEqual([]);
    });

    it('never invents precision', () => {
      expect(findDateMentions('Since 2007, talks failed.', { published })[0].value).toBe('2007');
      expect(findDateMentions('In April 2025 talks failed.', { published })[0].value).toBe('2025-04');
    });
  });
});

describe('findDates', () => {
  const text = [
    'Talks collapse as envoy speaks out on Sunday',
    'The envoy spoke on Sunday. Since 2007, talks have failed.',
    'Officials met again in 2022.',
    'Since April, attacks grew. In 2022 and again in 2022 they talked.',
  ].join('\n\n');

  it('lists the dates in chronological order with the publication date marked', () => {
    const entries = findDates(text, { published });
    expect(entries.map((e) => e.value)).toEqual(['2007', '2022', '2025-04', '2025-09-14', '2025-09-16']);
    const publication = entries.find((e) => e.publication);
    expect(publication).toMatchObject({ value: '2025-09-16', key: true, count: 0, text: '2025-09-16' });
  });

  it('collapses repeated mentions into one entry with a count', () => {
    const entries = findDates(text, { published });
    expect(entries.find((e) => e.value === '2022')?.count).toBe(3);
    expect(entries.find((e) => e.value === '2025-09-14')?.count).toBe(2);
  });

  it('marks dates in the headline or lede, or mentioned often, as key', () => {
    const key = Object.fromEntries(findDates(text, { published }).map((e) => [e.value, e.key]));
    expect(key).toEqual({ '2007': true, '2022': true, '2025-04': false, '2025-09-14': true, '2025-09-16': true });
  });

  it('keeps the preposition in the text and the sentence of the first mention', () => {
    const april = findDates(text, { published }).find((e) => e.value === '2025-04')!;
    expect(april.text).toBe('Since April');
    expect(text.slice(april.start, april.end)).toBe('Since April');
    expect(april.sentence).toBe('Since April, attacks grew.');
  });

  it('quotes the second year of an abbreviated range with the first, not as a lone digit', () => {
    const entries = findDates('A downturn like 2008-9 was rare. In 2009, the deficit grew.', { published });
    const second = entries.find((e) => e.value === '2009')!;
    expect(second).toMatchObject({ text: '2008-9', count: 2 });
    expect(entries.find((e) => e.value === '2008')?.text).toBe('2008');
    // A full second year is quoted as written.
    expect(findDates('during the 2019–2021 drought', { published }).find((e) => e.value === '2021')?.text).toBe('2021');
  });

  it('uses the written form of the publication date when the text states it', () => {
    const entries = findDates('Published September 16, 2025. Today the envoy spoke.', { published });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ text: 'September 16, 2025', count: 2, publication: true });
  });

  it('leaves out the dates of an author bio that ends with a social handle', () => {
    const withBio = `${text}\n\nNelson Schwartz has covered economics since 2012. He joined The Times in 2009. @NelsonSchwartz`;
    expect(findDates(withBio, { published }).map((e) => e.value)).not.toContain('2009');
  });

  it('trims a long sentence to the clauses around the date', () => {
    const long = `${'The committee, which had met many times before, '.repeat(4)}finally agreed on Sunday, after a long night of talks, ${'and more clauses follow here, '.repeat(4)}to end.`;
    const [entry] = findDates(long, { published }).filter((e) => !e.publication);
    expect(entry.sentence.length).toBeLessThanOrEqual(210);
    expect(entry.sentence).toContain('on Sunday');
  });

  describe('without a publication date', () => {
    beforeEach(() => {
      vi.useFakeTimers();
      vi.setSystemTime(new Date(2025, 8, 16, 12));
    });
    afterEach(() => vi.useRealTimers());

    it('resolves against today and marks relative dates uncertain', () => {
      const entries = findDates('He spoke on Sunday. Since 2007, talks have failed.', { published: null });
      expect(entries.map((e) => [e.value, e.uncertain ?? false])).toEqual([
        ['2007', false],
        ['2025-09-14', true],
      ]);
      expect(entries.some((e) => e.publication)).toBe(false);
    });

    it('resolves against the given clock', () => {
      const entries = findDates('He spoke yesterday.', { published: null, now: new Date(2020, 0, 1, 12) });
      expect(entries[0]).toMatchObject({ value: '2019-12-31', relative: 'yesterday', uncertain: true });
    });
  });
});
