import { describe, expect, it } from 'vitest';
import { classifyLink, normaliseUrl } from '../../lib/background';

const PAGE = 'https://news.example/world/2025/09/16/a-story-about-things';
const reason = (href: string) => classifyLink(href, PAGE).drop;

describe('normaliseUrl', () => {
  it('resolves against the page and drops the hash and tracking parameters', () => {
    expect(normaliseUrl('../2025/01/02/story-one?utm_source=x&utm_medium=y&id=3&fbclid=z#c', PAGE)).toBe('https://news.example/world/2025/09/2025/01/02/story-one?id=3');
  });

  it('answers null for what does not parse', () => {
    expect(normaliseUrl('http://', PAGE)).toBeNull();
  });
});

describe('classifyLink', () => {
  it.each([
    ['https://other.example/2025/09/15/the-background-story', null],
    ['https://en.wikipedia.org/wiki/Doha_Agreement', null],
    ['/world/long-read-on-the-peace-talks', null],
    ['/?p=12345', null],
    ['javascript:void(0)', 'scheme'],
    ['mailto:desk@news.example', 'scheme'],
    [`${PAGE}?utm_campaign=share#top`, 'self'],
    ['https://www.facebook.com/sharer/sharer.php?u=x', 'share'],
    ['https://twitter.com/someone', 'social'],
    ['https://ad.doubleclick.net/clk;1;2', 'ad'],
    ['/out?url=https://elsewhere.example/story', 'redirect'],
    ['/world/2025/09/16/other-story/comments', 'comments'],
    ['/account/login', 'service'],
    ['/tag/pakistan/page-2', 'taxonomy'],
    ['/author/jane-doe', 'taxonomy'],
    ['/media/report-2024.pdf', 'file'],
    ['/', 'front'],
    ['/pakistan/', 'front'],
    ['/news/world/', 'front'],
  ])('%s → %s', (href, expected) => {
    expect(reason(href)).toBe(expected);
  });
});
