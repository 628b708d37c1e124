/**
 * The seed article as the pipeline sees it: the original page, Readability's
 * article HTML and text, and the gold actors as an actor tagger would list
 * them (mentions counted in the text, salience relative to the most mentioned).
 */
import { Readability } from '@mozilla/readability';
import type { Actor, ActorType } from '../../lib/report';
import { parseHtml } from '../../scripts/node-dom';
import { seedArticle } from '../helpers/pages';

export interface GoldActor {
  name: string;
  type: ActorType;
  aliases?: string[];
}

/** Actors built by hand from gold entries, with mentions and salience taken from `text`. */
export function actorsFromGold(gold: GoldActor[], text: string): Actor[] {
  const count = (form: string) => text.split(form).length - 1;
  const actors = gold.map((a) => ({
    name: a.name,
    type: a.type,
    aliases: a.aliases ?? [],
    mentions: [a.name, ...(a.aliases ?? [])].reduce((n, form) => n + count(form), 0),
    salience: 0,
    offsets: [],
  }));
  const most = Math.max(1, ...actors.map((a) => a.mentions));
  return actors.map((a) => ({ ...a, salience: a.mentions / most }));
}

export function loadSeed() {
  const { html, gold } = seedArticle();
  const doc = parseHtml(html, gold.url);
  const parsed = new Readability(parseHtml(html, gold.url)).parse();
  if (!parsed?.content || !parsed.textContent) throw new Error('Readability found no article in the seed page');
  const text = parsed.textContent;
  return {
    doc,
    url: gold.url,
    articleHtml: parsed.content,
    article: { title: gold.title, text },
    actors: actorsFromGold(gold.actors as GoldActor[], text),
    gold: gold as typeof gold & { background_links_in_page: string[]; not_background_links: string[]; events: Array<{ name: string }> },
  };
}
