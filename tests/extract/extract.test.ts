// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { harvestLinks } from '../../lib/background';
import { extractArticle } from '../../lib/extract/article';
import { photoCredits } from '../../lib/extract/captions';
import { findDatelineDate } from '../../lib/extract/published';
import { blockTexts } from '../../lib/extract/text';
import { hasShared, parseHtml } from '../../scripts/node-dom';
import { realPages, seedArticle } from '../helpers/pages';

const pages = realPages();
// Readability's output and our flattened text differ only in white space between blocks.
const squash = (s: string) => s.replace(/\s+/g, '');
/** `expected` less the credits where `actual` goes on without them (a credit's words may also be in the text: "Twitter"). */
function withoutCredits(expected: string, actual: string, credits: string[]): string {
  let out = '';
  for (let i = 0; i < expected.length; ) {
    const credit = credits.find((c) => c && expected.startsWith(c, i) && actual.startsWith(expected.slice(i + c.length, i + c.length + 40), out.length));
    if (credit && !actual.startsWith(expected.slice(i, i + 40), out.length)) i += credit.length;
    else out += expected[i++];
  }
  return out;
}
// The notes that close these pages after their stories, left out of the analysed text (lib/extract/text.ts):
// the text Readability expects, from the first of them on, is not the story's.
const CLOSING_NOTES: Record<string, string> = {
  breitbart: 'Lucas Nolan is a reporter for Breitbart Tech',
  'citylab-1': 'About the Author',
  'lazy-image-2': 'Mama Robotnik is a video game historian',
  'nytimes-3': 'Corey Kilgannon is a Metro reporter',
  'nytimes-4': 'Nelson D. Schwartz has covered economics',
  'videos-2': 'Alexandre Hervaud , Jérémy Piette',
  'yahoo-1': 'Ben Silverman is on Twitter',
};
function withoutClosingNote(expected: string, page: string): string {
  const note = CLOSING_NOTES[page];
  if (!note) return expected;
  const at = expected.lastIndexOf(squash(note));
  expect(at, `the closing note of ${page}`).toBeGreaterThan(0);
  return expected.slice(0, at);
}
const extracted = new Map<string, ReturnType<typeof extractArticle>>();
const extractPage = (page: (typeof pages)[number]) => {
  if (!extracted.has(page.name)) {
    const url = 'http://fakehost/test/page.html';
    extracted.set(page.name, extractArticle(parseHtml(page.source, url), { url, force: true }));
  }
  return extracted.get(page.name)!;
};

describe.skipIf(!hasShared)('extractArticle on the seed article', () => {
  const { html, gold } = hasShared ? seedArticle() : { html: '', gold: { url: '' } as never };
  const result = hasShared ? extractArticle(parseHtml(html, gold.url), { url: gold.url }) : null;

  it('finds the article with its title, site and publication date', () => {
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.article.info.title).toBe(gold.title);
    expect(result.article.info.siteName).toBe('Newsflash');
    expect(result.article.info.published).toBe('2025-09-16');
    expect(result.article.info.url).toBe(gold.url);
    expect(result.article.info.lang).toBe('en');
    expect(result.article.info.wordCount).toBeGreaterThan(700);
  });

  it('leaves out the related-article teasers and the comment form', () => {
    if (!result?.ok) throw new Error('no article');
    const { text } = result.article;
    expect(text).toContain('Khalilzad has urged Pakistan to adopt');
    for (const furniture of ['Related Articles', 'Arab Khan', 'Awami League', 'Rain Spoils India', 'Post a comment', 'Leave a Reply', 'Required fields']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('adds the lead picture’s caption that Readability leaves out', () => {
    if (!result?.ok) throw new Error('no article');
    const { text, bodyEnd } = result.article;
    expect(text.slice(bodyEnd)).toContain('Mullah Abdul Ghani Baradar and Zalmay Khalilzad shake hands');
    expect(text.slice(0, bodyEnd)).not.toContain('shake hands');
  });

  it('starts the analysed text with the headline and marks the end of the lede', () => {
    if (!result?.ok) throw new Error('no article');
    const { text, ledeEnd } = result.article;
    expect(text.startsWith(`${gold.title}\n\n`)).toBe(true);
    expect(text.slice(0, ledeEnd)).toContain('ISLAMABAD');
    expect(ledeEnd).toBeLessThan(text.length / 2);
  });

  it('leaves pictures’ credits out of the text, and keeps their captions', () => {
    const page = parseHtml(
      '<html><head><title>Water mains</title></head><body><article><h1>Water mains</h1>' +
        '<p>Con Edison crews worked through the night in Flushing, Queens, after the break, officials said on Monday.</p>'.repeat(4) +
        '<figure><img src="a.jpg"><figcaption><span>A worker repairing cables in Queens.</span>' +
        '<span itemprop="copyrightHolder"><span class="visually-hidden">Credit</span><span>Chang W. Lee/The New York Times</span></span></figcaption></figure>' +
        '<figure><img src="b.jpg"><figcaption class="c-lead-image__credit"><span>The Moulin Rouge cabaret in Paris</span>' +
        '<span class="c-lead-image__attribution">Benoit Tessier/Reuters</span></figcaption></figure>' +
        '<figure><div><img src="c.jpg"><div class="attribution">JIM WATSON/AFP/Getty Images</div></div></figure>' +
        '<p>The city’s Department of Environmental Protection said the pipes were more than a century old and due for repair.</p>'.repeat(3) +
        '</article></body></html>',
      'https://news.example/water',
    );
    const result = extractArticle(page);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).toContain('A worker repairing cables in Queens.');
    expect(result.article.text).toContain('The Moulin Rouge cabaret in Paris');
    for (const credit of ['Credit', 'Chang W. Lee', 'New York Times', 'Benoit Tessier', 'Reuters', 'JIM WATSON']) expect(result.article.text).not.toContain(credit);
  });

  it('sets a caption inside a paragraph apart from its sentences, without its copyright line', () => {
    const page = parseHtml(
      '<html><head><title>Nintendo goes mobile</title></head><body><article><h1>Nintendo goes mobile</h1>' +
        '<p><span><span><img src="a.jpg"></span><span class="caption"><span>© Provided by Business Insider Inc</span><span>Nintendo/Apple</span></span></span>' +
        ' Nintendo and Apple shocked the world this year by announcing a game for the phone, the company’s first foray into mobile gaming.</p>' +
        '<p>The game will launch on iPhone and iPad on December 15, for a flat fee, and a sample of its modes can be played for free.</p>'.repeat(4) +
        '</article></body></html>',
      'https://news.example/nintendo',
    );
    const result = extractArticle(page);
    if (!result.ok) throw new Error(result.message);
    const paragraphs = result.article.text.split('\n\n');
    expect(paragraphs.slice(0, 3)).toEqual(['Nintendo goes mobile', 'Nintendo/Apple', expect.stringMatching(/^Nintendo and Apple shocked/)]);
    expect(result.article.text).not.toContain('Business Insider');
  });

  it('finds the credit in a caption copied out of its page, a caption class beside it', () => {
    const page = parseHtml('<figure><img src="a.jpg"><figcaption><span class="caption"><p>Mark Zuckerberg.</p></span><span class="credit">Photo by James Martin/CNET</span></figcaption></figure>');
    const copy = page.querySelector('figcaption')!.cloneNode(true) as Element;
    expect(photoCredits(copy).map((credit) => credit.textContent)).toEqual(['Photo by James Martin/CNET']);
  });

  it('leaves the page it reads untouched', () => {
    const doc = parseHtml(html, gold.url);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, { url: gold.url });
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe.skipIf(!hasShared)('extractArticle on real pages', () => {
  it.each(pages.map((p) => [p.name, p] as const))('%s: matches Readability’s expected title and text, less picture credits and closing notes', (_name, page) => {
    const result = extractPage(page);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.info.title).toBe(page.metadata.title);
    const expectedHtml = readFileSync(resolve(page.dir, 'expected.html'), 'utf8');
    const credits = photoCredits(parseHtml(page.source)).map((credit) => squash(credit.textContent ?? ''));
    const actual = squash(result.article.text.slice(result.article.info.title.length, result.article.bodyEnd));
    expect(actual).toBe(withoutCredits(withoutClosingNote(squash(blockTexts(parseHtml(expectedHtml).body).join(' ')), page.name), actual, credits));
  });

  it.each(pages.filter((p) => p.publishedTime).map((p) => [p.name, p] as const))('%s: finds the publication date the page states', (_name, page) => {
    const result = extractPage(page);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.info.published).toBe(page.publishedTime!.slice(0, 10));
  });

  it('takes the publication date from a dateline where the markup states none', () => {
    const published = (name: string) => {
      const result = extractPage(pages.find((p) => p.name === name)!);
      return result.ok ? result.article.info.published : undefined;
    };
    expect(published('webmd-1')).toBe('2015-02-23'); // "Feb. 23, 2015 -- Life-threatening peanut allergies…"
    expect(published('webmd-2')).toBe('2015-04-17');
    expect(published('tmz-1')).toBe('2015-02-26'); // "2/26/2015 7:11 AM PST BY TMZ STAFF"
    expect(published('quanta-1')).toBeNull();
  });

  it('gives the authors’ names as the byline, without the date and comment count its element holds', () => {
    const byline = (name: string) => {
      const result = extractPage(pages.find((p) => p.name === name)!);
      return result.ok ? result.article.info.byline : undefined;
    };
    expect(byline('breitbart')).toBe('Lucas Nolan'); // Readability: "by Lucas Nolan22 Dec 2016651"
    expect(byline('yahoo-3')).toBe('Gillian Mohney'); // "By GILLIAN MOHNEY March 11, 2015 3:46 PM"
    expect(byline('spiceworks')).toBeNull(); // "Last Updated: January 7, 2025"
  });

  it('decodes the entities a page escaped twice in its description ("gaming.&amp;nbsp;")', () => {
    const result = extractPage(pages.find((p) => p.name === 'msn')!);
    if (!result.ok) throw new Error(result.message);
    expect(result.article.info.excerpt).toMatch(/first foray into mobile gaming\.$/);
  });
});

describe('extractArticle metadata', () => {
  it('decodes entities in metadata to text, never to markup', () => {
    const paragraphs = Array.from({ length: 5 }, () => '<p>The council met on Monday to debate the budget, and members argued for hours about the cost of the new bridge over the river.</p>').join('');
    const html = `<html><head><title>Budget talks</title><meta name="description" content="Costs &amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;mdash; and more"></head><body><article><h1>Budget talks</h1>${paragraphs}</article></body></html>`;
    const result = extractArticle(parseHtml(html, 'https://news.example/a'), { force: true });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.info.excerpt).toBe('Costs <img src=x onerror=alert(1)> — and more');
  });
});

describe('teasers in the story', () => {
  const story = (paragraphs: string) =>
    `<!doctype html><html lang="en"><head><title>Talks resume in Geneva</title></head><body><article><h1>Talks resume in Geneva</h1>${paragraphs}</article></body></html>`;
  const prose = Array.from({ length: 6 }, (_, i) => `<p>Negotiators from both delegations met in Geneva on Monday for round ${i + 1} of the talks, which officials described as constructive, before breaking for consultations with their capitals.</p>`).join('');
  const teasers =
    '<p>Related: <a href="https://news.example/2016/02/rich-paying-more-in-taxes">Rich are paying more in taxes but not as much as they used to</a></p>' +
    '<p><a href="https://news.example/2016/02/geneva-talks-gallery">Gallery: Geneva talks | 14 Photos</a></p>' +
    '<ul><li><a href="https://news.example/2016/10/forza-horizon-3-review">Review: Race at your own speed in Forza Horizon 3</a></li></ul>';
  const kept =
    '<p>See <a href="https://news.example/report">the full report</a> for the details.</p>' +
    '<p><a href="https://news.example/ruiz">Ana Ruiz</a> said the talks would go on, and <a href="https://news.example/smith">John Smith</a> agreed.</p>' +
    '<h3><a href="https://www.playstation.com/en-us/games/rez-infinite-ps4/">“Rez Infinite” ($30)</a></h3>';

  it('leaves out a block that is one link, with at most a short label before it, but not a heading', () => {
    const doc = parseHtml(`<body>${prose}${teasers}${kept}</body>`);
    const blocks = blockTexts(doc.body);
    expect(blocks).toContain('See the full report for the details.');
    expect(blocks).toContain('Ana Ruiz said the talks would go on, and John Smith agreed.');
    expect(blocks).toContain('“Rez Infinite” ($30)');
    for (const teaser of ['Rich are paying', 'Gallery', 'Forza']) expect(blocks.join('\n')).not.toContain(teaser);
  });

  it('keeps their links as the page’s related coverage', () => {
    const url = 'https://news.example/geneva-talks';
    const doc = parseHtml(story(prose + teasers + kept), url);
    const result = extractArticle(doc, { url });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.text).not.toContain('Rich are paying');
    expect(harvestLinks(doc, url, result.article.contentHtml).map((link) => link.url)).toEqual(
      expect.arrayContaining(['https://news.example/2016/02/rich-paying-more-in-taxes', 'https://news.example/2016/02/geneva-talks-gallery', 'https://news.example/2016/10/forza-horizon-3-review']),
    );
  });
});

describe('notes that close the page after the story', () => {
  const prose = (n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Negotiators from both delegations met in Geneva on Monday for round ${i + 1} of the talks, which officials described as constructive, before breaking for consultations.</p>`).join('');
  const paragraphs = (body: string, byline = 'By Ana Ruiz and John Smith') => {
    const url = 'https://news.example/geneva-talks';
    const html = `<!doctype html><html lang="en"><head><title>Talks resume in Geneva</title></head><body><article><h1>Talks resume in Geneva</h1><p class="byline">${byline}</p>${body}</article></body></html>`;
    const result = extractArticle(parseHtml(html, url), { url });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.info.byline).toBe(byline.replace(/^By /, ''));
    return result.article.text.slice(0, result.article.bodyEnd).split('\n\n');
  };
  const last = (body: string, byline?: string) => paragraphs(body, byline).at(-1);
  const story = 'before breaking for consultations.';

  it('leaves out the print edition’s note and what follows it', () => {
    const printNote =
      '<p>A version of this article appears in print on</p><p>, on Page</p><p>A</p><p>22</p><p>of the New York edition</p><p>with the headline: Under the City’s Streets. Order Reprints | Today’s Paper | Subscribe</p>';
    expect(last(prose(6) + printNote)).toMatch(story);
    expect(paragraphs(prose(6) + printNote).join(' ')).not.toMatch(/print|Page|headline|Subscribe/);
  });

  it('leaves out the authors’ notes, their signature and an "About the Author" label', () => {
    expect(last(prose(6) + '<p>Ana Ruiz is a reporter for the Metro desk covering city hall. Follow her on Twitter.</p>')).toMatch(story);
    expect(last(prose(6) + '<p>John Smith has covered diplomacy since 2012.</p><p>Ana Ruiz is on Twitter at anaruiz.</p>')).toMatch(story);
    expect(last(prose(6) + '<p>About the Author</p><p>Ana Ruiz</p><p>Ana Ruiz is the author of The Long Table.</p>')).toMatch(story);
    expect(last(prose(6) + '<p>Ana Ruiz , John Smith</p>')).toMatch(story);
  });

  it('keeps the story’s own sentences about its authors, and notes that are not at its end', () => {
    expect(last(prose(6) + '<p>Ana Ruiz said the talks would go on.</p>')).toBe('Ana Ruiz said the talks would go on.');
    expect(last(prose(6) + '<p>Ana Ruiz is a reporter for the Metro desk.</p><p>The talks resume next week.</p>')).toBe('The talks resume next week.');
    // A story that quotes the print note early on keeps what follows it.
    expect(paragraphs('<p>A version of this article appears in print on Sunday, the editors said in a note to readers.</p>' + prose(6)).length).toBe(8);
    // Without a byline, no paragraph is taken for an author's note.
    expect(last(prose(6) + '<p>Ana Ruiz is a reporter for the Metro desk.</p>', 'Geneva Bureau')).toBe('Ana Ruiz is a reporter for the Metro desk.');
  });
});

describe('extractArticle on pages that are not articles', () => {
  it('says so for a page with no article', () => {
    const doc = parseHtml('<html><head><title>Log in</title></head><body><form><input name="user"><button>Sign in</button></form></body></html>');
    const result = extractArticle(doc);
    expect(result).toMatchObject({ ok: false, reason: 'no-article' });
  });

  it('reads what it can when asked to anyway', () => {
    const doc = parseHtml('<html><head><title>Notes</title></head><body><p>Short note about Kabul and Islamabad.</p></body></html>');
    const result = extractArticle(doc, { force: true });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.text).toContain('Kabul and Islamabad');
  });

  it('says so for an empty page', () => {
    expect(extractArticle(parseHtml(''), { force: true }).ok).toBe(false);
  });
});

describe('findDatelineDate', () => {
  const today = new Date('2025-09-20');
  const at = (body: string) => findDatelineDate(`Headline\n\n${body}\n\nMore text.`, today);

  it('reads a date that opens the body, before a dash, a time or the end of its line', () => {
    expect(at('Feb. 23, 2015 -- Life-threatening peanut allergies have risen.')).toBe('2015-02-23');
    expect(at('WASHINGTON, March 3, 2020 — The Senate voted on Tuesday.')).toBe('2020-03-03');
    expect(at('23 September 2024 – Talks resumed.')).toBe('2024-09-23');
    expect(at('2/26/2015 7:11 AM PST BY TMZ STAFF')).toBe('2015-02-26');
    expect(at('26/2/2015')).toBe('2015-02-26');
  });

  it('takes no date that is not a dateline, cannot be read one way, does not exist or is still to come', () => {
    expect(at('In 2015, allergies rose.')).toBeNull();
    expect(at('Feb. 23, 2015 was the day the study came out.')).toBeNull();
    expect(at('2/6/2015 9:00 AM')).toBeNull(); // February 6 or June 2
    expect(at('Feb. 30, 2015 -- A day that never was.')).toBeNull();
    expect(at('Oct. 1, 2025 -- A dateline in the future.')).toBeNull();
    expect(findDatelineDate('Feb. 23, 2015 -- a headline\n\nThe body.', today)).toBeNull();
    // A date that cannot be read one way leaves the next block to be looked at.
    expect(findDatelineDate('Headline\n\n2/6/2015 9:00 AM\n\nFeb. 6, 2015 -- The story.', today)).toBe('2015-02-06');
  });
});
