/**
 * The report that the pipeline returns, the side panel renders and
 * `npm run analyze -- --json` prints. Its shape is versioned: a change that
 * removes or renames a field bumps REPORT_VERSION (see README, "Report").
 */
export const REPORT_VERSION = 1;

export interface ArticleInfo {
  title: string;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) the page states it was published, or null. */
  published: string | null;
  lang: string | null;
  wordCount: number;
  excerpt: string | null;
}

export type ActorType = 'person' | 'organization' | 'place' | 'other';

export interface Actor {
  /** The fullest form of the name found in the text. */
  name: string;
  type: ActorType;
  /** Other forms the text uses for the same actor ("Khalilzad", "TTP"). */
  aliases: string[];
  /** Number of mentions in the analysed text. */
  mentions: number;
  /** 0..1, higher for actors in the headline and lede and mentioned often and throughout. */
  salience: number;
  /** What the text calls them ("former US envoy to Afghanistan"), when it says. */
  role?: string;
  /** [start, end) character offsets of each mention in the analysed text. */
  offsets: Array<[number, number]>;
  /** Filled by the background look-up when Wikipedia has a page for the actor. */
  wikipedia?: { title: string; url: string; description: string | null; thumbnail?: string | null; possible?: boolean };
}

export type DatePrecision = 'century' | 'decade' | 'year' | 'season' | 'quarter' | 'month' | 'week' | 'day';

export interface DateEntry {
  /** The expression as written ("on Sunday", "since 2007"). */
  text: string;
  /** TimeML value: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-SU, YYYY-Q2, 199 (a decade), 18 (a century: the 1800s). */
  value: string;
  precision: DatePrecision;
  /** [start, end) offsets of the first mention in the analysed text. */
  start: number;
  end: number;
  /** The sentence the first mention sits in. */
  sentence: string;
  /** How a relative expression was resolved ("Sunday before publication"), or null for absolute dates. */
  relative: string | null;
  /** How many times the text refers to this date. */
  count: number;
  /** Stated in the headline or lede, mentioned often, or the publication date. */
  key: boolean;
  /** True for the publication date itself. */
  publication?: boolean;
  /** True when a relative date was resolved against today because the page states no publication date. */
  uncertain?: boolean;
}

export type LinkKind = 'wikipedia' | 'in-article' | 'related' | 'search';

export interface BackgroundLink {
  url: string;
  title: string;
  kind: LinkKind;
  /** Names of the actors the link is about. */
  about: string[];
  /** Why it is listed ("about TTP, Bajaur"); empty for a link of the article's body that mentions nothing of the story. */
  reason: string;
  score?: number;
}

export interface Report {
  version: typeof REPORT_VERSION;
  article: ArticleInfo;
  actors: Actor[];
  dates: DateEntry[];
  links: BackgroundLink[];
  /** Named events the text mentions ("Doha Agreement", "Operation Sarbakaf"), worth background. */
  events: string[];
  /** Which stages ran for the article's language (actors and dates need English), with a note for the reader. */
  support: { language: string | null; actors: boolean; dates: boolean; note: string | null };
  timings: { extractMs: number; totalMs: number; [stage: string]: number };
}
