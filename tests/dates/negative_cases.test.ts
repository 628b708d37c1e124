import { describe, expect, it } from 'vitest';
import { findDateMentions } from '../../lib/dates';

// Inputs that must produce no date at all, in the style of chrono's negative_cases.test.ts.
const published = '2025-09-16';

function testNoDate(text: string) {
  it(`finds no date in "${text}"`, () => {
    expect(findDateMentions(text, { published }).map((m) => m.text)).toEqual([]);
  });
}

describe('durations', () => {
  testNoDate('after a 14-day dialogue effort collapsed');
  testNoDate('the talks lasted three years');
  testNoDate('they negotiated for two weeks');
  testNoDate('a 10-year plan');
  testNoDate('over the past year, prices rose');
});

describe('ages', () => {
  testNoDate('a 45-year-old man was arrested');
  testNoDate('the victim, 2019 years old in the story, was a myth');
});

describe('counts', () => {
  testNoDate('a tribute to 19 fallen soldiers');
  testNoDate('a jirga of 57 elders');
  testNoDate('2,000 people marched');
  testNoDate('about 2000 people marched');
  testNoDate('he sent 2000 troops');
  testNoDate('turnout reached 1999 voters');
});

describe('money and measures', () => {
  testNoDate('it cost $2019 in fees');
  testNoDate('a fee of €2020');
  testNoDate('prices rose 2019%');
  testNoDate('a 2019 km journey');
});

describe('times of day, scores and phone numbers', () => {
  testNoDate('at 5 p.m.');
  testNoDate('they won 2-1 at home');
  testNoDate('call 555-2019 for tickets');
  testNoDate('call (212) 555-1999');
});

describe('section, page and model numbers', () => {
  testNoDate('see page 2019 of the report');
  testNoDate('under Section 2019 of the code');
  testNoDate('it ran on Windows 2000');
  testNoDate('flight 1989 was delayed');
  testNoDate('room 2010 on the second floor');
});

describe('centuries and quarters that are no dates', () => {
  testNoDate('the pipes are more than a century old');
  testNoDate('a quarter century of service');
  testNoDate('a century-old main broke');
  testNoDate('they met in the French Quarter');
  testNoDate('the quarter-point rise');
  testNoDate('nineteen ninety-five people marched');
});

describe('habitual statements', () => {
  testNoDate('Construction during the winter isn’t always a good idea.');
  testNoDate('During peak season in early March, that number can expand to more than 60.');
  testNoDate('In the spring, the river usually floods.');
});

describe('counted from an event, or from no date at all', () => {
  testNoDate('the day before the vote, he resigned');
  testNoDate('The following day, the firm was sold.');
  testNoDate('over the next year, prices rose');
});

describe('words that look like dates', () => {
  testNoDate('protesters march on the capital');
  testNoDate('the court may rule soon');
  testNoDate('Prime Minister Theresa May resigned');
  testNoDate('according to USA Today reporters');
  testNoDate('a General Motors exhibition that heralded “The World of Tomorrow.”');
  testNoDate('she watched The Day After Tomorrow with friends');
  testNoDate('it appeared in the Sunday Times');
  testNoDate('the fraction 3/4 of voters');
  testNoDate('open 24/7');
  testNoDate('now is the time');
});
