import { findActors } from './actors';
import { findEvents, rankLinks } from './background';
import { findDates } from './dates';
import type { ArticleText } from './extract/article';
import { languageSupport } from './language';
import type { PageLink } from './messages';
import { REPORT_VERSION, type Report } from './report';

export interface AnalyzeOptions {
  /** Links read from the original page (lib/background harvestLinks); none when absent. */
  links?: PageLink[];
  /** How long extraction took, for the report's timings. */
  extractMs?: number;
  /** The reference for relative dates when the page states no publication date (default: now). */
  now?: Date;
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Runs the analysis on an extracted article, in order: actors (tag → merge →
 * rank), dates (parse → resolve → filter → merge → rank), then background
 * links, which are ranked against the actors and so must come last. Nothing
 * here touches the network: Wikipedia look-ups are the panel's, on request.
 */
export function analyzeArticle(article: ArticleText, options: AnalyzeOptions = {}): Report {
  const started = clock();
  const { text, ledeEnd, info } = article;
  const support = languageSupport(info.lang, text);

  let mark = clock();
  const actors = support.actors ? findActors(text, { title: info.title, ledeEnd }) : [];
  const actorsMs = clock() - mark;

  mark = clock();
  const dates = support.dates ? findDates(text, { published: info.published, now: options.now, ledeEnd }) : [];
  const datesMs = clock() - mark;

  mark = clock();
  // Named events rank links on any page; the panel lists them only where the actors are found too.
  const named = findEvents(text);
  const links = rankLinks(options.links ?? [], actors, { title: info.title, text, events: named });
  const events = support.actors ? named : [];
  const linksMs = clock() - mark;

  const extractMs = options.extractMs ?? 0;
  return {
    version: REPORT_VERSION,
    article: info,
    actors,
    dates,
    links,
    events,
    support,
    timings: { extractMs: round(extractMs), actorsMs: round(actorsMs), datesMs: round(datesMs), linksMs: round(linksMs), totalMs: round(extractMs + clock() - started) },
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
