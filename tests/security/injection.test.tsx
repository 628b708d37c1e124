// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ActorsSection } from '../../components/ActorsSection';
import { ArticleHeader } from '../../components/ArticleHeader';
import { LinksSection } from '../../components/LinksSection';
import { TimelineSection } from '../../components/TimelineSection';
import type { LookupResult } from '../../lib/background';
import { extractArticle } from '../../lib/extract/article';
import type { ExtractResponse } from '../../lib/messages';
import type { Actor, Report } from '../../lib/report';
import { HOSTILE_NAMES, injectionArticle, MARKER, pwn } from '../fixtures/hostile/injection';
import { loadedDocument, readAndAnalyze } from '../robustness/documents';

const BEACON = 'https://beacon.invalid/hit';
const JS = `javascript:${pwn(BEACON, 'report')}`;

let response: Extract<ExtractResponse, { ok: true }>;
let contentHtml: string;
let report: Report;

beforeAll(async () => {
  const doc = await loadedDocument(injectionArticle(BEACON), { url: 'https://news.example/world/ceasefire-talks' });
  const outcome = readAndAnalyze(doc, false);
  if (!outcome.response.ok) throw new Error(`the hostile article was not read: ${outcome.response.message}`);
  response = outcome.response;
  report = outcome.report!;
  // The article's HTML stays in the page (its link harvest reads it); it is checked where it is made.
  const extracted = extractArticle(doc, { url: doc.location.href, force: false });
  if (!extracted.ok) throw new Error('the hostile article was not extracted');
  contentHtml = extracted.article.contentHtml;
});

/** Elements, attributes and addresses that could run or load something, anywhere under `root`. */
function activeContent(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const name = el.tagName.toLowerCase();
    if (['script', 'iframe', 'frame', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form'].includes(name)) found.push(`<${name}>`);
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${name}[${attr.name}]`);
      if (attr.name === 'style') found.push(`${name}[style]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster'].includes(attr.name) && !/^(https?:|mailto:|#)/i.test(attr.value)) {
        found.push(`${name}[${attr.name}=${attr.value.slice(0, 40)}]`);
      }
    }
  }
  return found;
}

describe('extraction of a hostile article', () => {
  it('keeps the article, so the payloads are really inside what is read', () => {
    expect(response.article.text).toContain('Negotiators from both delegations met on Tuesday');
    expect(response.article.text).toContain('Evil Corp, a contractor named in a report');
  });

  it('sanitises the article HTML: nothing that runs, loads or styles survives', () => {
    const template = document.createElement('template');
    template.innerHTML = contentHtml;
    expect(activeContent(template.content)).toEqual([]);
    // Payloads may remain as escaped text or inside a title attribute, never as markup.
    expect(contentHtml).not.toMatch(/<(script|iframe|object|embed|style|form|meta)\b/i);
  });

  it('keeps escaped markup as text, never as markup', () => {
    expect(response.article.text).toContain(`<script>${pwn(BEACON, 'escaped-script')}</script>`);
    expect(response.article.text).toContain('<b>Evil</b> Corp');
  });

  it('harvests only http(s) links, whatever their text and title say', () => {
    expect(response.links.length).toBeGreaterThan(0);
    for (const link of response.links) expect(link.url).toMatch(/^https?:\/\//);
    const titled = response.links.find((l) => l.url.endsWith('/world/earlier-talks'));
    expect(titled?.title ?? '').toContain('onerror');
  });

  it('gives actors, dates and links whose fields are plain strings', () => {
    expect(report.actors.length).toBeGreaterThan(0);
    for (const actor of report.actors) expect(typeof actor.name).toBe('string');
    for (const link of report.links) expect(link.url).toMatch(/^https?:\/\//);
  });
});

describe('the panel’s sections rendering a hostile report', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  /** A report whose every free-text field and address is a payload, on top of what the pipeline found. */
  function poisoned(): Report {
    const evil: Actor = {
      name: HOSTILE_NAMES[1],
      type: 'organization',
      aliases: [HOSTILE_NAMES[0], `<script>${pwn(BEACON, 'alias')}</script>`],
      mentions: 2,
      salience: 1,
      role: `<img src=x onerror="${pwn(BEACON, 'role')}">`,
      offsets: [[0, 4], [5, 9]],
      wikipedia: { title: `<b>${MARKER}</b>`, url: JS, description: `<img src=x onerror="${pwn(BEACON, 'description')}">`, thumbnail: `javascript:${pwn(BEACON, 'thumb')}` },
    };
    const dataUrl: Actor = { ...evil, name: 'Data Corp', wikipedia: { title: 'Data', url: 'data:text/html,<script>alert(1)</script>', description: null, thumbnail: 'data:image/svg+xml,<svg onload=alert(1)>' } };
    return {
      ...report,
      article: { ...report.article, title: `"><script>${pwn(BEACON, 'title')}</script>`, byline: HOSTILE_NAMES[1], siteName: `<style>*{background:url(${BEACON})}</style>` },
      actors: [evil, dataUrl, ...report.actors],
      dates: [{ ...report.dates[0], text: `<img src=x onerror="${pwn(BEACON, 'date')}">`, sentence: `<script>${pwn(BEACON, 'sentence')}</script>` }, ...report.dates.slice(1)],
      links: [
        { url: JS, title: `"><img src=x onerror="${pwn(BEACON, 'link-title')}">`, kind: 'in-article', about: [HOSTILE_NAMES[0]], reason: `<script>${pwn(BEACON, 'reason')}</script>` },
        { url: 'data:text/html,<script>alert(1)</script>', title: 'data link', kind: 'related', about: [], reason: '' },
        ...report.links,
      ],
      events: [`<script>${pwn(BEACON, 'event')}</script>`, 'Doha Agreement'],
    };
  }

  function show(r: Report) {
    root = document.createElement('div');
    document.body.append(root);
    const results: Record<string, LookupResult> = {
      'Doha Agreement': { name: 'Doha Agreement', status: 'found', title: `<b>${MARKER}</b>`, url: JS, description: `<img src=x onerror=alert(1)>`, thumbnail: JS },
    };
    act(() =>
      render(
        <>
          <ArticleHeader info={r.article} />
          <ActorsSection actors={r.actors} onShowMentions={() => undefined} searchUrl={() => JS} />
          <TimelineSection dates={r.dates} hasPublished onShowSentence={() => undefined} />
          <LinksSection
            links={r.links}
            events={r.events}
            lookupsEnabled
            results={results}
            pending={new Set()}
            searchUrl={() => JS}
            onEnableLookups={() => undefined}
            onDisableLookups={() => undefined}
          />
        </>,
        root,
      ),
    );
  }

  it('renders the real report of the hostile article with nothing active in it', () => {
    show(report);
    expect(activeContent(root)).toEqual([]);
  });

  it('renders payloads in every field as text, links only to http(s), and opens the actors’ details safely', () => {
    show(poisoned());
    // Open each actor's details, where the Wikipedia and search links are.
    for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>('button.actor-name'))) act(() => button.click());
    expect(activeContent(root)).toEqual([]);
    expect(root.textContent).toContain(HOSTILE_NAMES[1]);
    expect(root.textContent).toContain(`<script>${pwn(BEACON, 'title')}</script>`);
    expect(root.querySelectorAll('img').length).toBe(0);
    expect((window as unknown as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(document.title).not.toBe(MARKER);
  });
});
