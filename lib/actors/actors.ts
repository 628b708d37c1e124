import type { Actor, ActorType } from '../report';
import { NAME_PARTICLES } from '../text/names';
import { splitSentences } from '../text/sentences';
import { tokenize, type Token } from '../text/tokenize';
import { GAZETTEER_LISTS, type EntityType } from './features';
import { findEntities, loadModel, type NerModel } from './tagger';

/** One name as written in the text, after its title has been taken off. */
interface Mention {
  text: string;
  type: EntityType;
  start: number;
  end: number;
  /** Title or apposition the text gives this mention ("Prime Minister"). */
  role?: string;
  /** The full name an abbreviation stands for here ("Calif." after a city is California). */
  full?: string;
}

const TYPES: Record<EntityType, ActorType> = { PER: 'person', ORG: 'organization', LOC: 'place', MISC: 'other' };

// Titles and honorifics that precede a name; kept as the actor's role.
const TITLE_WORDS = new Set(
  (
    'mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady mullah maulana mufti sheikh imam ayatollah ' +
    'president vice prime minister chancellor premier king queen prince princess emperor pope cardinal bishop ' +
    'secretary senator sen. rep. representative congressman congresswoman governor gov. mayor judge justice ' +
    'general gen. colonel col. major maj. captain capt. lieutenant lt. commander cmdr. admiral adm. sergeant sgt. chief envoy ambassador ' +
    'spokesman spokeswoman spokesperson leader chair chairman chairwoman director commissioner deputy former late ' +
    'foreign defence defense interior finance state special acting interim executive ceo cfo coo cto ' +
    'writer reporter correspondent columnist photographer professor emeritus undersecretary'
  ).split(' '),
);
// Titles only ever written before a person's name (unlike "General" in "General Motors").
const HONORIFIC = /^(?:mr|mrs|ms|dr|prof|professor|sir|dame|sen|rep|gov|gen)\.?$/iu;
// A group's possessive inside a name ("Murdoch Children's Research Institute", "Women's Health Initiative"),
// with the capitalised words before it; no owner of the name after it, as "Stanford University's" is.
const GROUP_WORDS = '(?:Children|Women|Men|People|Veterans|Workers)';
const GROUP = new RegExp(`${GROUP_WORDS}$`, 'u');
const GROUP_POSSESSIVE = new RegExp(`(?:(?!(?:The|A|An|In|At|On|For|Of|And|But|By|From|To|With)\\s)\\p{Lu}[\\p{L}-]*\\s)*${GROUP_WORDS}['’]s\\s$`, 'u');
// Courtesy titles, which say nothing of who someone is: never a role to show.
const COURTESY = /^(?:mr|mrs|ms|miss|mx)\.?$/iu;
// Title words that also name a government's office ("Foreign Minister", "Foreign Ministry").
const PORTFOLIOS = new Set('foreign defence defense interior finance state justice executive'.split(' '));
const ROLE_HEADS =
  /\b(?:gov|sen|rep|gen|col|maj|capt|lt|cmdr|adm|sgt)\.|\b(?:president|minister|chancellor|premier|king|queen|prince|(?:under-?)?secretary|senator|governor|mayor|judge|justice|general|colonel|commander|envoy|ambassador|spokes(?:man|woman|person)|leader|chair|chairman|chairwoman|director|commissioner|chief|founder|head|emir|mullah|mufti|official|analyst|representative|lawmaker|negotiator|member|officer|executive|ceo|coach|captain|editor|professor|minister)\b/iu;
const JUNK = new Set(
  (
    'january february march april may june july august september october november december ' +
    'jan feb apr jun jul aug sep sept oct nov dec ' +
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri ' +
    'today yesterday tomorrow'
  ).split(' '),
);
// Parts and measures of devices, and the web's formats, written in capitals but never an actor: "the CPU",
// "GB of RAM", "HDMI", "HTML and CSS".
const TECH_TERMS = new Set(
  'cpu cpus gpu gpus ram rom usb hdr hdmi pc pcs gb mb kb tb ghz mhz fps led lcd oled ssd hdd dvd tv wifi 4k html css php json ajax sql xml api url http https'.split(' '),
);
// Page furniture that the tagger takes for a name ("Today's Paper", "Breaking News"), by name key.
const FURNITURE = new Set([
  ...'paper advertisement newsletter newsletters subscribe menu search home video videos photos opinion comments print email related latest live listen podcast podcasts qa faq faqs'.split(' '),
  ...['today paper', 'breaking news', 'most popular', 'top stories', 'sign in', 'log in', 'sign up'],
]);
// Words that open a sentence but never go on a name after an initial ("One S. The company", "4K. Everyone").
const SENTENCE_OPENERS = new Set('the a an it its he his she her they their we our you your i everyone everybody nobody someone there'.split(' '));
// The words in lower case that a name may hold: joining words and surnames' particles ("Bill de Blasio").
const NAME_JOINERS = new Set([...'of the and for to on in at by with from a an des do las los ibn el y e et und zu'.split(' '), ...NAME_PARTICLES]);
// Degrees and the like written after a name, without their full stops.
const POSTNOMINALS = new Set('md phd dds dmd do rn np pa mph mba ma msc bsc jd llm esq frcp facp'.split(' '));
// Words that begin a sentence, a button or a dateline, not a name: the tagger
// sometimes takes them in ("As Eloise", "If Lucasfilm", "See Facebook",
// "Posted Nov"), or tags them alone ("Like").
const LEADING_WORDS = new Set(
  (
    'as if like see but and or so when while after before because although though since until unless with without ' +
    'by from of to this that these those then now here there yet also even just only still meanwhile however thus ' +
    'why how what whether please read watch follow share click sign subscribe get according despite during via than not nor every each ' +
    'posted updated published both either neither aka'
  ).split(' '),
);
// People (or shares) "of" a name, opening a sentence: "Members of Congress" is Congress.
const GROUP_NOUNS = new Set(
  'shares members users residents fans supporters critics opponents officials leaders citizens employees workers voters students parents thousands hundreds millions dozens'.split(' '),
);
// How an adjective made of a name ends: "British-born", "Warhol-like".
const ADJECTIVE_SUFFIX = /-(?:like|style|styled|based|born|run|led|free|specific|related|inspired|winning|winner|owned|backed|made|funded)$/u;
// Names the text may write in several ways, by their comparison key.
const WELL_KNOWN: Record<string, string> = {
  us: 'United States', usa: 'United States', america: 'United States', 'united states of america': 'United States',
  uk: 'United Kingdom', britain: 'United Kingdom', 'great britain': 'United Kingdom',
  un: 'United Nations', eu: 'European Union',
};

// The news agencies' abbreviations of the American states, written after a city ("Cupertino, Calif.").
const STATES: Record<string, string> = Object.fromEntries(
  (
    'ala Alabama,ariz Arizona,ark Arkansas,calif California,colo Colorado,conn Connecticut,del Delaware,fla Florida,ga Georgia,' +
    'ill Illinois,ind Indiana,kan Kansas,ky Kentucky,la Louisiana,md Maryland,mass Massachusetts,mich Michigan,minn Minnesota,' +
    'miss Mississippi,mo Missouri,mont Montana,neb Nebraska,nev Nevada,nh New Hampshire,nj New Jersey,nm New Mexico,ny New York,' +
    'nc North Carolina,nd North Dakota,okla Oklahoma,ore Oregon,pa Pennsylvania,ri Rhode Island,sc South Carolina,sd South Dakota,' +
    'tenn Tennessee,vt Vermont,va Virginia,wash Washington,wva West Virginia,wis Wisconsin,wyo Wyoming'
  )
    .split(',')
    .map((entry) => [entry.slice(0, entry.indexOf(' ')), entry.slice(entry.indexOf(' ') + 1)]),
);
// The postal codes, written the same way ("New York City, NY").
const POSTAL_STATES: Record<string, string> = Object.fromEntries(
  (
    'AL Alabama,AK Alaska,AZ Arizona,AR Arkansas,CA California,CO Colorado,CT Connecticut,DE Delaware,FL Florida,GA Georgia,HI Hawaii,' +
    'ID Idaho,IL Illinois,IN Indiana,IA Iowa,KS Kansas,KY Kentucky,LA Louisiana,ME Maine,MD Maryland,MA Massachusetts,MI Michigan,' +
    'MN Minnesota,MS Mississippi,MO Missouri,MT Montana,NE Nebraska,NV Nevada,NH New Hampshire,NJ New Jersey,NM New Mexico,NY New York,' +
    'NC North Carolina,ND North Dakota,OH Ohio,OK Oklahoma,OR Oregon,PA Pennsylvania,RI Rhode Island,SC South Carolina,SD South Dakota,' +
    'TN Tennessee,TX Texas,UT Utah,VT Vermont,VA Virginia,WA Washington,WV West Virginia,WI Wisconsin,WY Wyoming'
  )
    .split(',')
    .map((entry) => [entry.slice(0, 2), entry.slice(3)]),
);

/**
 * "Calif." or "CA" after a city and its comma is California, a place ("Mass." alone may be a church
 * service, "CA" a chartered accountant).
 */
function stateAfterCity(text: string, mention: Mention): Mention {
  const postal = /^\p{Lu}{2}$/u.test(mention.text) ? POSTAL_STATES[mention.text] : undefined;
  if (!postal && !mention.text.endsWith('.') && text[mention.end] !== '.') return mention;
  const state = postal ?? STATES[nameKey(mention.text).replace(/ /g, '')];
  return state && /\p{Lu}[\p{L}.]*, $/u.test(text.slice(Math.max(0, mention.start - 30), mention.start)) ? { ...mention, type: 'LOC', full: state } : mention;
}

/** How names are compared: lowercase, no accents, no punctuation, no possessive 's. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

/**
 * A headline or subheading in Title Case ("Islamabad’s Position"): a whole
 * paragraph, mostly capitalised words, without a full stop unless it is the
 * headline. It reads to the tagger like a CoNLL headline in capitals, where
 * capitals say nothing.
 */
function isHeading(tokens: Token[], text: string): boolean {
  if (!tokens.length) return false;
  const from = tokens[0].start;
  const to = tokens[tokens.length - 1].end;
  const wholeParagraph = (from === 0 || text.startsWith('\n\n', from - 2)) && (to === text.length || text.startsWith('\n\n', to));
  if (!wholeParagraph) return false;
  const last = tokens[tokens.length - 1].text;
  if (from > 0 && /^[.!?"”]$/u.test(last)) return false;
  const words = tokens.filter((t) => t.text.length >= 4 && /^\p{L}/u.test(t.text));
  const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  if (words.length >= 3) return capitalised / words.length >= 0.6;
  // A short heading: no full stop, every longer word capitalised.
  return words.length === 2 && capitalised === 2 && tokens.length <= 5;
}

/** Tags the text and returns each name with its offsets, sentence by sentence. */
function tagMentions(text: string): { mentions: Mention[]; tokens: Token[][] } {
  const tokens = splitSentences(text).map((s) => tokenize(s.text, s.start));
  const headings = tokens.map((sentence) => isHeading(sentence, text));
  const words = tokens.map((sentence, s) => sentence.map((t) => (headings[s] ? t.text.toUpperCase() : t.text)));
  const mentions: Mention[] = [];
  for (const span of findEntities(words)) {
    const sentence = tokens[span.sentence];
    let start = span.start;
    // A capitalised word just before a name that the tagger left out is its first name ("Zalmay Khalilzad").
    while (!headings[span.sentence] && start > 1 && /^\p{Lu}\p{Ll}+$/u.test(sentence[start - 1].text) && !TITLE_WORDS.has(sentence[start - 1].text.toLowerCase()) && !LEADING_WORDS.has(sentence[start - 1].text.toLowerCase()) && !mentions.some((m) => m.end === sentence[start - 1].end)) start--;
    const first = sentence[start];
    const last = sentence[span.end - 1];
    let mention: Mention = { text: text.slice(first.start, last.end), type: span.type, start: first.start, end: last.end };
    let prev = mentions[mentions.length - 1];
    // A name that goes on past a group's possessive, which the tagger split there: "Murdoch Children's" "Research Institute".
    const possessive = GROUP_POSSESSIVE.exec(text.slice(Math.max(0, mention.start - 60), mention.start));
    if (possessive && !headings[span.sentence]) {
      const from = Math.min(mention.start - possessive[0].length, prev && prev.end > mention.start - possessive[0].length ? prev.start : Infinity);
      if (prev && prev.start === from) mentions.pop();
      mention = { text: text.slice(from, mention.end), type: 'ORG', start: from, end: mention.end };
      prev = mentions[mentions.length - 1];
    }
    // Two names side by side that an acronym after them spells are one: "Tehreek-e-Taliban Pakistan (TTP)".
    const acronym = /^\s*\(\s*(\p{Lu}{2,8})\s*\)/u.exec(text.slice(mention.end, mention.end + 14))?.[1];
    const spelled = prev && acronym && prev.end + 1 === mention.start && initials(text.slice(prev.start, mention.end)) === acronym;
    // An organisation's head and what it is for, which the tagger split: "Committee" "for a" "Responsible Federal Budget".
    const headAndPurpose = prev && ORG_HEAD.test(prev.text) && mention.type !== 'PER' && /^ (?:for|of|on)(?: the| a)? $/u.test(text.slice(prev.end, mention.start));
    if (spelled || headAndPurpose) mentions[mentions.length - 1] = { ...prev, text: text.slice(prev.start, mention.end), end: mention.end, type: 'ORG' };
    else mentions.push(mention);
  }
  return { mentions: [...mentions, ...afterCourtesyTitles(tokens, headings, mentions, text)].sort((a, b) => a.start - b.start), tokens };
}

/**
 * The names after "Mr.", "Mrs.", "Ms." or "Dr." that the tagger left out, which are people: it
 * misses a surname that is also a word ("Mr. Trump has called…") where a sentence starts.
 */
function afterCourtesyTitles(tokens: Token[][], headings: boolean[], found: Mention[], text: string): Mention[] {
  const added: Mention[] = [];
  tokens.forEach((sentence, s) => {
    if (headings[s]) return;
    for (let i = 0; i + 1 < sentence.length; i++) {
      if (!/^(?:Mr|Mrs|Ms|Dr)\.$/u.test(sentence[i].text) || !/^\p{Lu}\p{Ll}/u.test(sentence[i + 1].text)) continue;
      if (found.some((m) => m.start <= sentence[i + 1].start && sentence[i + 1].start < m.end)) continue;
      let end = i + 2;
      while (end < sentence.length && end < i + 4 && /^\p{Lu}\p{Ll}/u.test(sentence[end].text)) end++;
      added.push({ text: text.slice(sentence[i].start, sentence[end - 1].end), type: 'PER', start: sentence[i].start, end: sentence[end - 1].end });
    }
  });
  return added;
}

/** The characters `from` to `to` of a mention's text, as a mention of their own. */
function part(mention: Mention, from: number, to = mention.text.length): Mention {
  return { ...mention, text: mention.text.slice(from, to), start: mention.start + from, end: mention.start + to };
}

/** A mention without its first `n` words (of `words`, its text split at spaces). */
function withoutFirstWords(mention: Mention, words: string[], n: number): Mention {
  return n === 0 ? mention : part(mention, words.slice(0, n).join(' ').length + 1);
}

/**
 * A name with the head the text writes after it in lower case, in the British
 * way: "West Mercia police" is the force, "Royal Shrewsbury hospital" the hospital.
 */
function withLowercaseHead(text: string, mention: Mention): Mention {
  const head = mention.type === 'PER' ? null : /^ (?:police|hospital)\b/u.exec(text.slice(mention.end, mention.end + 10))?.[0];
  return head ? { ...mention, text: mention.text + head, end: mention.end + head.length, type: 'ORG' } : mention;
}

/** A party's member from a place is the place: "an Oklahoma Republican" (Oklahoma), not "the Social Democrats". */
function placeOfPartyMember(mention: Mention, places: NameList): Mention {
  const member = / (?:Republican|Democrat)s?$/u.exec(mention.text);
  return member && places.has(nameKey(mention.text.slice(0, member.index))) ? { ...part(mention, 0, member.index), type: 'LOC' } : mention;
}

/** A name without the label of the photo credit that follows it ("Belle Image: Nick Moreau."); null if nothing else is left. */
function withoutCreditLabel(text: string, mention: Mention): Mention | null {
  const label = /(?:^| )(?:Image|Photo|Picture|Credit|Video)$/u.exec(mention.text);
  if (!label || text[mention.end] !== ':') return mention;
  return label.index > 0 ? part(mention, 0, label.index) : null;
}

/** Moves a leading title ("Mullah", "Prime Minister") from the name into the role. */
function stripTitle(mention: Mention): Mention | null {
  const words = mention.text.split(' ');
  let n = 0;
  while (n < words.length && TITLE_WORDS.has(words[n].toLowerCase())) n++;
  if (n === words.length) return null; // a lone honorific is not an actor
  // A portfolio names its office too: "State Department", "Interior Ministry", "State Bank of Pakistan".
  const office = words.slice(n).join(' ');
  if (n > 0 && words.slice(0, n).every((w) => PORTFOLIOS.has(w.toLowerCase())) && (ORG_HEAD.test(office) || ORG_LEAD.test(office))) return mention;
  // A company named with a title word, which the tagger saw as one: "General Motors", "General Electric".
  if (n === 1 && words.length === 2 && mention.type === 'ORG' && !HONORIFIC.test(words[0])) return mention;
  // A title of an organisation is not its name: "CEO of Vidyard" is Vidyard.
  if (n > 0 && words[n] === 'of' && n + 1 < words.length) return withoutFirstWords(mention, words, n + 1);
  return n === 0 ? mention : { ...withoutFirstWords(mention, words, n), role: words.slice(0, n).join(' ') };
}

// A faith's followers, one or many.
const ADHERENTS =
  /^(?:muslim|christian|jew|hindu|buddhist|sikh|catholic|protestant|mormon|evangelical|anglican|methodist|baptist|lutheran|scientologist|freemason|atheist|agnostic)s?$/u;
// The titles that end a name only when it is an office's ("Department Spokesperson"), not a holder's or a body's.
const OFFICE_END = /^(?:spokes(?:man|woman|person)|minister|secretary|director|chair(?:man|woman)|commissioner|ambassador|envoy|mayor|governor|president|senator)$/u;
// What a government's offices are for ("Education", "Foreign Affairs", "the Exchequer").
const PORTFOLIO_WORDS = new Set(
  (
    'education health defense defence finance state interior justice transport transportation energy trade agriculture ' +
    'labor labour culture environment foreign home affairs homeland security commerce treasury exchequer housing tourism ' +
    'industry economy economic development welfare employment immigration intelligence national public works war navy'
  ).split(' '),
);
// An office's title and its "of" or "for", just before a mention: "Minister of ", "Secretary for the ".
const OFFICE_OF =
  /\b(?:minister|secretary|undersecretary|under-secretary|director|chancellor|commissioner|chair(?:man|woman)?|head|governor|ambassador|envoy|spokes(?:man|woman|person))\s(?:of|for)\s(?:the\s)?$/iu;

/**
 * The portfolio of an office written between its title and the holder's name
 * is the title's, not an actor: "Minister of Education Stefania Giannini" is
 * Stefania Giannini (the tagger took "Education" into her name), "Director of
 * National Intelligence James Clapper" is James Clapper (the tagger listed
 * "National Intelligence" apart). The name begins at a known first name or a
 * courtesy title, or after the portfolio's words; what comes before it that is
 * no portfolio stays a name of its own ("Governor of Texas Greg Abbott").
 * The holder's role is then read from the text as for any name.
 */
function withoutPortfolio(text: string, mention: Mention, { places, first }: Lists): Mention[] {
  if (!OFFICE_OF.test(text.slice(Math.max(0, mention.start - 40), mention.start))) return [mention];
  const words = mention.text.split(' ');
  const portfolio = (ws: string[]) => ws.every((w) => PORTFOLIO_WORDS.has(nameKey(w)));
  // The portfolio alone, with the holder's name right after it.
  if (portfolio(words)) return /^ (?:(?:Mr|Mrs|Ms|Dr)\.? )?\p{Lu}\p{Ll}/u.test(text.slice(mention.end, mention.end + 8)) ? [] : [mention];
  let cut = words.findIndex((w, i) => i > 0 && (first.has(nameKey(w)) || COURTESY.test(w) || HONORIFIC.test(w)));
  if (cut < 0) cut = words.findIndex((w) => !PORTFOLIO_WORDS.has(nameKey(w)));
  // The holder's name begins after a courtesy title.
  let at = cut;
  while (at > 0 && at + 1 < words.length && COURTESY.test(words[at])) at++;
  // Not an organisation's name with a first name in it ("spokesman for the Association of Lloyd's"), nor one cut after "of".
  const key = nameKey(mention.text);
  if (ORG_HEAD.test(key) || ORG_LEAD.test(key) || NAME_JOINERS.has(words[cut - 1])) return [mention];
  const holder = cut > 0 ? withoutFirstWords(mention, words, at) : null;
  // The rest must look like a person's name, not an organisation's ("the Bill & Melinda Gates Foundation").
  if (!holder || !/^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}$/u.test(holder.text) || ORG_HEAD.test(nameKey(holder.text))) return [mention];
  const before = part(mention, 0, words.slice(0, cut).join(' ').length);
  const office = portfolio(words.slice(0, cut)) ? [] : [{ ...before, type: places.has(nameKey(before.text)) ? ('LOC' as const) : ('ORG' as const) }];
  return [...office, { ...holder, type: 'PER' as const }];
}

// A state's body that names no state by itself: "Navy", "Interior Ministry".
const STATE_BODY = /^(?:(?:interior|foreign|defen[cs]e|finance|health|justice|education) )?(?:ministry|navy|army|air force|police|military|government|parliament|embassy|coast guard|marines|cabinet)$/u;

/**
 * A state's body with the country's adjective the tagger left out of it:
 * "the Indonesian Navy", "the Saudi Interior Ministry" (the adjective alone
 * is no actor, and "Navy" alone names no one).
 */
function withCountryAdjective(text: string, mention: Mention, demonyms: NameList): Mention {
  if (mention.type !== 'ORG' || !STATE_BODY.test(nameKey(mention.text))) return mention;
  const adjective = /(?<![\p{L}-])(\p{Lu}\p{Ll}+) $/u.exec(text.slice(Math.max(0, mention.start - 20), mention.start))?.[1];
  if (!adjective || !demonyms.has(nameKey(adjective))) return mention;
  const start = mention.start - adjective.length - 1;
  return { ...mention, text: text.slice(start, mention.end), start };
}

/** Two names the tagger took as one across an "or": "Google or Facebook". */
function splitAlternatives(mention: Mention): Mention[] {
  const at = mention.text.indexOf(' or ');
  if (at < 0 || !/^\p{Lu}/u.test(mention.text.slice(at + 4))) return [mention];
  return [part(mention, 0, at), ...splitAlternatives(part(mention, at + 4))];
}

/** Two names written with a slash between them: "Nintendo/Apple", "McCutchan Art Center / Pace Galleries" (not initials: "AC/DC"). */
function splitSlash(mention: Mention): Mention[] {
  const slash = /(?<=\p{L}{3}) ?\/ ?(?=\p{Lu}\p{L}{2})/u.exec(mention.text);
  return slash ? [part(mention, 0, slash.index), ...splitSlash(part(mention, slash.index + slash[0].length))] : [mention];
}

/**
 * A name that the tagger ran on through a possessive into the name after it:
 * "Stanford University's Center on Poverty and Inequality" is Stanford
 * University and its Center. Only before two words or more, so that
 * "McDonald's Corporation" stays whole.
 */
function splitPossessive(mention: Mention): Mention[] {
  const match = /['’]s (?=\p{Lu}\S* \S)/u.exec(mention.text);
  if (!match || match.index === 0 || GROUP.test(mention.text.slice(0, match.index))) return [mention];
  return [part(mention, 0, match.index), part(mention, match.index + match[0].length)];
}

/**
 * A person's name that the tagger ran on into where they are from: "Nick
 * Rhodes of Duran Duran", "John Burrows of the University of Canterbury"
 * are a person and an organisation (or a place the gazetteer knows).
 */
function splitPersonOf(mention: Mention, { places, first }: Lists): Mention[] {
  const of = / of (?:the )?(?=\p{Lu})/u.exec(mention.text);
  const name = of && mention.text.slice(0, of.index);
  if (!of || !name || !/^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]*){1,2}$/u.test(name) || ORG_HEAD.test(name) || FACILITY.test(name)) return [mention];
  if (mention.type !== 'PER' && !first.has(nameKey(name.split(' ')[0]))) return [mention];
  const from = part(mention, of.index + of[0].length);
  return [{ ...part(mention, 0, of.index), type: 'PER' }, { ...from, type: places.has(nameKey(from.text)) ? 'LOC' : 'ORG' }];
}

/** A hashtag is one word: "#Hamilton Chicago show" is the tag and Chicago. */
function splitHashtag(text: string, mention: Mention): Mention[] {
  const space = mention.text.indexOf(' ');
  return text[mention.start - 1] === '#' && space > 0 ? [part(mention, 0, space), part(mention, space + 1)] : [mention];
}

/** Drops the leading words that begin a sentence or a button rather than a name ("If Lucasfilm" → "Lucasfilm", "AKA DoctorX" → "DoctorX"). */
function stripLeadingWords(mention: Mention): Mention {
  const words = mention.text.split(' ');
  let n = 0;
  // ("AKA DoctorX": also known as, in capitals as often as not.)
  while (n + 1 < words.length && LEADING_WORDS.has(words[n].toLowerCase()) && (/^\p{Lu}\p{Ll}*$/u.test(words[n]) || words[n] === 'AKA')) n++;
  // A group of people "of" the name, opening a sentence: "Members of Congress", "Users of Facebook".
  if (GROUP_NOUNS.has(words[n]?.toLowerCase()) && words[n + 1] === 'of' && n + 2 < words.length) n += words[n + 2] === 'the' && n + 3 < words.length ? 3 : 2;
  return withoutFirstWords(mention, words, n);
}

/** Drops trailing possessives and punctuation the tagger kept ("Pakistan’s", "Xbox One S."), but not the full stop of "U.S.", and leading punctuation. */
function trimMention(mention: Mention): Mention {
  // A mark the tagger began the name with: "Israel 2, Bulgaria 0" gave ", Bulgaria".
  const lead = /^[\s,;:!?)\]}–—-]+/u.exec(mention.text);
  if (lead && lead[0].length < mention.text.length) mention = part(mention, lead[0].length);
  // A handle after a name is not part of it: "Twitter @LucasNolan_" (a handle alone is dropped as junk).
  const handle = mention.text.search(/\s@/u);
  if (handle > 0) mention = part(mention, 0, handle);
  // Nor the next sentence ("Xbox One S. That"), whose full stop stays only after a dotted abbreviation ("U.S."),
  // nor a joining word it ran on into ("Central Business District or").
  const next = /\. (\p{Lu}\p{Ll}*)\b/u.exec(mention.text);
  const opener = next?.[1].toLowerCase() ?? '';
  if (next && (LEADING_WORDS.has(opener) || SENTENCE_OPENERS.has(opener))) {
    mention = part(mention, 0, next.index + Number(/\p{L}\.\p{L}$/u.test(mention.text.slice(0, next.index))));
  }
  // Nor a verb or adjective it ran on into ("… Legacy Program holds Polaroids", "Blown for Good critical of …").
  const words = mention.text.split(' ');
  const plain = words.findIndex((w, i) => i > 0 && /^\p{Ll}+$/u.test(w) && !NAME_JOINERS.has(w));
  if (plain > 0) mention = part(mention, 0, words.slice(0, plain).join(' ').length);
  const joiner = /\s(?:or|and|of|the|to|for)$/u.exec(mention.text);
  if (joiner) mention = part(mention, 0, joiner.index);
  return part(mention, 0, mention.text.replace(/(?:\s*['’]s?|[\s,;:"”’)-]+|(?<!\.\p{L})\.)$/u, '').length);
}

function isJunk(mention: Mention, { demonyms, places }: Lists, text: string): boolean {
  // A handle or an e-mail address ("@LucasNolan", "lnolan@breitbart.com"), not a name.
  if (mention.text.includes('@') || text[mention.start - 1] === '@') return true;
  // A time's AM or PM, or its time zone ("8 AM", "1451 GMT", "9 a.m. ET").
  if (/^(?:(?:am|pm) )?(?:am|pm|gmt|utc|[ecmp][sd]?t)$/i.test(mention.text) && /(?:\d|[ap]\.?m\.?)\s*\(?$/iu.test(text.slice(Math.max(0, mention.start - 6), mention.start))) return true;
  // An adjective made of a name ("Facebook-specific", "British-born", "Ash Wednesday-like"); not a name written
  // with a hyphen and a lower-case part ("Kim Jong-un", "Leung Kwok-hung").
  if (/^\S+-\p{Ll}{3,}$/u.test(mention.text) ? mention.type !== 'PER' : ADJECTIVE_SUFFIX.test(mention.text)) return true;
  // A lawmaker's party and state after the name ("Sen. Mitch McConnell, R-Ky.,", "(D-N.Y.)").
  if (/^[DRI]-\p{Lu}/u.test(mention.text) && /[,(]\s*$/u.test(text.slice(Math.max(0, mention.start - 2), mention.start))) return true;
  if (inPhotoCredit(text, mention) || inTitleOfWork(text, mention)) return true;
  const key = nameKey(mention.text);
  // A point of the compass alone is a name only as "the West", "the North".
  if (QUARTERS.has(key) && !/\bthe\s+$/iu.test(text.slice(Math.max(0, mention.start - 5), mention.start))) return true;
  // A word that only begins a place's name names nothing alone: the "New" of a sentence's "New pipes will …".
  if (NAME_OPENERS.has(key)) return true;
  const words = key.split(' ');
  if (!key || words.every((w) => JUNK.has(w)) || words.every((w) => TECH_TERMS.has(w) || w === 'of') || FURNITURE.has(key) || LEADING_WORDS.has(key) || /^\p{Ll}/u.test(mention.text) || (mention.text.match(/\p{L}/gu)?.length ?? 0) < 2) return true;
  // An office, not its holder: "the State Department Spokesperson", "the Bank President".
  if (words.length > 1 && OFFICE_END.test(words[words.length - 1])) return true;
  // A plural of initials ("CEOs", "MPs"), or titles alone ("Vice-president", "President-elect", the "Miss" of "Miss Ellen Fetter").
  if (/^\p{Lu}{2,}s$/u.test(mention.text) || words.every((w) => TITLE_WORDS.has(w) || w === 'elect') || COURTESY.test(key) || HONORIFIC.test(key)) return true;
  // The people of a place ("New Yorkers", "Londoners", "Floridians"), not an actor.
  const people = mention.type !== 'PER' && /^(.+?)(?:er|ian)s$/u.exec(key)?.[1];
  if (people && (places.has(people) || places.has(`${people}a`))) return true;
  // A faith's followers are no actor: "Muslims", "a Catholic"; nor is a creed or a fear ("Communism", "Islamophobia").
  if (ADHERENTS.test(key) || /^\p{L}{4,}(?:ism|phobia)$/u.test(key)) return true;
  // A party's member ("a Virginia Democrat") describes a person; the party is "the Democrats".
  if (key === 'democrat' || key === 'republican') return true;
  // "American", "Pakistani": adjectives, not actors.
  return mention.type === 'MISC' && !key.includes(' ') && (demonyms.has(key) || /(?:ian|ean|can|ese|ish|ic|i)$/.test(key));
}

/**
 * Whether a mention is inside a picture's credit written in brackets into the text: "(AP Photo/Evan
 * Vucci)", "(Oleg Urusov/ Roscosmos Space Agency Press Service photo via AP)", "(All photos: Atlas
 * staff)", "[File:Reuters]". The photographer and the agency are not in the story (as lib/extract/captions.ts drops
 * the credits the markup names).
 */
function inPhotoCredit(text: string, mention: Mention): boolean {
  const open = /[([]([^()[\]\n]*)$/u.exec(text.slice(Math.max(0, mention.start - 100), mention.start));
  const close = open && /^([^()[\]\n]*)[)\]]/u.exec(text.slice(mention.end, mention.end + 100));
  if (!open || !close) return false;
  const inside = open[1] + mention.text + close[1];
  return /\b(?:photos?|images?|pictures?|file|credit)\b/iu.test(inside) && /[/:]|\bvia\b|\bby\b/u.test(inside);
}

// A work, named just before its title in quotes: "her book “A Paradise Built in Hell”".
const WORK_BEFORE = /\b(?:book|novel|memoir|film|movie|documentary|song|album|essay|article|paper|study|show|series|play|poem|works?|titles(?: such as)?|titled|entitled|headlined)\s*,?\s*$/iu;

/**
 * Whether a mention is a word of a work's title in quotes, after the kind of
 * work it is ("In her book “A Paradise Built in Hell: The Extraordinary
 * Communities that Arise in Disaster,” Rebecca Solnit wrote"): the capitals
 * of a title in Title Case make no names.
 */
function inTitleOfWork(text: string, mention: Mention): boolean {
  const open = /(["“])([^"“”\n]*)$/u.exec(text.slice(Math.max(0, mention.start - 200), mention.start));
  const after = text.slice(mention.end, mention.end + 200);
  const close = open ? after.indexOf(open[1] === '“' ? '”' : '"') : -1;
  if (!open || close < 0) return false;
  const quoteAt = mention.start - open[2].length - 1;
  const words = (open[2] + mention.text + after.slice(0, close)).split(' ');
  // A title in Title Case, not a quotation ("the study “was done in Berlin”").
  return WORK_BEFORE.test(text.slice(Math.max(0, quoteAt - 30), quoteAt)) && words.length >= 3 && words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 >= words.length;
}

/**
 * Whether a mention is a degree written after a person's name, not a name
 * itself: "Katie Allen, MD, PhD", "Michael Shadlen, Ph.D." ("Baltimore, MD"
 * is Maryland). `personEnds`: where the text's people's names end.
 */
function isDegree(text: string, mention: Mention, personEnds: Set<number>): boolean {
  const degree = (at: number) => /^[\p{L}.]+/u.exec(text.slice(at, at + 12))?.[0].replace(/\./g, '').toLowerCase() ?? '';
  if (!POSTNOMINALS.has(degree(mention.start))) return false;
  // Back over the degrees before it to the name they follow.
  for (let at = mention.start; ; ) {
    const comma = /,\s*$/u.exec(text.slice(Math.max(0, at - 3), at));
    if (!comma) return false;
    const end = at - comma[0].length;
    if (personEnds.has(end)) return true;
    const before = /[\p{L}.]+$/u.exec(text.slice(Math.max(0, end - 12), end))?.[0] ?? '';
    if (!before || !POSTNOMINALS.has(before.replace(/\./g, '').toLowerCase())) return false;
    at = end - before.length;
  }
}

// Words a role is made of besides title words and names: "former US special representative".
const ROLE_WORDS = new Set(
  (
    'former ex- ex late acting interim deputy special senior top chief foreign defence defense interior finance ' +
    'state federal national regional provincial military army party opposition prime vice assistant associate ' +
    'executive managing general attorney supreme high lord head us u.s. uk un eu financial operating technology marketing communications press'
  ).split(' '),
);
// Words that end a role on its left: determiners, pronouns, verbs of saying.
const NOT_ROLE = new Set('the a an his her its their our this that these those said says told and or but as by with from for of to in on at'.split(' '));

/**
 * The role the sentence gives a person: the title-like noun phrase just
 * before the name ("Former United States envoy to Afghanistan Zalmay
 * Khalilzad", "former prime minister Imran Khan"), read word by word
 * leftwards while words are titles, role words or names, taking "to"/"of"
 * only between a role head and a name ("envoy to Afghanistan"); or an
 * apposition just after it ("Khalilzad, a former envoy, said").
 */
function roleInText(text: string, mention: Mention): string | undefined {
  // A role is written on the name's own line: a headline or paragraph before it has none to give.
  const before = text.slice(Math.max(0, mention.start - 100), mention.start).replace(/^[^]*\n/u, '');
  if (before && !/\s$/u.test(before)) return undefined;
  const words = before ? before.split(/\s+/u).slice(0, -1) : [];
  // A name its owner writes just before it is owned, not titled: "the department head for MIT’s Science, Technology and Society program".
  const owned = /['’]s$/u.test(words[words.length - 1] ?? '');
  // "envoy to Afghanistan"; and before a name the tagger took for a person's, "Undersecretary for Education" and
  // "Chancellor of the Exchequer" (not "spokesperson for the United Kingdom Home Office").
  const person = mention.type === 'PER';
  let n = 0;
  for (let i = words.length - 1; i >= 0 && n < 9 && !owned; i--) {
    const word = words[i];
    const lower = word.toLowerCase();
    const isTitle = TITLE_WORDS.has(lower) || ROLE_WORDS.has(lower) || ROLE_HEADS.test(word);
    const isName = /^\p{Lu}[\p{L}.’'-]*$/u.test(word) && !NOT_ROLE.has(lower);
    const isLink =
      n > 0 &&
      i > 0 &&
      (((lower === 'to' || lower === 'of' || (person && lower === 'for')) && /^\p{Lu}/u.test(words[i + 1]) && ROLE_HEADS.test(words[i - 1])) ||
        (person && (lower === 'of' || lower === 'for') && words[i + 1] === 'the' && ROLE_HEADS.test(words[i - 1])) ||
        (person && lower === 'the' && /^\p{Lu}/u.test(words[i + 1]) && /^(?:of|for)$/u.test(words[i - 1]) && i > 1 && ROLE_HEADS.test(words[i - 2])));
    // Nor from the sentence before ("… passed Congress. Senator James Lankford"), but for "Sen." or "U.S.".
    const endsSentence = /[.!?]$/u.test(word) && !TITLE_WORDS.has(lower) && !/^(?:\p{L}\.)+$/u.test(word);
    if ((!isTitle && !isName && !isLink) || endsSentence) break;
    n++;
  }
  const lead = words.slice(words.length - n);
  // A role begins with a title word or a name, never with "to"/"of", and has a head ("envoy", "minister").
  while (lead.length && !ROLE_HEADS.test(lead.join(' '))) lead.shift();
  if (lead.length && ROLE_HEADS.test(lead.join(' '))) {
    // "Yahoo’s chief executive, Marissa Mayer": the comma is the apposition's, not the role's.
    const role = lead.join(' ').replace(/[,;:]$/u, '').replace(/(?: (?:Mr|Mrs|Ms|Miss|Mx)\.?)+$/u, '');
    return /^(?:Former|Ex-|Late)\b/u.test(role) ? role.charAt(0).toLowerCase() + role.slice(1) : role;
  }
  const after = /^,\s+((?:the|a|an|\p{Lu}[\p{L}.&-]*(?: \p{Lu}[\p{L}.&-]*)?['’]s)\s+[^,.;]{3,60}?),/u.exec(text.slice(mention.end, mention.end + 80));
  if (!after || !ROLE_HEADS.test(after[1]) || after[1].split(/\s+/u).length > 8 || /\b(?:who|which|that|is|was|has|had)\b/u.test(after[1])) return undefined;
  // "the department head for MIT’s Science, Technology and Society program": where a name goes on past the comma,
  // the role ends before it.
  const namesOn = /\p{Lu}\p{L}*$/u.test(after[1]) && /^\s*\p{Lu}/u.test(text.slice(mention.end + after[0].length, mention.end + after[0].length + 3));
  const role = namesOn ? after[1].replace(/\s+(?:for|of|at|in|with)\s[^]*$/u, '') : after[1];
  return ROLE_HEADS.test(role) ? role : undefined;
}

// What the words around a mention say about its type.
const SPEECH = /^(?:['’]s)?\s*(?:,\s*)?(?:has |had |have |also |then |later |once |repeatedly |previously )?(?:said|says|argued|argues|wrote|writes|urged|urges|told|added|recalled|recalls|insisted|noted|warned|claimed|stated|explained|tweeted|posted|asked|denied|admitted|acknowledged|believes|thinks|replied|responded|testified)\b/u;
const PRONOUN_AFTER = /^[^.!?]{0,3}\b(?:he|she)\b/u;
// "Con Edison, which maintains…": "which" never refers to a person, "who" nearly always does.
const WHICH_AFTER = /^,\s+which\b/u;
const WHO_AFTER = /^,\s+who\b/u;
// "Con Edison officials said", "Google employees": the people of an organisation.
const STAFF_AFTER = /^(?:['’]s)?\s+(?:officials|executives|employees|workers|staffers|shareholders|subsidiary|headquarters)\b/u;
// "the Walkley journalism foundation", "the Walkley board": a body the name heads, in lower case.
const BODY_AFTER = /^ (?:\p{Ll}+ )?(?:foundation|board(?! games?\b)|council|committee|commission|union|agency|institute|trust|charity|society)\b/u;
// An organisation's kind, named in apposition: "the group, called Energy Control", "the media company Fairfax",
// "Silk Road, a marketplace that…" (not "Smith, a company spokesman" nor "the head of the group").
const ORG_KIND =
  '(?:group|company|firm|organi[sz]ation|charity|non-?profit|ngo|start-?up|agency|newspaper|magazine|website|site|network|' +
  'broadcaster|union|coalition|alliance|brand|lab|laboratory|club|outlet|platform|marketplace|app|airline|chain|studio|' +
  'foundation|institute|association|league|movement|militia|faction|bank|conglomerate|project|collective|cooperative)';
// Up to three words before the kind (on one line), none a preposition or a verb ("the head of the group", "the other was insurer").
const KIND_WORDS = "(?:(?!(?:of|for|at|in|with|to|from|on|by|and|or|is|was|are|were|be|been|has|had|have) )[\\p{L}’'-]+ ){0,3}";
const KIND_BEFORE = new RegExp(`\\b(?:[Tt]he|[Aa]n?) ${KIND_WORDS}${ORG_KIND}(?:,? (?:called|named|known as))? $`, 'u');
const KIND_AFTER = new RegExp(`^, (?:the|an?) ${KIND_WORDS}${ORG_KIND}(?:[,.;:)]| (?:that|which|whose|where|based|founded|run|owned|in|of|for|with|from)\\b)`, 'u');
// "the Biden administration": a president's name.
const ADMINISTRATION_AFTER = /^(?:['’]s)?\s+administration\b/u;
const ORG_HEAD = /\b(?:taliban|office|party|league|commission|army|council|ministry|agency|bank|union|front|movement|committee|court|police|hospital|forces|corporation|company|group|association|institute|university|college|school|academy|clinic|foundation|parliament|senate|congress|assembly|government|administration|department|organi[sz]ation|network|alliance|federation|club|fund|inc|corp|ltd|news|images|times|post|herald|tribune|journal|gazette|chronicle|navy|force|church|center|centre)$/iu;
// "Department of Defense", "University of Washington": a head word, then "of" or "for".
const ORG_LEAD = /^(?:\p{L}+ )?(?:department|ministry|university|bank|bureau|office|board|council|commission|committee|institute|instituto|college|school|academy|church|party|federation|association|league|union|court|house)\s(?:of|for)\b/iu;
// A building or a site, which is a place: "Nizhny Novgorod Stadium", "Chiang Kai Shek Memorial Hall Station",
// "National Tennis Centre" (where a research or policy "Center" is an organisation), the "Oval Office" (where an "Office"
// is a government's).
const FACILITY = /\b(?:stadium|station|airport|tower|towers|hall|bridge|square|park|mosque|masjid|cathedral|palace|arena|temple|museum(?: of [\p{L} ]+)?|street|avenue|boulevard|road|(?:tennis|sports?|aquatics?|convention|trade|shopping|leisure|exhibition|conference) cent(?:er|re)|oval office)$|^(?:boulevard|avenue|rue|plaza|piazza|place) \p{L}/iu;
const EVENT = /^(?:operation|battle|siege|hurricane|typhoon|cyclone|(?:tropical )?storm)\b|^(?:hajj|umrah|ramadan|eid(?: al-\p{L}+)?|christmas|easter|passover|hanukkah|diwali|thanksgiving)$|\b(?:agreement|accord|treaty|summit|conference|war|protocol|act|games|cup|championship|olympics|convention|declaration|accords|talks|process|plan|initiative|festival|election|elections|award|prize|depression|recession|crisis|revolution|pandemic|medal|trophy|amendment|code|constitution|charter|statute)$|\bmedal of \p{L}+$|\S bill$/iu;
// A word after a place's name that names a place too: "Kansas City", "Gaza Strip", "Silicon Valley".
const GEO_WORD =
  /^(?:north|south|east|west|central|city|county|province|state|region|district|island|islands|isles|valley|bay|beach|heights|hills|park|strip|peninsula|coast|sea|ocean|lake|river|mountains?|desert|plains?|basin|delta|gulf|harbou?r|port|springs|falls|village|town|borough|area|metro|downtown|square|street|road|avenue|airport|station|border|highlands|lowlands|territory|territories|republic|kingdom|oblast|prefecture|governorate|municipality|canyon|creek|forest|reef|archipelago|cape|point|sound|straits?|channel|glacier|oasis|quarter|camp)$/u;
const COMPASS = /^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|greater|new|old|the)$/u;
// A party, or its members as a body: "Labour", "the Republicans", "the Liberal Democrats".
const PARTY = /^(?:(?:liberal|social|christian|new|free) )?(?:democrats|republicans|conservatives|tories|greens|socialists|liberals|labou?r)$/u;
const PLACE_BEFORE = /\b(?:in|to|from|into|across|near|at|towards?|visited|visit)\s+$/u;
// Who plays a part: "played by Holly Hunter and Ray Romano", "starring Kristen Stewart" (a report "written by" or a
// summit "hosted by" may be an organisation's or a country's).
const PERSON_BEFORE = /\b(?:played|voiced) by\s+$|\b(?:co-)?starring\s+$/u;
// "a Diet Coke", "a Big Mac at the counter": a name of two words or more after "a" that heads its
// noun phrase is a thing, not a person ("a Kennedy" is one of a family; "a Trump supporter" names one).
const ARTICLE_BEFORE = /(?:^|[^\p{L}])an?\s+$/u;
const HEAD_ENDS = /^(?:\s*[^\s\p{L}]|\s+(?:at|in|on|for|with|to|from|of|by|as|than|that|is|was)\b)/u;

/**
 * The type of an actor: the tagger's votes over its mentions, weighed with
 * what the document says around them. A person speaks ("X said", "X has
 * urged") and has a title; an organisation has a head word ("Party",
 * "Commission") or a defined acronym; a place is where things are ("in X",
 * "to X") and is on the gazetteer's place lists; a name headed "Operation"
 * or "Agreement" is an event ('other'). The tagger alone often types a
 * surname it never saw as a place.
 */
function actorType(text: string, g: Group, name: string, lists: Lists, acronymDefined: boolean): ActorType {
  const key = nameKey(name);
  if (EVENT.test(key) && !g.roles.length) return 'other';
  if (PARTY.test(key)) return 'organization';
  const score: Record<EntityType, number> = { PER: 0, ORG: 0, LOC: 0, MISC: 0 };
  for (const [type, n] of g.types) score[type] += n;
  // A name the tagger mostly calls MISC is an adjective before the body, not its name ("the Yugoslav news agency").
  const adjective = score.MISC * 2 > g.offsets.length || lists.demonyms.has(key);
  // Whether the text is ever "on" or "via" the actor, and ever "in", "at", "from" it.
  let on = false;
  let placeBefore = false;
  let kindNamed = false;
  for (const [start, end] of g.offsets) {
    const before = text.slice(Math.max(0, start - 12), start);
    on ||= /\b(?:on|via)\s+$/u.test(before);
    placeBefore ||= PLACE_BEFORE.test(before);
    const after = text.slice(end, end + 40);
    if (SPEECH.test(after)) score.PER += 1.5;
    if (PRONOUN_AFTER.test(after)) score.PER += 0.5;
    if (WHO_AFTER.test(after)) score.PER += 1;
    if (WHICH_AFTER.test(after)) score.PER -= 1.5;
    if (STAFF_AFTER.test(after) || (BODY_AFTER.test(after) && !adjective)) score.ORG += 1.5;
    if (ADMINISTRATION_AFTER.test(after)) score.PER += 2;
    kindNamed ||= KIND_BEFORE.test(text.slice(Math.max(0, start - 60), start)) || KIND_AFTER.test(text.slice(end, end + 80));
    if (PLACE_BEFORE.test(before)) score.LOC += 0.5;
    if (PERSON_BEFORE.test(text.slice(Math.max(0, start - 20), start))) score.PER += 2;
    // A name that fills a pair of quotes is a title ("announcing “Super Mario Run,” the first…"), not a person.
    if (/["“]$/u.test(before) && /^[,.!?]?["”]/u.test(after)) {
      score.PER -= 2;
      score.MISC += 2;
    }
    // Named beside a company the name lists know ("both Roscosmos and NASA said", "Facebook and Cambridge Analytica").
    const partner = after.startsWith(' and ')
      ? /^ and ((?:\p{Lu}[\p{L}&.-]*\s?){1,3})/u.exec(after)?.[1]
      : text.endsWith(' and ', start)
        ? /((?:\p{Lu}[\p{L}&.-]*\s?){1,3}) and $/u.exec(text.slice(Math.max(0, start - 40), start))?.[1]
        : undefined;
    // Or in a list of them, each item between commas or an "and" ("rent on iTunes, Vudu, Amazon, YouTube, and Google
    // Play"; not an apposition, "Smith, Google's chief executive").
    const listed = [
      /(?:, |\band |\bor )((?:\p{Lu}[\p{L}&.-]*\s?){1,3}), $/u.exec(text.slice(Math.max(0, start - 40), start))?.[1],
      /^, ((?:\p{Lu}[\p{L}&.-]*\s?){1,3})(?=,| and\b| or\b)/u.exec(after)?.[1],
    ];
    const knownCompany = (item: string | undefined) => !!item && lists.orgs.has(nameKey(item.trim()));
    if (knownCompany(partner) || listed.some(knownCompany)) score.ORG += 1.5;
    if (text.slice(start, end).includes(' ') && ARTICLE_BEFORE.test(before) && HEAD_ENDS.test(after)) {
      score.PER -= 1.5;
      score.MISC += 1;
    }
  }
  const words = key.split(' ');
  const orgNamed = (ORG_HEAD.test(key) || ORG_LEAD.test(key)) && !FACILITY.test(key);
  // A title next to an organisation's name is someone else's ("Defense Secretary" before "Department of Defense").
  if (g.roles.length && !orgNamed) score.PER += 2;
  // A full name, a known first name or a middle initial before a surname ("Edward Norton Lorenz", "Morris W. Travers"),
  // speaks for all its mentions, which the tagger may type otherwise one by one.
  const middleInitial = /^\p{Lu}\p{Ll}+ (?:\p{Lu}\. )+\p{Lu}[\p{Ll}’'-]+$/u.test(name);
  if ((words.length > 1 && lists.first.has(words[0])) || middleInitial) score.PER += Math.max(middleInitial ? 2 : 1, g.offsets.length / 2);
  if (orgNamed) score.ORG += 3;
  // The text says what kind of organisation it is, which speaks for all its mentions.
  if (kindNamed) score.ORG += Math.max(3, g.offsets.length / 2);
  if (FACILITY.test(key)) score.LOC += 3;
  if (acronymDefined) score.ORG += 2;
  // A name both lists know ("Amazon", the river and the company) gets neither's vote.
  if (lists.places.has(key) && !lists.orgs.has(key)) score.LOC += 2;
  else if (lists.orgs.has(key) && !lists.places.has(key)) score.ORG += 2;
  const best = (Object.keys(score) as EntityType[]).sort((a, b) => score[b] - score[a])[0];
  // A place unknown to the gazetteer is a company's if the name lists know it as one ("in Instagram"), or an app's or a
  // company's name if its one word has a capital inside ("WhatsApp", "NeoGAF", not "McAllen"), or if the text is only
  // ever "on" it ("on Hulu", "posted on Quora").
  const appLike = /^(?!Mc|Mac)\p{Lu}\p{Ll}+\p{Lu}\S*$/u.test(name) || (on && !placeBefore);
  // A known place's name followed by a word that makes no place of it, and never "in" or "at" it, is a company's or a
  // team's: "Cambridge Analytica", "Manchester United" (not "Kansas City", "Brooklyn Heights" or "Gaza Strip").
  // (A name that is a person's too, "Jordan Peele", is left to the other votes.)
  const placeLed =
    !placeBefore &&
    /^\S+ \S+$/u.test(name) &&
    words.length === 2 &&
    lists.places.has(words[0]) &&
    !lists.people.has(words[0]) &&
    !COMPASS.test(words[0]) &&
    !lists.places.has(words[1]) &&
    !GEO_WORD.test(words[1]) &&
    !FACILITY.test(key);
  // A company's name and one more word is the company's, its branch's or its product's, not a person's: "Volkswagen AG",
  // "AOL Germany", "Google Chrome".
  const companyLed = words.length === 2 && lists.orgs.has(words[0]) && !lists.people.has(words[0]) && !lists.places.has(words[0]) && !g.roles.length;
  if (best === 'PER' && companyLed) return 'organization';
  return best === 'LOC' && !lists.places.has(key) && (appLike || placeLed || lists.orgs.has(key)) ? 'organization' : TYPES[best];
}

/** Acronyms the text defines: "Tehreek-e-Taliban Pakistan (TTP)". */
function definedAcronyms(text: string, mentions: Mention[]): Map<string, string> {
  const defined = new Map<string, string>();
  for (const m of mentions) {
    const acronym = /^\s*\(\s*(\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\s*\)/u.exec(text.slice(m.end, m.end + 16))?.[1];
    // It has a letter of the name's initials ("Islamic State (ISIS)", "Trademark Office (USPTO)"), unlike a
    // credit after a place ("AUSTIN, Texas (AP)").
    const key = acronym && nameKey(acronym);
    if (key && nameKey(m.text).split(' ').some((word) => key.includes(word[0]))) defined.set(key, m.text);
  }
  return defined;
}

/**
 * Names the text gives things, not actors (by name key). Acronyms it defines
 * by a phrase in lower case: "dinitrophenol, known as DNP", "geographic
 * information system (GIS)", "(or GIS)"; the phrase must spell the acronym:
 * its letters, in order, from the start of one of the phrase's words ("the
 * group (ISIS)" does not). And the names diseases are called after, wherever
 * the text writes them: "Alzheimer's disease", "Tourette's syndrome".
 */
function thingNames(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.matchAll(/(\p{Lu}\p{L}+)['’]s (?:disease|syndrome)\b/gu)) found.add(nameKey(m[1]));
  for (const m of text.matchAll(/(?:, known as | \((?:or )?)(\p{Lu}[\p{Lu}\p{N}&]{1,7})\b/gu)) {
    const phrase = /(?<![\p{L}-])\p{Ll}[\p{Ll}-]*(?: \p{Ll}[\p{Ll}-]*){0,5}$/u.exec(text.slice(Math.max(0, m.index - 80), m.index))?.[0];
    if (!phrase) continue;
    const letters = m[1].toLowerCase().replace(/[^\p{Ll}]/gu, '');
    const words = phrase.split(' ');
    if (words.some((_, i) => spells(words.slice(i).join(' '), letters))) found.add(nameKey(m[1]));
  }
  return found;
}

/** Whether `letters` appear in `phrase` in order, the first of them first. */
function spells(phrase: string, letters: string): boolean {
  if (phrase[0] !== letters[0]) return false;
  let at = 0;
  for (const letter of letters) {
    at = phrase.indexOf(letter, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

/** The capital letters of a name's words: "Tehreek-e-Taliban Pakistan" → "TTP". */
function initials(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

interface Group {
  names: Map<string, number>; // form as written → count
  types: Map<EntityType, number>;
  offsets: Array<[number, number]>;
  roles: string[];
}

/**
 * Groups mentions of the same actor. Order matters: full names first, so
 * that a later surname ("Khalilzad") or acronym ("TTP") can find the full
 * name ("Zalmay Khalilzad", "Tehreek-e-Taliban Pakistan") it stands for.
 * `acronyms` are those the text defines (definedAcronyms).
 */
function mergeMentions(mentions: Mention[], { places, demonyms, first }: Lists, acronyms: Map<string, string>): Group[] {
  const groups = new Map<string, Group>();
  // Each form written so far (by name key) and the group it went to; the groups by each word of their key; those whose key has a demonym.
  const owners = new Map<string, string>();
  const byWord = new Map<string, string[]>();
  const withDemonym: string[] = [];
  // The order the groups were made in, which settles ties.
  const created = new Map<string, number>();
  // Where mention m goes, by `key`, its name key.
  const canonical = (m: Mention, key: string): string => {
    const known = m.full ?? acronyms.get(key) ?? WELL_KNOWN[key.replace(/ /g, '')] ?? WELL_KNOWN[key];
    if (known) return nameKey(known);
    if (groups.has(key)) return key;
    // A form already written for an actor is that actor's, whatever the tagger typed it this time.
    const owner = owners.get(key);
    if (owner) return owner;
    // "Justice Department" after "Department of Justice" ("Interior Ministry", "Ministry of the Interior"); the longer is always seen first.
    const office = /^(.+) (department|ministry)$/.exec(key);
    if (office) {
      const spelled = [`${office[2]} of ${office[1]}`, `${office[2]} of the ${office[1]}`].find((k) => groups.has(k) || owners.has(k));
      if (spelled) return owners.get(spelled) ?? spelled;
    }
    // The same name with its country as an adjective: "Pakistani Taliban", "Tehreek-e-Taliban Pakistan" (the tagger often calls the first MISC).
    const words = key.split(' ');
    const plainWord = words.find((w) => !demonyms.has(w));
    const candidates = plainWord && words.length > 1 && words.some((w) => demonyms.has(w)) ? [...(byWord.get(plainWord) ?? []), ...withDemonym] : withDemonym;
    for (const k of candidates) {
      const g = groups.get(k)!;
      if ((g.types.has(m.type) || g.types.has('MISC') || m.type === 'MISC') && sameByDemonym(key, k, demonyms)) return k;
    }
    // A part of a longer name already seen: a surname, "Taliban" for "Afghan Taliban". Such a name ends
    // or begins with this one, so only the names holding its last or first word are looked at.
    const near = new Set([...(byWord.get(words[words.length - 1]) ?? []), ...(byWord.get(words[0]) ?? [])]);
    const knownPlace = places.has(key);
    const longer = [...near].filter((k) => {
      const kw = k.split(' ');
      // The tagger sometimes types a lone surname as a place; a known place name is never a surname.
      const sameType = groups.get(k)!.types.has(m.type) || (words.length === 1 && !knownPlace);
      // "Manhattan" is not "Lower Manhattan", nor "Sudan" "South Sudan".
      const part = kw.slice(-words.length).join(' ') === key && !kw.slice(0, -words.length).every((w) => QUARTERS.has(w));
      // A known place at the head of a longer name that is no place names its paper or navy ("New Zealand Herald"), not the place.
      // Nor is a company the same as its branch in a place ("Yahoo" is not "Yahoo Japan").
      const branch = !QUARTERS.has(key) && places.has(kw.slice(words.length).join(' '));
      const head = m.type !== 'PER' && kw.slice(0, words.length).join(' ') === key && (!knownPlace || places.has(k)) && !branch;
      return sameType && kw.length > words.length && (part || head);
    });
    if (longer.length) return longer.sort((a, b) => count(groups.get(b)!) - count(groups.get(a)!) || created.get(a)! - created.get(b)!)[0];
    // A first name alone, for the one person of that first name: "Eloise" after "Eloise Parry".
    if (words.length === 1 && first.has(key)) {
      const people = (byWord.get(key) ?? []).filter((k) => k.startsWith(key + ' ') && groups.get(k)!.types.has('PER'));
      if (people.length === 1) return people[0];
    }
    // An acronym of a longer name: "TTP" for "Tehreek-e-Taliban Pakistan".
    if (/^\p{Lu}{2,6}$/u.test(m.text)) {
      const expansion = [...groups.keys()].find((k) => initials(firstForm(groups.get(k)!)) === m.text);
      if (expansion) return expansion;
    }
    return key;
  };
  const byLength = [...mentions].sort((a, b) => b.text.split(' ').length - a.text.split(' ').length || a.start - b.start);
  for (const m of byLength) {
    const form = nameKey(m.text);
    const key = canonical(m, form);
    if (!groups.has(key)) {
      created.set(key, created.size);
      const words = key.split(' ');
      for (const word of words) {
        const keys = byWord.get(word);
        if (keys) keys.push(key);
        else byWord.set(word, [key]);
      }
      if (words.some((w) => demonyms.has(w))) withDemonym.push(key);
    }
    const group: Group = groups.get(key) ?? { names: new Map(), types: new Map(), offsets: [], roles: [] };
    if (!owners.has(form)) owners.set(form, key);
    group.names.set(m.text, (group.names.get(m.text) ?? 0) + 1);
    group.types.set(m.type, (group.types.get(m.type) ?? 0) + 1);
    group.offsets.push([m.start, m.end]);
    if (m.role) group.roles.push(m.role);
    groups.set(key, group);
    // A well-known name is listed under its full form even when only the short one is written.
    const known = m.full ?? WELL_KNOWN[form.replace(/ /g, '')];
    if (known && !group.names.has(known)) {
      group.names.set(known, 0);
      if (!owners.has(nameKey(known))) owners.set(nameKey(known), key);
    }
  }
  return [...groups.values()];
}

/**
 * Whether two names (name keys) have the same words but that one writes a
 * country as its adjective: "pakistani taliban" and "tehreek e taliban
 * pakistan". The shorter has two words or more and every one of its words is
 * in the longer, or is a demonym that begins, or is begun by, one of them
 * ("afghan", "afghanistan").
 */
function sameByDemonym(a: string, b: string, demonyms: NameList): boolean {
  const [short, long] = [a.split(' '), b.split(' ')].sort((x, y) => x.length - y.length);
  if (short.length < 2) return false;
  let viaDemonym = false;
  for (const word of short) {
    if (long.includes(word)) continue;
    if (!demonyms.has(word) || !long.some((w) => w.length >= 4 && (word.startsWith(w) || w.startsWith(word)))) return false;
    viaDemonym = true;
  }
  return viaDemonym;
}

// Words that only begin a place's name ("New York", "San Diego", "Los Angeles"), never one alone.
const NAME_OPENERS = new Set('new old san los las'.split(' '));
// Words that make a part or a neighbour of a place: "Lower Manhattan", "South Sudan", "Greater London".
const QUARTERS = new Set('north south east west northern southern eastern western lower upper central greater inner outer'.split(' '));

const count = (g: Group) => g.offsets.length;
const firstForm = (g: Group) => [...g.names.keys()][0];

/** The fullest form: the longest name written, preferring words over acronyms. */
function fullestName(g: Group): string {
  const name = [...g.names.keys()].sort((a, b) => Number(/\p{Ll}/u.test(b)) - Number(/\p{Ll}/u.test(a)) || b.length - a.length)[0];
  // A dateline's capitals ("SAN FRANCISCO", "LONDON") are not how the place is written; initials ("FATA", "NYC") are.
  return g.types.has('LOC') && /^\p{Lu}{2,}(?: \p{Lu}{2,})+$|^\p{Lu}{5,}$/u.test(name) ? name.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()) : name;
}

/**
 * Salience, 0..1: in the headline, in the lede, how often and how widely
 * the article mentions the actor. Readers expect the headline's actors first.
 * A name the lede mentions once and the article never again ("a post on X,
 * formerly Twitter") gets half the lede's weight.
 */
function salience(offsets: Array<[number, number]>, headlineEnd: number, ledeEnd: number, length: number): number {
  const inHeadline = offsets.some(([s]) => s < headlineEnd) ? 1 : 0;
  const inLede = offsets.some(([s]) => s >= headlineEnd && s < ledeEnd) ? Math.min(1, offsets.length / 2) : 0;
  const starts = offsets.map(([s]) => s);
  const spread = length ? (Math.max(...starts) - Math.min(...starts)) / length : 0;
  const frequency = Math.min(1, Math.log2(1 + offsets.length) / 4);
  return 0.35 * inHeadline + 0.2 * inLede + 0.3 * frequency + 0.15 * spread;
}

/**
 * The actors of an article: who and what it names (people, organisations,
 * places, other named things), each with every form and mention of its name,
 * the role the text gives it, and its salience; most salient first.
 *
 * `text` is the headline, a blank line, then the body's paragraphs separated
 * by blank lines; `ledeEnd` is where the first two body paragraphs end.
 * Steps: tag names → take titles off into roles → drop junk → merge the
 * forms of one actor → rank.
 */
export function findActors(text: string, opts: { title?: string; ledeEnd?: number } = {}): Actor[] {
  const lists = listsOf(loadModel());
  const headlineEnd = text.indexOf('\n\n') < 0 ? text.length : text.indexOf('\n\n');
  const ledeEnd = opts.ledeEnd ?? paragraphEnd(text, 3);

  const tagged = tagMentions(text)
    .mentions.flatMap(splitAlternatives)
    .flatMap(splitSlash)
    .flatMap(splitPossessive)
    .flatMap((m) => splitHashtag(text, m))
    .map(trimMention)
    .map(stripLeadingWords)
    .map(stripTitle)
    .map((m) => m && withoutCreditLabel(text, m))
    .flatMap((m) => (m ? withoutPortfolio(text, m, lists) : []))
    .map((m) => withCountryAdjective(text, m, lists.demonyms))
    .flatMap((m) => splitPersonOf(m, lists))
    .filter((m) => !isJunk(m, lists, text))
    .map((m) => stateAfterCity(text, placeOfPartyMember(withLowercaseHead(text, m), lists.places)));
  const personEnds = new Set(tagged.filter((m) => m.type === 'PER').map((m) => m.end));
  // A headline's verb that the tagger took into the name before it ("Vidyard Introduces New Features"), where the
  // body writes the name without it.
  const bodyForms = new Set(tagged.filter((m) => m.start >= headlineEnd).map((m) => nameKey(m.text)));
  const withoutVerb = (m: Mention): Mention => {
    const verb = m.start < headlineEnd ? /\s\p{Lu}\p{Ll}+s$/u.exec(m.text) : null;
    return verb && bodyForms.has(nameKey(m.text.slice(0, verb.index))) && !bodyForms.has(nameKey(m.text)) ? part(m, 0, verb.index) : m;
  };
  const things = thingNames(text);
  const mentions = tagged
    .filter((m) => !isDegree(text, m, personEnds) && !things.has(nameKey(m.text)))
    .map(withoutVerb)
    .map((m) => {
      // The text's role, or the title taken off the name, unless the text's ends with it and says more ("Defense" of
      // "The Secretary of Defense Ash Carter").
      const read = roleInText(text, m);
      return { ...m, role: m.role && !(read && read.length > m.role.length && read.endsWith(m.role)) ? m.role : read };
    });
  const acronyms = definedAcronyms(text, mentions);

  const actors = mergeMentions(mentions, lists, acronyms)
    .map((g): Actor => {
      const name = fullestName(g);
      const defined = [...g.names.keys()].some((n) => acronyms.has(nameKey(n)));
      const type = actorType(text, g, name, lists, defined);
      const offsets = g.offsets.sort((a, b) => a[0] - b[0]);
      const role = type === 'person' ? g.roles.filter((r) => !COURTESY.test(r)).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] : undefined;
      return {
        name,
        type,
        aliases: [...g.names.keys()].filter((n) => n !== name),
        mentions: offsets.length,
        salience: Number(salience(offsets, headlineEnd, ledeEnd, text.length).toFixed(3)),
        ...(role ? { role } : {}),
        offsets,
      };
    })
    .sort((a, b) => b.salience - a.salience || a.offsets[0][0] - b.offsets[0][0]);
  // An organisation's name and a place is its branch there ("Yahoo Japan"), whatever the tagger made of its few mentions.
  const organisations = new Set(actors.filter((a) => a.type === 'organization').map((a) => nameKey(a.name)));
  const typed = actors.map((actor): Actor => {
    const words = nameKey(actor.name).split(' ');
    const branch = actor.type !== 'organization' && words.length > 1 && organisations.has(words.slice(0, -1).join(' ')) && lists.places.has(words[words.length - 1]);
    if (!branch) return actor;
    const { role: _role, ...rest } = actor;
    return { ...rest, type: 'organization' };
  });
  return withSurnamesJoined(typed, (offsets) => Number(salience(offsets, headlineEnd, ledeEnd, text.length).toFixed(3)));
}

/**
 * A lone surname listed as a person apart from the one person of that surname: the tagger took some of its
 * mentions for a place when the names were merged ("Hamilton", a town too, after "Margaret Hamilton"). Once
 * both are typed as people, they are one.
 */
export function withSurnamesJoined(actors: Actor[], salienceOf: (offsets: Array<[number, number]>) => number): Actor[] {
  const bySurname = new Map<string, Actor[]>();
  for (const actor of actors) {
    if (actor.type !== 'person' || !actor.name.includes(' ')) continue;
    const surname = nameKey(actor.name).split(' ').at(-1)!;
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), actor]);
  }
  const joined = new Map<Actor, Actor[]>();
  for (const actor of actors) {
    const full = actor.type === 'person' && !actor.name.includes(' ') ? bySurname.get(nameKey(actor.name)) : undefined;
    if (full?.length === 1) joined.set(full[0], [...(joined.get(full[0]) ?? []), actor]);
  }
  if (!joined.size) return actors;
  const gone = new Set([...joined.values()].flat());
  return actors
    .filter((actor) => !gone.has(actor))
    .map((actor) => {
      const parts = joined.get(actor);
      if (!parts) return actor;
      const offsets = [actor, ...parts].flatMap((a) => a.offsets).sort((a, b) => a[0] - b[0]);
      const aliases = [...new Set([...actor.aliases, ...parts.flatMap((p) => [p.name, ...p.aliases])])].filter((n) => n !== actor.name);
      const role = actor.role ?? parts.find((p) => p.role)?.role;
      return { ...actor, aliases, mentions: offsets.length, salience: salienceOf(offsets), ...(role ? { role } : {}), offsets };
    })
    .sort((a, b) => b.salience - a.salience || a.offsets[0][0] - b.offsets[0][0]);
}

/** A list of the gazetteer's (lowercased) names. */
interface NameList {
  has(name: string): boolean;
}

/** Word lists from the model's gazetteer that the type and junk decisions use. */
interface Lists {
  /** Names the gazetteer knows as places. */
  places: NameList;
  /** First names ("zalmay" is not one, "imran" is). */
  first: NameList;
  /** First names and the names CoNLL-2003 tags as people ("jordan"). */
  people: NameList;
  /** "american", "pakistani". */
  demonyms: NameList;
  /** Companies and other organisations ("google", "nike"). */
  orgs: NameList;
}

/**
 * Companies and online services the news names often that the gazetteer's
 * sources (CoNLL-2003's stories and compromise's lexicon) do not know, most
 * of them younger than both, or know only as a place ("Amazon", the river).
 * Without them the tagger's votes make "owns Instagram" a place. Only names
 * that are not also common words.
 */
const NEWER_ORGS = new Set(
  ('amazon instagram whatsapp snapchat tiktok bytedance hulu spotify tesla spacex pinterest linkedin reddit tumblr lyft twitch yahoo skype ' +
    'dropbox wechat weibo alibaba huawei xiaomi foxconn qualcomm broadcom mozilla vimeo roku vudu quora politifact openai anthropic ' +
    'deepmind waymo venmo etsy shopify binance coinbase peloton doordash instacart grubhub discord substack gawker buzzfeed huffpost ' +
    'breitbart axios politico kickstarter patreon yelp zillow expedia tinder grindr duolingo neuralink rivian pixar lucasfilm')
    .split(' '),
);

/** The lists, read straight from the gazetteer's bits (no copies to build). */
function listsOf(model: NerModel): Lists {
  const on = (...names: Array<(typeof GAZETTEER_LISTS)[number]>): NameList => {
    const mask = names.reduce((b, n) => b | (1 << GAZETTEER_LISTS.indexOf(n)), 0);
    return { has: (name) => ((model.gazetteer.get(name) ?? 0) & mask) !== 0 };
  };
  const orgs = on('org');
  return { places: on('LOC', 'place'), first: on('first'), people: on('first', 'PER'), demonyms: on('demonym'), orgs: { has: (name) => orgs.has(name) || NEWER_ORGS.has(name) } };
}

/** Where the n-th paragraph ends (the whole text when it has fewer). */
function paragraphEnd(text: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = text.indexOf('\n\n', at + 1);
    if (at < 0) return text.length;
  }
  return at;
}
