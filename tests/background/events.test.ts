import { describe, expect, it } from 'vitest';
import { findEvents } from '../../lib/background';
import { hasShared } from '../../scripts/node-dom';
import { loadSeed } from './seed';

describe('findEvents', () => {
  it.each([
    ['in line with international law and the Doha Agreement.', ['Doha Agreement']],
    ['Even Operation Sarbakaf, the ongoing offensive, began.', ['Operation Sarbakaf']],
    ['when the TTP demanded reversal of the FATA–KP merger.', ['FATA–KP merger']],
    ['The Treaty of Versailles ended it.', ['Treaty of Versailles']],
    ['after World War II and the Cold War.', ['World War II', 'Cold War']],
    ['under the Investment Company Act of 1940, lawyers said', ['Investment Company Act of 1940']],
    ['the Tax Cuts and Jobs Act passed', ['Tax Cuts and Jobs Act']],
    ['the Convention on the Rights of the Child', ['Convention on the Rights of the Child']],
    ['before the 2024 Election and the Paris Agreement.', ['2024 Election', 'Paris Agreement']],
  ])('finds the event in %j', (text, expected) => {
    expect(findEvents(text)).toEqual(expected);
  });

  it('lists each event once, in order of first mention', () => {
    expect(findEvents('The Doha Agreement failed. Operation Sarbakaf began. The Doha Agreement was signed in 2020.')).toEqual(['Doha Agreement', 'Operation Sarbakaf']);
  });

  it('finds the events of the seed article', () => {
    if (!hasShared) return;
    const { article, gold } = loadSeed();
    expect(findEvents(article.text).sort()).toEqual(gold.events.map((e) => e.name).sort());
  });
});

// Chrono-style negative cases: text that must produce no event.
describe('findEvents negative cases', () => {
  it.each([
    'Election Commission suspended the registration in May.',
    'The Act was passed. War broke out.',
    'Prime Minister Shehbaz Sharif warned Afghanistan.',
    'America’s war in Afghanistan lasted twenty years.',
    'Afghanistan must uphold its commitments under the accord.',
    'the merger of two banks',
    'A Summit',
  ])('%j', (text) => {
    expect(findEvents(text)).toEqual([]);
  });
});
