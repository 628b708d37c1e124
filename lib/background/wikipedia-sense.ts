/**
 * Telling the right Wikipedia page from a wrong sense of the same name, with
 * what the article says about the name: the actor's type (a person should
 * get a page about a person) and the words around it (co-occurring actors,
 * the story's topic).
 */
import type { ActorType } from '../report';
import { normalise } from './rank';

/** The parts of a Wikipedia page that the judgement reads. */
export interface PageSummary {
  title: string;
  description?: string | null;
  extract?: string;
  disambiguation?: boolean;
}

export type Verdict = 'found' | 'possible' | 'wrong';

const PERSON =
  /\b(born|politician|statesman|stateswoman|diplomat|activist|actor|actress|singer|writer|journalist|businessman|businesswoman|player|cricketer|footballer|leader|minister|president|official|officer|cleric|judge|lawyer|economist|scientist|author|poet|musician|rapper|composer|director|producer|entrepreneur|philanthropist|king|queen|prince|princess|emir|commander|ambassador|envoy|senator|governor|mayor|coach|athlete|engineer|historian|professor|banker|executive|chief executive|ceo|founder|general|soldier|priest|imam|bishop|pope)\b|\(\s*born\b|\(\d{4}\s*[–-]\s*\d{4}\)/;
const PLACE =
  /\b(country|city|capital|town|village|province|state|region|district|county|municipality|island|river|mountain|territory|sovereign state|nation|continent|neighbou?rhood|borough|valley|lake|sea|port|governorate|prefecture|oblast|area|metropolis|suburb)\b/;
const ORGANIZATION =
  /\b(organi[sz]ation|party|group|company|corporation|agency|ministry|department|movement|army|militia|union|league|association|council|committee|commission|bank|newspaper|network|institute|university|foundation|club|government|forces?|alliance|coalition|insurgency|broadcaster|charity|non-?profit|firm|brand|regime|parliament|court|police|service|authority|body|conglomerate|manufacturer|publisher|retailer|airline|team)\b/;
// Senses that are never the person, place or organisation a news story names.
const WORK_OR_NAME =
  /\b(film|album|song|single|novel|book|tv series|television series|video game|episode|musical|opera|painting|ship|genus|species|surname|given name|family name|disambiguation|name list|list of)\b/;

const EXPECTED: Partial<Record<ActorType, RegExp>> = { person: PERSON, place: PLACE, organization: ORGANIZATION };

/** How the page's description fits the actor's type: 1 fits, -1 contradicts, 0 says nothing. */
function typeFit(about: string, type: ActorType | undefined): -1 | 0 | 1 {
  if (WORK_OR_NAME.test(about)) return -1;
  const expected = type ? EXPECTED[type] : undefined;
  if (!expected) return 0;
  if (expected.test(about)) return 1;
  const others = Object.entries(EXPECTED).filter(([t]) => t !== type);
  return others.some(([, re]) => re!.test(about)) ? -1 : 0;
}

/** How many of the article's context words the page's description and extract mention. */
export function contextHits(page: PageSummary, contextWords: string[], name: string): number {
  const text = ` ${normalise(`${page.description ?? ''} ${page.extract ?? ''}`)} `;
  const own = normalise(name);
  const words = new Set(contextWords.map(normalise).filter((w) => w.length >= 3 && w !== own));
  return [...words].filter((w) => text.includes(` ${w} `)).length;
}

/**
 * Judges the page Wikipedia has under exactly the asked name: `wrong` for a
 * disambiguation page, a sense of another kind (a film for a person) or a
 * typed actor whose page shows neither its type nor the story's context;
 * `found` when the description fits the type (for a lone name like "Khan",
 * only with the story's context too); `possible` in between.
 */
export function judgePage(
  page: PageSummary,
  name: string,
  type: ActorType | undefined,
  contextWords: string[],
  lang = 'en',
): Verdict {
  if (page.disambiguation) return 'wrong';
  const about = `${page.description ?? ''} ${firstSentence(page.extract)}`.toLowerCase();
  const fit = typeFit(about, type);
  if (fit < 0) return 'wrong';
  const hits = contextHits(page, contextWords, name);
  // The type words are English: on another wiki a description can confirm nothing, only context can.
  const typed = type !== undefined && type !== 'other' && lang === 'en';
  const lonePerson = type === 'person' && !name.trim().includes(' ');
  if (!typed) return hits > 0 ? 'found' : 'possible';
  if (fit > 0) return !lonePerson || hits > 0 ? 'found' : 'possible';
  return hits >= 2 ? 'possible' : 'wrong';
}

/**
 * Picks the search result that is the article's sense of `name`: a page
 * whose title carries the name, of the right type, sharing the most context.
 * `found` needs a clear lead over the runner-up; a close call is `possible`;
 * weak evidence is no result at all.
 */
export function pickCandidate<T extends PageSummary>(
  candidates: T[],
  name: string,
  type: ActorType | undefined,
  contextWords: string[],
): { page: T; verdict: 'found' | 'possible' } | null {
  const nameTokens = normalise(name).split(' ');
  const scored = candidates
    .filter((page) => !page.disambiguation)
    .map((page) => {
      const titleTokens = normalise(page.title.replace(/\s*\(.*\)$/, '')).split(' ');
      const shared = nameTokens.filter((t) => titleTokens.includes(t)).length;
      const about = `${page.description ?? ''} ${firstSentence(page.extract)}`.toLowerCase();
      const fit = typeFit(about, type);
      const score =
        (fit > 0 ? 2 : 0) + Math.min(3, contextHits(page, contextWords, name)) + (shared === nameTokens.length ? 1 : 0);
      return { page, score, usable: shared > 0 && fit >= 0 };
    })
    .filter((c) => c.usable)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score < 3) return null;
  const clear = best.score >= 4 && (!second || best.score - second.score >= 2);
  return { page: best.page, verdict: clear ? 'found' : 'possible' };
}

function firstSentence(text: string | undefined): string {
  if (!text) return '';
  const end = text.search(/[.!?](\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
}
