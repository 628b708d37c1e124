/**
 * Scores document-level actor lists, with compromise as the baseline:
 *   1. GUM news (--data, default ../shared/data/gum-news/gum_news_train.jsonl):
 *      distinct named people, organisations and places per article, matched by
 *      name or alias; salient recall against `salient_entities`;
 *   2. the eight readability pages with gold.json and the seed article, scored
 *      as ../shared/data/README.md says (optional actors neither rewarded nor
 *      penalised, a second listing of a matched actor is a false positive),
 *      their text read by the simple extractor of tests/actors/article-text.ts
 *      and, in a last line, as the side panel reads it (lib/extract);
 *   3. Reuters-128 (../shared/data/n3-collection): 128 short Reuters stories whose
 *      named entities are linked, without types or salience; held out, as no rule
 *      was written from it, so it shows whether the rules carry over;
 *   4. cost: model load and findActors on the seed article (median wall and CPU time).
 * Each line also gives type_accuracy: of the actors matched to a gold
 * actor, the share listed with the gold's type (person, organization, place).
 *
 *   npm run eval:actors [-- --data ../shared/data/gum-news/gum_news_train.jsonl] [--types]
 *
 * --types lists each matched actor of ours whose type is not the gold's.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import type { ActorType } from '../lib/report';
import { extractArticle } from '../lib/extract/article';
import { articleText } from '../tests/actors/article-text';
import { parseHtml } from './node-dom';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '../shared');
const i = process.argv.indexOf('--data');
const showTypes = process.argv.includes('--types');
const gumPath = path.resolve(i > 0 ? process.argv[i + 1] : path.join(shared, 'data/gum-news/gum_news_train.jsonl'));
if (!existsSync(gumPath)) {
  console.error(`No data at ${gumPath}: ../shared/data is needed.`);
  process.exit(1);
}

// Time the model load in this fresh process, before anything else loads it.
let mark = performance.now();
const { findActors, nameKey } = await import('../lib/actors');
const { loadModelFile } = await import('../lib/actors/model-file');
const importMs = performance.now() - mark;
mark = performance.now();
loadModelFile();
const loadMs = performance.now() - mark;

interface Listed {
  names: string[];
  type: ActorType;
}
interface Gold {
  names: string[];
  salient: boolean;
  type: ActorType;
}
type Lister = (text: string, title: string, ledeEnd: number) => Listed[];

const ours: Lister = (text, title, ledeEnd) => findActors(text, { title, ledeEnd }).map((a) => ({ names: [a.name, ...a.aliases], type: a.type }));
const baseline: Lister = (text) => {
  const doc = nlp(text);
  const seen = new Map<string, Listed>();
  const add = (found: string[], type: ActorType) => {
    for (const t of found) {
      const name = t.replace(/[\s.,;:!?"“”'’)(]+$/u, '').replace(/['’]s$/u, '').replace(/^[\s"“'‘(]+/u, '');
      if (nameKey(name) && !seen.has(nameKey(name))) seen.set(nameKey(name), { names: [name], type });
    }
  };
  add(doc.people().out('array'), 'person');
  add(doc.organizations().out('array'), 'organization');
  add(doc.places().out('array'), 'place');
  return [...seen.values()];
};

/** Matches a listed actor list against gold, the way data/README.md scores. */
function score(listed: Listed[], gold: Gold[], optional: string[] = [], report = false, topForSalient = 5) {
  const keys = (names: string[]) => new Set(names.map(nameKey).filter(Boolean));
  const goldKeys = gold.map((g) => keys(g.names));
  const optionalKeys = keys(optional);
  const matched = new Set<number>();
  let tp = 0;
  let fp = 0;
  let typed = 0;
  const salientFound = new Set<number>();
  listed.forEach((actor, rank) => {
    const k = keys(actor.names);
    const g = goldKeys.findIndex((gk) => [...k].some((x) => gk.has(x)));
    if (g < 0) {
      if (![...k].some((x) => optionalKeys.has(x))) fp++;
      return;
    }
    if (matched.has(g)) fp++;
    else {
      matched.add(g);
      tp++;
      if (actor.type === gold[g].type) typed++;
      else if (showTypes && report) console.log(`    type: ${actor.names[0]} is ${gold[g].type}, listed as ${actor.type}`);
      if (rank < topForSalient && gold[g].salient) salientFound.add(g);
    }
  });
  return { tp, fp, typed, fn: gold.length - matched.size, salient: gold.filter((g) => g.salient).length, salientFound: salientFound.size };
}

type Totals = ReturnType<typeof score>;
const add = (a: Totals, b: Totals): Totals => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, typed: a.typed + b.typed, fn: a.fn + b.fn, salient: a.salient + b.salient, salientFound: a.salientFound + b.salientFound });
const zero = (): Totals => ({ tp: 0, fp: 0, typed: 0, fn: 0, salient: 0, salientFound: 0 });
function line(name: string, t: Totals): string {
  const p = t.tp / (t.tp + t.fp || 1);
  const r = t.tp / (t.tp + t.fn || 1);
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  return `${name}: f1=${f1.toFixed(3)} precision=${p.toFixed(3)} recall=${r.toFixed(3)} salient_recall=${(t.salientFound / (t.salient || 1)).toFixed(3)} type_accuracy=${(t.typed / (t.tp || 1)).toFixed(3)}`;
}

// 1. GUM news: gold actors are the named people, organisations and places.
interface GumMention { text: string; entity_id: number; etype: string }
interface GumRecord { id: string; title: string; text: string; mentions: GumMention[]; salient_entities: Array<{ entity_id: number; summaries_mentioning: number }> }

/**
 * How well the list's order follows GUM's graded salience: NDCG over the first 10 listed, each gold actor's gain
 * the number of the article's 5 summaries that mention it (0 for one none mentions).
 */
function ndcg(listed: Listed[], gold: Array<{ names: string[]; gain: number }>, cutoff = 10): number {
  const keys = gold.map((g) => new Set(g.names.map(nameKey)));
  const seen = new Set<number>();
  let dcg = 0;
  listed.slice(0, cutoff).forEach((actor, rank) => {
    const g = keys.findIndex((k) => actor.names.some((n) => k.has(nameKey(n))));
    if (g < 0 || seen.has(g)) return;
    seen.add(g);
    dcg += gold[g].gain / Math.log2(rank + 2);
  });
  const ideal = gold.map((g) => g.gain).sort((a, b) => b - a).slice(0, cutoff).reduce((sum, gain, rank) => sum + gain / Math.log2(rank + 2), 0);
  return ideal ? dcg / ideal : 1;
}
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'al', 'on', 'in', 'at', 'to', "'s"]);
const properName = (mention: string) => {
  const words = mention.replace(/^(?:the|a|an)\s+/i, '').replace(/\s+'s$/, '').split(/\s+/);
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || FUNCTION_WORDS.has(w)) && /^\p{Lu}/u.test(words[0]) ? words.join(' ') : null;
};
const gum = readFileSync(gumPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as GumRecord);
const gumTotals = { ours: zero(), baseline: zero() };
const gumOrder = { ours: [] as number[], baseline: [] as number[] };
for (const doc of gum) {
  const names = new Map<number, Set<string>>();
  const types = new Map<number, ActorType>();
  for (const m of doc.mentions) {
    const name = ['person', 'organization', 'place'].includes(m.etype) ? properName(m.text) : null;
    if (name) names.set(m.entity_id, (names.get(m.entity_id) ?? new Set()).add(name));
    if (name && !types.has(m.entity_id)) types.set(m.entity_id, m.etype as ActorType);
  }
  // Salient actors, each with the number of the article's 5 summaries that mention it.
  const gains = new Map(doc.salient_entities.map((e) => [e.entity_id, e.summaries_mentioning]));
  const gold = [...names].map(([id, n]) => ({ names: [...n], salient: gains.has(id), type: types.get(id)! }));
  const ledeEnd = doc.text.split('\n\n').slice(0, 3).join('\n\n').length;
  // Only people, organisations and places are scored: GUM has no "other" names.
  const scored = (l: Listed[]) => l.filter((a) => a.type !== 'other');
  const ourList = scored(ours(doc.text, doc.title, ledeEnd));
  const baseList = baseline(doc.text, doc.title, ledeEnd);
  gumTotals.ours = add(gumTotals.ours, score(ourList, gold, [], true));
  gumTotals.baseline = add(gumTotals.baseline, score(baseList, gold));
  const graded = [...names].map(([id, n]) => ({ names: [...n], gain: gains.get(id) ?? 0 }));
  gumOrder.ours.push(ndcg(ourList, graded));
  gumOrder.baseline.push(ndcg(baseList, graded));
}
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
console.log(`${path.relative(process.cwd(), gumPath)}: ${gum.length} articles (salient recall: salient named actors among the first 5 listed)`);
console.log('  ' + line('compromise (baseline)', gumTotals.baseline) + ` order_ndcg10=${mean(gumOrder.baseline).toFixed(3)}`);
console.log('  ' + line('backstory actors', gumTotals.ours) + ` order_ndcg10=${mean(gumOrder.ours).toFixed(3)}`);

// 2. Readability pages with article-level gold, and the seed article.
const pages = ['cnn', 'nytimes-2', 'nytimes-3', 'nytimes-4', 'herald-sun-1', 'breitbart', 'buzzfeed-1', 'yahoo-3'].map((p) => path.join(shared, 'data/readability-pages', p));
const pageTotals = { ours: zero(), baseline: zero(), panel: zero() };
for (const dir of [...pages, path.join(shared, 'fixtures/seed-article')]) {
  const source = existsSync(path.join(dir, 'source.html')) ? 'source.html' : 'article.html';
  const g = JSON.parse(readFileSync(path.join(dir, 'gold.json'), 'utf8'));
  const html = readFileSync(path.join(dir, source), 'utf8');
  const article = articleText(html, g.url);
  if (!article) continue;
  const gold = g.actors.map((a: { name: string; type: ActorType; aliases: string[]; salient?: boolean }) => ({ names: [a.name, ...a.aliases], salient: a.salient ?? true, type: a.type }));
  const optional = g.optional_actors ?? [];
  const o = score(ours(article.text, article.title, article.ledeEnd), gold, optional, true);
  const b = score(baseline(article.text, article.title, article.ledeEnd), gold, optional);
  console.log(`  ${path.basename(dir).padEnd(14)} ${line('ours', o)}`);
  if (path.basename(dir) === 'seed-article') continue;
  const read = extractArticle(parseHtml(html, g.url), { url: g.url, force: true });
  if (read.ok) pageTotals.panel = add(pageTotals.panel, score(ours(read.article.text, read.article.info.title, read.article.ledeEnd), gold, optional));
  pageTotals.ours = add(pageTotals.ours, o);
  pageTotals.baseline = add(pageTotals.baseline, b);
}
console.log('readability pages with gold (8), salient recall: salient gold actors among the first 5 listed');
console.log('  ' + line('compromise (baseline)', pageTotals.baseline));
console.log('  ' + line('backstory actors', pageTotals.ours));
console.log('  ' + line('backstory actors, text as the panel reads it', pageTotals.panel));

// 3. Reuters-128, held out: each linked entity is a gold actor, by the forms the story writes it in.
const untyped = (name: string, t: Totals) => line(name, t).replace(/ salient_recall=.*$/, '');
const reuters = { ours: zero(), baseline: zero() };
for (const l of readFileSync(path.join(shared, 'data/n3-collection/reuters-128.jsonl'), 'utf8').split('\n').filter(Boolean)) {
  const doc = JSON.parse(l) as { text: string; mentions: Array<{ text: string; uri: string }> };
  const forms = new Map<string, string[]>();
  for (const m of doc.mentions) forms.set(m.uri, [...(forms.get(m.uri) ?? []), m.text]);
  const gold = [...forms.values()].map((names) => ({ names, salient: false, type: 'other' as ActorType }));
  // The stories have no headline: they start after an empty one.
  const text = `\n\n${doc.text}`;
  reuters.ours = add(reuters.ours, score(ours(text, '', text.length), gold));
  reuters.baseline = add(reuters.baseline, score(baseline(text, '', text.length), gold));
}
console.log('reuters-128 (128 stories, held out; no types)');
console.log('  ' + untyped('compromise (baseline)', reuters.baseline));
console.log('  ' + untyped('backstory actors', reuters.ours));

// 4. Cost on the seed article: wall time and, because this machine may be
// shared, the process's CPU time too (other jobs stretch the first, not the second).
const seed = articleText(readFileSync(path.join(shared, 'fixtures/seed-article/article.html'), 'utf8'))!;
for (let k = 0; k < 20; k++) findActors(seed.text, seed);
const wall: number[] = [];
const cpu: number[] = [];
for (let k = 0; k < 51; k++) {
  const usage = process.cpuUsage();
  mark = performance.now();
  findActors(seed.text, seed);
  wall.push(performance.now() - mark);
  const used = process.cpuUsage(usage);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
console.log(`cost: module import ${importMs.toFixed(0)} ms, model load ${loadMs.toFixed(0)} ms`);
console.log(`actors seed median_ms=${median(wall)} cpu_median_ms=${median(cpu)} (findActors after warm-up, 51 runs)`);
console.log(line('actors (readability pages)', pageTotals.ours));
