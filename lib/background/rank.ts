/**
 * Ranking harvested links by how much they are about this article: who and
 * what they mention, weighted by how central those are to the story.
 */
import type { Actor, BackgroundLink } from '../report';
import { findEvents } from './events';
import type { RawLink } from './harvest';

/** Something of the article a link can mention: an actor or a key term. */
interface Term {
  /** Shown in the reason ("about TTP", "mentions Operation Sarbakaf"). */
  label: string;
  /** The actor's name, for `about`; unset for key terms. */
  actor?: string;
  forms: Form[];
  weight: number;
}

interface Form {
  text: string;
  /** Normalised tokens joined by spaces ("tehreek e taliban pakistan"). */
  key: string;
  /** Matched only as written, in the link's own text: acronyms ("US") and lone surnames ("Khan"). */
  strict: boolean;
  /** A lone given name or surname: not when it is part of another name ("Arab Khan"). */
  partOf?: Set<string>;
  /** For strict forms: the form as written, between non-letters (built once, on first use). */
  pattern?: RegExp;
}

/** A link's words, normalised once for all the terms it is checked against. */
interface LinkWords {
  written: string;
  plain: string;
  slug: string;
}

// Bonus for links the publisher put inside the article body: the author chose them as background.
const IN_ARTICLE_BONUS = 0.5;
// Score of an in-article link that mentions none of the article's actors or terms.
const IN_ARTICLE_BASE = 0.25;
const EVENT_WEIGHT = 1;
const KEY_TERM_WEIGHT = 0.4;
const MAX_KEY_TERMS = 15;

// Titles that may stand before a surname without making it someone else's name.
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof sir lord lady president vice prime minister premier chancellor general gen ' +
    'colonel col major maj captain capt senator sen governor gov mayor judge justice king queen prince princess ' +
    'mullah mufti sheikh imam pope bishop ambassador envoy secretary chairman chief commander former ' +
    'the a an and or but of for to in on by with from said says'
  ).split(' '),
);

// Capitalised words that are not key terms even when repeated.
const NOT_TERMS = new Set(
  (
    'the a an this that these those it its he she they we i you his her their our but and or so if when while ' +
    'after before since in on at for from with as by to of not no yes also even still then there here ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july ' +
    'august september october november december mr mrs ms dr'
  ).split(' '),
);

/**
 * Orders harvested links by relevance to the article and says why. A link
 * scores by the actors it mentions in its text, title, teaser or URL slug
 * (each weighted by the actor's salience) and by the article's key terms
 * it mentions: named events ("Operation Sarbakaf") and capitalised names
 * the text repeats. Related-block links that mention nothing of the article
 * are dropped (a sports teaser under a politics story); links inside the
 * article body are kept, lower, because the author chose them. The named
 * events are found in the text unless `article.events` brings them.
 */
export function rankLinks(raw: RawLink[], actors: Actor[], article: { title: string; text: string; events?: string[] }): BackgroundLink[] {
  const terms = [...actorTerms(actors), ...keyTerms(article.text, actors, article.events ?? findEvents(article.text))];
  const ranked: Array<BackgroundLink & { order: number }> = [];
  raw.forEach((link, order) => {
    const written = [link.text, link.title, link.snippet].filter(Boolean).join(' \n ');
    const words: LinkWords = { written, plain: ` ${normalise(written)} `, slug: ` ${normalise(slugWords(link.url))} ` };
    const matched = terms.filter((term) => mentions(words, term));
    let score = matched.reduce((sum, term) => sum + term.weight, 0);
    if (link.context === 'in-article') score += score > 0 ? IN_ARTICLE_BONUS : IN_ARTICLE_BASE;
    if (score <= 0) return;
    ranked.push({
      url: link.url,
      title: titleOf(link),
      kind: link.context,
      about: [...new Set(matched.flatMap((t) => (t.actor ? [t.actor] : [])))],
      reason: reasonFor(matched),
      score: Math.round(score * 100) / 100,
      order,
    });
  });
  ranked.sort((a, b) => b.score! - a.score! || a.order - b.order);
  return ranked.map(({ order: _order, ...link }) => link);
}

function reasonFor(matched: Term[]): string {
  const actors = matched.filter((t) => t.actor).map((t) => t.label);
  const terms = matched.filter((t) => !t.actor).map((t) => t.label);
  const parts = [];
  if (actors.length) parts.push(`about ${actors.join(', ')}`);
  if (terms.length) parts.push(`mentions ${terms.join(', ')}`);
  // A link listed only because the author put it in the body has no reason beyond its kind, which the panel shows.
  return parts.join('; ');
}

function titleOf(link: RawLink): string {
  if (link.text && !/^\W*$/.test(link.text)) return link.text;
  return link.title || link.snippet?.slice(0, 120) || slugWords(link.url) || link.url;
}

/** Lower-case, accent-free tokens joined by single spaces, padded for whole-word search. */
export function normalise(text: string): string {
  const tokens = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return tokens.join(' ');
}

/** The words of a URL's slug: its last meaningful path segment, hyphens as spaces. */
function slugWords(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segments = path
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/\.(s?html?|php|aspx?)$/i, ''))
    .filter((s) => s && s !== 'index' && !/^\d+$/.test(s));
  const last = segments.at(-1) ?? '';
  return last.replace(/[-_+]+/g, ' ').trim();
}

function actorTerms(actors: Actor[]): Term[] {
  return actors.map((actor) => {
    const nameTokens = new Set(normalise(actor.name).split(' '));
    const forms = [actor.name, ...actor.aliases]
      .filter((text, i, all) => text.trim() && all.indexOf(text) === i)
      .map((text): Form => {
        const key = normalise(text);
        const acronym = /^[\p{Lu}.]+$/u.test(text.replace(/\s/g, '')) && key.replace(/ /g, '').length <= 5;
        const lone = actor.type === 'person' && !key.includes(' ') && nameTokens.size > 1 && nameTokens.has(key);
        return { text, key, strict: acronym || lone, ...(lone ? { partOf: nameTokens } : {}) };
      })
      .filter((f) => f.key.replace(/ /g, '').length >= 2);
    const label = shortest(forms.filter((f) => !f.partOf).map((f) => f.text)) ?? actor.name;
    return { label, actor: actor.name, forms, weight: 0.5 + clamp(actor.salience) };
  });
}

// The short form reads best in a reason ("about TTP" rather than "about Tehreek-e-Taliban Pakistan").
function shortest(texts: string[]): string | undefined {
  return [...texts].sort((a, b) => a.length - b.length)[0];
}

function clamp(salience: number): number {
  return Number.isFinite(salience) ? Math.min(1, Math.max(0, salience)) : 0;
}

/**
 * The article's key terms that are not actors: its named events and the
 * capitalised names it repeats outside sentence starts.
 */
function keyTerms(text: string, actors: Actor[], events: string[]): Term[] {
  const known = new Set(actors.flatMap((a) => [a.name, ...a.aliases]).map(normalise));
  const terms: Term[] = [];
  const add = (label: string, weight: number) => {
    const key = normalise(label);
    if (!key || known.has(key)) return;
    known.add(key);
    terms.push({ label, forms: [{ text: label, key, strict: false }], weight });
  };
  for (const event of events) add(event, EVENT_WEIGHT);

  const counts = new Map<string, { label: string; count: number }>();
  for (const m of text.matchAll(/(?<![.!?]\s|^)(?<=\s)(\p{Lu}[\p{L}\p{M}-]+(?:\s+\p{Lu}[\p{L}\p{M}-]+)*)/gmu)) {
    const label = m[1];
    const key = normalise(label);
    if (NOT_TERMS.has(key) || key.length < 4 || overlapsAny(key, known)) continue;
    const entry = counts.get(key) ?? { label, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  [...counts.values()]
    .filter((c) => c.count >= 2)
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_KEY_TERMS)
    .forEach((c) => add(c.label, KEY_TERM_WEIGHT));
  return terms;
}

// "Prime Minister Shehbaz Sharif" and "Khan" overlap the actor "Shehbaz Sharif" / "Imran Khan": not new terms.
function overlapsAny(key: string, known: Set<string>): boolean {
  const padded = ` ${key} `;
  return [...known].some((k) => padded.includes(` ${k} `) || ` ${k} `.includes(padded));
}

/** True when the link's text, title, teaser or slug mentions one of the term's forms. */
function mentions({ written, plain, slug }: LinkWords, term: Term): boolean {
  return term.forms.some((form) => {
    if (!form.strict) return plain.includes(` ${form.key} `) || slug.includes(` ${form.key} `);
    // An acronym of three letters or more is safe in a lower-case slug ("ttp-deputy-emir").
    if (!form.partOf && form.key.length >= 3 && slug.includes(` ${form.key} `)) return true;
    return writtenAlone(written, form);
  });
}

/**
 * Finds an acronym or a lone surname as written, case-sensitively; a lone
 * name counts only when the capitalised words around it are the actor's own
 * names or titles ("Prime Minister Sharif"), not another name ("Arab Khan").
 */
function writtenAlone(written: string, form: Form): boolean {
  if (!form.pattern) {
    const escaped = form.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    form.pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}]|\\.\\p{L})`, 'gu');
  }
  for (const m of written.matchAll(form.pattern)) {
    if (!form.partOf) return true;
    const before = /(\p{L}[\p{L}\p{M}'’-]*)[\s]+$/u.exec(written.slice(0, m.index))?.[1] ?? '';
    const after = /^(?:['’]s)?\s+(\p{L}[\p{L}\p{M}'’-]*)/u.exec(written.slice(m.index! + m[0].length))?.[1] ?? '';
    if (isOtherName(before, form.partOf) || isOtherName(after, form.partOf)) continue;
    return true;
  }
  return false;
}

function isOtherName(word: string, own: Set<string>): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  const key = normalise(word);
  return !own.has(key) && !TITLES.has(key);
}
