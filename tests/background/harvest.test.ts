import { describe, expect, it } from 'vitest';
import { harvestLinks } from '../../lib/background';
import { hasShared, parseHtml } from '../../scripts/node-dom';
import { loadSeed } from './seed';

const PAGE = 'https://news.example/world/2025/09/16/a-story-about-things';

/** Harvests a hand-made page whose article body is the element with id="body". */
function harvest(html: string) {
  const doc = parseHtml(`<!doctype html><html><body>${html}</body></html>`, PAGE);
  return harvestLinks(doc, PAGE, doc.getElementById('body')?.outerHTML ?? '');
}

describe('harvestLinks', () => {
  it('keeps links in the article body that lead to other articles, as in-article', () => {
    const links = harvest(`<div id="body"><p>The <a href="/world/2025/09/01/the-earlier-ceasefire-collapsed">ceasefire collapsed</a> in May.</p></div>`);
    expect(links).toEqual([{ url: 'https://news.example/world/2025/09/01/the-earlier-ceasefire-collapsed', text: 'ceasefire collapsed', context: 'in-article' }]);
  });

  it('keeps links of a related block outside the body, with the teaser next to them', () => {
    const links = harvest(`
      <div id="body"><p>Story text.</p></div>
      <aside class="box"><h3>Read more</h3>
        <div><a href="https://news.example/world/2025/08/30/talks-resume-in-doha">Talks resume in Doha</a>
        <p>Negotiators met again on Saturday after a month of silence.</p></div>
        <div><a href="https://news.example/world/2025/08/29/envoy-resigns-after-row">Envoy resigns after row</a></div>
      </aside>`);
    expect(links).toEqual([
      { url: 'https://news.example/world/2025/08/30/talks-resume-in-doha', text: 'Talks resume in Doha', context: 'related', snippet: 'Negotiators met again on Saturday after a month of silence.' },
      { url: 'https://news.example/world/2025/08/29/envoy-resigns-after-row', text: 'Envoy resigns after row', context: 'related' },
    ]);
  });

  it('recognises related blocks by class, aria-label or heading, in several languages', () => {
    const block = (attrs: string, heading = '') =>
      `<section ${attrs}>${heading}<a href="https://news.example/x/2025/story-number-${attrs.length}-${heading.length}">A story</a></section>`;
    const links = harvest(`
      <div id="body"><p>Text</p></div>
      ${block('class="related-stories"')}
      ${block('aria-label="More on this story"')}
      ${block('class="x"', '<h2>See also</h2>')}
      ${block('class="y"', '<h2>À lire aussi</h2>')}
      ${block('class="z"', '<h2>Most popular</h2>')}`);
    expect(links).toHaveLength(4);
    expect(links.every((l) => l.context === 'related')).toBe(true);
  });

  it('leaves out links that are not in the body or a related block', () => {
    const links = harvest(`
      <div id="body"><p>Text</p></div>
      <div class="sidebar"><a href="https://news.example/world/2025/09/02/unrelated-trending-story">Trending</a></div>`);
    expect(links).toEqual([]);
  });

  it('drops navigation, sharing, tags, authors, comments, house pages, ads, files and the page itself', () => {
    const hrefs = [
      '/', '/pakistan/', '/category/politics/some-thing', '/section/world/today', '/tag/ttp', '/topic/elections/x',
      '/author/jane-doe', '/people/jane-doe/profile', 'https://www.facebook.com/sharer/sharer.php?u=x',
      'https://twitter.com/intent/tweet?text=x', 'https://x.com/intent/post?url=x', 'https://wa.me/?text=x',
      'mailto:desk@news.example', 'https://www.linkedin.com/shareArticle?mini=true&url=x', '#comments',
      '/wp-comments-post.php', '/world/2025/09/16/a-story-about-things/comments', PAGE, `${PAGE}?utm_source=x#top`,
      'https://ad.doubleclick.net/ddm/clk/123', '/r?url=https%3A%2F%2Felsewhere.example%2Fstory', '/login', '/subscribe',
      '/newsletters', '/privacy-policy', '/terms-of-service', '/contact', '/files/annual-report-2024.pdf',
      'javascript:void(0)', 'data:text/html,hi', 'ftp://files.news.example/a-b-c', 'https://x.com/someone',
    ];
    const links = harvest(`<div id="body"><p>${hrefs.map((h) => `<a href="${h}">link to ${h}</a>`).join(' ')}</p></div>`);
    expect(links).toEqual([]);
  });

  it('resolves relative URLs, strips utm_* and hashes, and keeps the most telling text of duplicates', () => {
    const links = harvest(`
      <div id="body"><p>See <a href="../../../2025/01/02/the-long-road-to-talks?utm_source=twitter&id=7#part-2">here</a>.</p></div>
      <ul class="related"><li><a href="https://news.example/world/2025/01/02/the-long-road-to-talks?id=7">The long road to talks</a></li></ul>`);
    expect(links).toEqual([{ url: 'https://news.example/world/2025/01/02/the-long-road-to-talks?id=7', text: 'The long road to talks', context: 'in-article' }]);
  });

  it('skips sponsored boxes that look like related ones', () => {
    const links = harvest(`
      <div id="body"><p>Text</p></div>
      <div class="related-content taboola-feed"><a href="https://promo.example/2025/you-wont-believe-this-trick">You won't believe</a></div>`);
    expect(links).toEqual([]);
  });

  it('returns nothing rather than throwing on an empty page or empty article HTML', () => {
    const doc = parseHtml('', PAGE);
    expect(harvestLinks(doc, PAGE, '')).toEqual([]);
    expect(harvestLinks(doc, 'not a url', '<a href="x">x</a>')).toEqual([]);
  });
});

describe.skipIf(!hasShared)('harvestLinks on the seed article', () => {
  const seed = hasShared ? loadSeed() : undefined!;
  const links = hasShared ? harvestLinks(seed.doc, seed.url, seed.articleHtml) : [];
  const urls = links.map((l) => l.url);

  it('finds the three background links of the page', () => {
    expect(urls).toEqual(expect.arrayContaining(seed.gold.background_links_in_page));
  });

  it('marks the Operation Sarbakaf link as in-article and the ALSO SEE box as related, with its teaser', () => {
    const sarbakaf = links.find((l) => l.url.endsWith('/operation-sarbakaf-launched-in-bajaur'));
    const chorus = links.find((l) => l.url.endsWith('/a-dangerous-chorus-for-dialogue'));
    expect(sarbakaf).toMatchObject({ context: 'in-article', text: 'Operation Sarbakaf' });
    expect(chorus).toMatchObject({ context: 'related', text: 'A Dangerous Chorus for “Dialogue”' });
    expect(chorus?.snippet).toMatch(/^Zalmay Khalilzad, with the TTP/);
  });

  it('keeps the four Related Articles teasers for ranking to judge', () => {
    const teasers = links.filter((l) => l.context === 'related' && !l.url.endsWith('/a-dangerous-chorus-for-dialogue'));
    expect(teasers).toHaveLength(4);
  });

  it('leaves out the section front, the comment form, sharing and the X profile', () => {
    for (const bad of ['https://newsflash.example/pakistan/', 'https://newsflash.example/wp-comments-post.php', 'https://x.com/realZalmayMK']) {
      expect(urls).not.toContain(bad);
    }
    expect(urls.some((u) => /sharer|intent/.test(u))).toBe(false);
  });
});
