/**
 * Features of the named-entity tagger. Training (scripts/train-ner.ts) and
 * tagging (tagger.ts) both call these functions, so a model always sees the
 * features it was trained on.
 *
 * A feature is a 32-bit hash, never a string: each word, shape and affix is
 * hashed once per document, and a feature such as "previous word | this
 * word" is the hash of its name mixed with those numbers. That keeps tagging
 * free of string building in its inner loops (issue 3: 15 ms per article).
 */

/** The CoNLL-2003 entity types. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** BIO tags; a model's weights hold one column per tag, in this order. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
export const TAG_COUNT = TAGS.length;
/** The "tag" before a sentence's first token, in transition features. */
export const START = TAG_COUNT;

/**
 * Lists of names the gazetteer draws on: the entity types, for names tagged
 * so in the training data, and word lists from compromise's lexicon (first
 * names, surnames, places, organisations, demonyms, honorifics) that tell the
 * tagger about names the training data never saw.
 */
export const GAZETTEER_LISTS = [...ENTITY_TYPES, 'first', 'last', 'place', 'org', 'demonym', 'title'] as const;
export type GazetteerList = (typeof GAZETTEER_LISTS)[number];
/** Lowercased names, each with a bit per GAZETTEER_LISTS entry it is on (and PREFIX_BIT for beginnings of longer names). */
export type Gazetteer = Map<string, number>;
/** What tagging asks of a gazetteer: a name's bits. A Map answers; so does the model file's table of hashed names. */
export interface NameLookup {
  get(name: string): number | undefined;
}
/** Marks a gazetteer key that begins a longer name, so that matching stops early. */
export const PREFIX_BIT = 1 << 20;
const GAZ_MAX_WORDS = 6;

/** Curly quotes, primes and dashes as the straight forms CoNLL uses. */
export function normalizeToken(token: string): string {
  return token
    .replace(/[’‘`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[—–]/g, '-');
}

/** The key under which a phrase is stored in the gazetteer. */
export function gazetteerKey(words: string[]): string {
  return words.map((w) => normalizeToken(w).toLowerCase()).join(' ');
}

/** Adds PREFIX_BIT entries for every beginning of a multi-word name. */
export function markPrefixes(gazetteer: Gazetteer): void {
  for (const name of [...gazetteer.keys()]) {
    for (let at = name.indexOf(' '); at > 0; at = name.indexOf(' ', at + 1)) {
      const prefix = name.slice(0, at);
      gazetteer.set(prefix, (gazetteer.get(prefix) ?? 0) | PREFIX_BIT);
    }
  }
}

/** 32-bit FNV-1a of a string, continuing from `h`. */
export function hashString(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes a number into a hash (murmur3's finaliser), for features built of several parts. */
export function combine(h: number, x: number): number {
  h = Math.imul(h ^ x, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

// One hash per feature name; a feature is its name's hash combined with its values.
const F = Object.fromEntries(
  [
    'b', 'w', 'W', 's', 'c', 'w-1', 'w+1', 'w-2', 'w+2', 'w-1w', 'ww+1', 's-1', 's+1', 's-2', 's+2', 's-1s', 'ss+1', 's-1ss+1',
    'p', 'x', 'x-1', 'x+1', 'dc', 'span', 'g', 'gc', 'g+1', 'g-1',
    'pt', 'p-1p+1', 'd', 'dt', 'dp', 'dnone', 'ts', 'tt',
  ].map((name) => [name, hashString(name + '=')]),
) as Record<string, number>;

const enum Casing {
  Lower,
  Title,
  Caps,
  Mixed,
  Other,
}

/** What the features need to know of one distinct token, computed once. */
interface WordInfo {
  /** Lowercased, digits as 0: the key for word features and document statistics ('' without letters). */
  key: string;
  casing: Casing;
  word: number;
  raw: number;
  shape: number;
  suffix3: number;
  /** Hashed prefix and suffix features (1 to 4 characters). */
  affixes: number[];
  /** No capital and no digit: lowercase words and punctuation. */
  plain: boolean;
}

const wordCache = new Map<string, WordInfo>();
const LETTER = /\p{L}/u;

/** "Khalilzad" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
function shapeOf(token: string): string {
  let out = '';
  let last = '';
  for (const ch of token) {
    const c = ch >= '0' && ch <= '9' ? 'd' : ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() || LETTER.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function casingOf(token: string): Casing {
  if (!LETTER.test(token)) return Casing.Other;
  const lower = token.toLowerCase();
  if (token === lower) return Casing.Lower;
  if (token === token.toUpperCase()) return Casing.Caps;
  return token[0] !== lower[0] && token.slice(1) === lower.slice(1) ? Casing.Title : Casing.Mixed;
}

/** The form under which word features know a token: lowercased, digits as 0. */
export function wordKey(raw: string): string {
  return normalizeToken(raw).toLowerCase().replace(/\p{N}/gu, '0');
}

function infoOf(raw: string): WordInfo {
  let info = wordCache.get(raw);
  if (info) return info;
  const token = normalizeToken(raw);
  const lower = wordKey(raw);
  const affixes: number[] = [];
  for (let n = 1; n <= 4 && n < lower.length; n++) {
    affixes.push(combine(combine(F.p, n), hashString(lower.slice(0, n))), combine(combine(F.x, n), hashString(lower.slice(-n))));
  }
  const casing = casingOf(token);
  info = {
    key: LETTER.test(token) ? lower : '',
    casing,
    word: hashString(lower),
    raw: hashString(token),
    shape: hashString(shapeOf(token)),
    suffix3: hashString(lower.slice(-3)),
    affixes,
    plain: casing === Casing.Lower || (casing === Casing.Other && !/\p{N}/u.test(token)),
  };
  if (wordCache.size > 100_000) wordCache.clear();
  wordCache.set(raw, info);
  return info;
}

/** A headline or dateline in capitals, where capitalisation says nothing. */
function isCapsSentence(infos: WordInfo[], sentence: string[]): boolean {
  let words = 0;
  for (let i = 0; i < infos.length; i++) {
    if (infos[i].key.length < 2) continue;
    if (infos[i].casing !== Casing.Caps && sentence[i].length > 1) return false;
    words++;
  }
  return words > 0;
}

/**
 * A document's tokens and their features, flat: token t of the document has
 * the feature hashes `hashes[offsets[t]] … hashes[offsets[t + 1] - 1]`.
 */
export interface DocFeatures {
  /** Index of each sentence's first token, and the token count at the end. */
  bounds: number[];
  offsets: Int32Array;
  hashes: Uint32Array;
  /** Word and shape hashes of each token (the shape pairs with the previous tag). */
  words: Uint32Array;
  shapes: Uint32Array;
  /** Lowercased word of each token ('' for punctuation and numbers), for document statistics. */
  keys: string[];
  /**
   * 1 for a token taken to be outside every name: it and both its neighbours
   * in the sentence are plain (no capital, no digit). Such a token has no
   * features and is tagged O unscored, which spares the tagger half of a news
   * text. The model scores them O anyway: on CoNLL testa it tags 1 of the
   * 24,247 such tokens otherwise (of 51,362), and 4 of them are in a name
   * ("interior ministry officials").
   */
  outside: Uint8Array;
}

/** Gazetteer matches covering each token, as feature values: list × (B, I, U). */
function gazetteerMatches(keys: string[], gazetteer: NameLookup): number[][] {
  const out: number[][] = keys.map(() => []);
  for (let i = 0; i < keys.length; i++) {
    if (!keys[i]) continue;
    let key = keys[i];
    for (let n = 1; n <= GAZ_MAX_WORDS && i + n <= keys.length; n++) {
      if (n > 1) key += ' ' + keys[i + n - 1];
      const bits = gazetteer.get(key);
      if (!bits) break;
      for (let t = 0; t < GAZETTEER_LISTS.length; t++) {
        if (!(bits & (1 << t))) continue;
        if (n === 1) out[i].push(t * 3 + 2);
        else for (let k = i; k < i + n; k++) out[k].push(t * 3 + (k === i ? 0 : 1));
      }
      if (!(bits & PREFIX_BIT)) break;
    }
  }
  return out;
}

/**
 * How each word is written across the document where capitals are informative
 * (not at a sentence start, not in a capitals headline): 1 capitalised,
 * 2 lowercase, 3 both. It tells "BRUSSELS" in a dateline from "SAID", and a
 * sentence-initial "The" from a name.
 */
function documentCasing(infos: WordInfo[][], caps: boolean[]): Map<string, number> {
  const seen = new Map<string, number>();
  infos.forEach((sentence, s) => {
    if (caps[s]) return;
    for (let i = 1; i < sentence.length; i++) {
      const { key, casing } = sentence[i];
      if (!key || casing === Casing.Other) continue;
      seen.set(key, (seen.get(key) ?? 0) | (casing === Casing.Lower ? 2 : 1));
    }
  });
  return seen;
}

/**
 * Where each word stands in capitalised runs of two or more words elsewhere
 * in the document (bits: 1 first, 2 inside, 4 last): "Khalilzad" alone after
 * "Zalmay Khalilzad", "Taliban" after "Afghan Taliban".
 */
function documentSpans(infos: WordInfo[][], caps: boolean[]): Map<string, number> {
  const seen = new Map<string, number>();
  infos.forEach((sentence, s) => {
    if (caps[s]) return;
    let i = 1;
    while (i < sentence.length) {
      if (sentence[i].casing !== Casing.Title && sentence[i].casing !== Casing.Caps) {
        i++;
        continue;
      }
      let j = i;
      while (j < sentence.length && (sentence[j].casing === Casing.Title || sentence[j].casing === Casing.Caps)) j++;
      if (j - i >= 2) {
        for (let k = i; k < j; k++) {
          const bit = k === i ? 1 : k === j - 1 ? 4 : 2;
          seen.set(sentence[k].key, (seen.get(sentence[k].key) ?? 0) | bit);
        }
      }
      i = j;
    }
  });
  return seen;
}

/** A growing array of feature hashes (a plain number[] costs the tagger most of its time in garbage collection). */
class HashList {
  data = new Uint32Array(4096);
  length = 0;
  push(h: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = h;
  }
  done(): Uint32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * The features of every token of a document that do not depend on the tags
 * predicted for it: the word, its shape, affixes and neighbours, where it
 * stands in the sentence, how the document writes it elsewhere, whether it
 * is part of a name in the gazetteer. With `skipOutside`, tokens outside
 * every name (DocFeatures.outside) get none, and the tagger tags them O
 * unscored; training leaves it off and learns from every token.
 */
export function staticFeatures(doc: string[][], gazetteer: NameLookup, skipOutside = true): DocFeatures {
  const infos = doc.map((sentence) => sentence.map(infoOf));
  const caps = infos.map((sentence, s) => isCapsSentence(sentence, doc[s]));
  const docCasing = documentCasing(infos, caps);
  const docSpans = documentSpans(infos, caps);
  const total = doc.reduce((n, sentence) => n + sentence.length, 0);
  const bounds = [0];
  const offsets = new Int32Array(total + 1);
  const hashes = new HashList();
  const words = new Uint32Array(total);
  const shapes = new Uint32Array(total);
  const outside = new Uint8Array(total);
  const keys: string[] = [];
  const START_W = hashString('<s>');
  const END_W = hashString('</s>');
  infos.forEach((sentence, s) => {
    const gaz = gazetteerMatches(
      sentence.map((x) => x.key),
      gazetteer,
    );
    const n = sentence.length;
    const w = (i: number) => (i < 0 ? START_W : i >= n ? END_W : sentence[i].word);
    const sh = (i: number) => (i < 0 ? START_W : i >= n ? END_W : sentence[i].shape);
    const x3 = (i: number) => (i < 0 ? START_W : i >= n ? END_W : sentence[i].suffix3);
    const push = (h: number) => hashes.push(h);
    for (let i = 0; i < n; i++) {
      const info = sentence[i];
      const t = keys.length;
      words[t] = info.word;
      shapes[t] = info.shape;
      keys.push(info.key);
      if (skipOutside && info.plain && (i === 0 || sentence[i - 1].plain) && (i + 1 === n || sentence[i + 1].plain)) {
        outside[t] = 1;
        offsets[t + 1] = hashes.length;
        continue;
      }
      const position = caps[s] ? 2 : i === 0 ? 0 : 1;
      const c = info.casing * 3 + position;
      push(F.b);
      push(combine(F.w, info.word));
      push(combine(F.W, info.raw));
      push(combine(F.s, info.shape));
      push(combine(F.c, c));
      push(combine(F['w-1'], w(i - 1)));
      push(combine(F['w+1'], w(i + 1)));
      push(combine(F['w-2'], w(i - 2)));
      push(combine(F['w+2'], w(i + 2)));
      push(combine(combine(F['w-1w'], w(i - 1)), info.word));
      push(combine(combine(F['ww+1'], info.word), w(i + 1)));
      push(combine(F['s-1'], sh(i - 1)));
      push(combine(F['s+1'], sh(i + 1)));
      push(combine(F['s-2'], sh(i - 2)));
      push(combine(F['s+2'], sh(i + 2)));
      push(combine(combine(F['s-1s'], sh(i - 1)), info.shape));
      push(combine(combine(F['ss+1'], info.shape), sh(i + 1)));
      push(combine(combine(combine(F['s-1ss+1'], sh(i - 1)), info.shape), sh(i + 1)));
      push(combine(F['x-1'], x3(i - 1)));
      push(combine(F['x+1'], x3(i + 1)));
      for (const a of info.affixes) push(a);
      if (info.key) {
        push(combine(combine(F.dc, docCasing.get(info.key) ?? 0), c));
        push(combine(combine(F.span, docSpans.get(info.key) ?? 0), c));
      }
      for (const g of gaz[i]) {
        push(combine(F.g, g));
        push(combine(combine(F.gc, g), c));
      }
      for (const g of gaz[i + 1] ?? []) if (g % 3 !== 1) push(combine(F['g+1'], g));
      for (const g of gaz[i - 1] ?? []) if (g % 3 !== 0) push(combine(F['g-1'], g));
      offsets[t + 1] = hashes.length;
    }
    bounds.push(bounds[bounds.length - 1] + n);
  });
  return { bounds, offsets, hashes: hashes.done(), words, shapes, keys, outside };
}

/** A tag's entity type index (1..4), 0 for O. */
const typeOf = (tag: number) => (tag + 1) >> 1;

/**
 * The static features plus features from a first tagging pass over the whole
 * document: the tags the pass gave this token and its neighbours, and how the
 * pass tagged the same word elsewhere in the document (as part of which kind
 * of name, or not). A name is usually written in full once and reused
 * ("Peter Blackburn" … "Blackburn"), and a headline in capitals repeats
 * names from the body.
 */
export function documentFeatures(local: DocFeatures, firstPass: Uint8Array): DocFeatures {
  const n = local.keys.length;
  const { bounds } = local;
  // Label of each token: type × (B, BL = unit, I, IL = last).
  const labels = new Int32Array(n);
  const sentenceStart = new Int32Array(n);
  const sentenceEnd = new Int32Array(n);
  for (let s = 0; s + 1 < bounds.length; s++) {
    for (let t = bounds[s]; t < bounds[s + 1]; t++) [sentenceStart[t], sentenceEnd[t]] = [bounds[s], bounds[s + 1]];
  }
  for (let t = 0; t < n; t++) {
    const tag = firstPass[t];
    if (tag === 0) continue;
    const continues = t + 1 < sentenceEnd[t] && firstPass[t + 1] !== 0 && firstPass[t + 1] % 2 === 0 && typeOf(firstPass[t + 1]) === typeOf(tag);
    labels[t] = typeOf(tag) * 4 + (tag % 2 === 1 ? 0 : 2) + (continues ? 0 : 1);
  }
  const uses = new Map<string, Map<number, number>>();
  for (let t = 0; t < n; t++) {
    const key = local.keys[t];
    if (!key) continue;
    let counts = uses.get(key);
    if (!counts) uses.set(key, (counts = new Map()));
    counts.set(labels[t], (counts.get(labels[t]) ?? 0) + 1);
  }
  const offsets = new Int32Array(n + 1);
  const hashes = new HashList();
  for (let t = 0; t < n; t++) {
    if (local.outside[t]) {
      offsets[t + 1] = hashes.length;
      continue;
    }
    for (let k = local.offsets[t]; k < local.offsets[t + 1]; k++) hashes.push(local.hashes[k]);
    const first = t === sentenceStart[t];
    const last = t + 1 === sentenceEnd[t];
    const tag = firstPass[t];
    hashes.push(combine(F.pt, tag));
    hashes.push(combine(combine(F['p-1p+1'], first ? START : firstPass[t - 1]), last ? START : firstPass[t + 1]));
    const key = local.keys[t];
    if (key) {
      // How the other occurrences were tagged, most common first.
      let best = -1;
      let bestCount = 0;
      let types = 0;
      for (const [label, count] of uses.get(key)!) {
        const others = label === labels[t] ? count - 1 : count;
        if (others <= 0) continue;
        types |= 1 << (label >> 2);
        if (others > bestCount || (others === bestCount && label < best)) [best, bestCount] = [label, others];
      }
      if (best < 0) hashes.push(F.dnone);
      else {
        hashes.push(combine(F.d, best));
        hashes.push(combine(F.dt, types));
        hashes.push(combine(combine(F.dp, best), tag));
      }
    }
    offsets[t + 1] = hashes.length;
  }
  return { ...local, offsets, hashes: hashes.done() };
}

/**
 * The features that pair the previous tag with this token, one pair per
 * previous tag p (0..START): the tag transition itself at `out[p * 2]`, and
 * the transition with this token's shape at `out[p * 2 + 1]`. (The previous
 * tag with the word scored no better on testa and cost 9 look-ups a token.)
 */
export function transitionFeatures(doc: DocFeatures, t: number, out: Uint32Array): void {
  for (let p = 0; p <= START; p++) {
    out[p * 2] = combine(F.tt, p);
    out[p * 2 + 1] = combine(combine(F.ts, p), doc.shapes[t]);
  }
}

/** Whether tag `cur` may follow tag `prev` (START before a sentence): I-X only after B-X or I-X. */
export function allowed(prev: number, cur: number): boolean {
  if (cur === 0 || cur % 2 === 1) return true;
  return prev !== START && prev !== 0 && typeOf(prev) === typeOf(cur);
}

// allowed() for every (previous, current) pair, for viterbi's inner loop.
const ALLOWED = Uint8Array.from({ length: (START + 1) * TAG_COUNT }, (_, i) => Number(allowed(Math.floor(i / TAG_COUNT), i % TAG_COUNT)));

/** Scratch space for viterbi, grown as sentences get longer (allocating per sentence costs more than decoding). */
let scoreBuffer = new Float64Array(0);
let backBuffer = new Uint8Array(0);

/**
 * Best tag sequence of one sentence of `n` tokens (Viterbi): `emission[i * T + c]`
 * scores tag c at token i, `transition[(i * (T + 1) + p) * T + c]` scores c after p
 * at token i (p = START at i = 0). Writes the tags into `out` from `outAt`.
 */
export function viterbi(n: number, emission: Float64Array, transition: Float64Array, out: Uint8Array, outAt: number): void {
  const T = TAG_COUNT;
  if (scoreBuffer.length < n * T) [scoreBuffer, backBuffer] = [new Float64Array(n * T * 2), new Uint8Array(n * T * 2)];
  const score = scoreBuffer;
  const back = backBuffer;
  for (let c = 0; c < T; c++) score[c] = ALLOWED[START * T + c] ? emission[c] + transition[START * T + c] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let c = 0; c < T; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!ALLOWED[p * T + c]) continue;
        const v = score[(i - 1) * T + p] + transition[(i * (T + 1) + p) * T + c];
        // Not a destructuring swap, which allocates until the code is optimised: the panel's first article runs it cold.
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      score[i * T + c] = best + emission[i * T + c];
      back[i * T + c] = arg;
    }
  }
  let tag = 0;
  for (let c = 1; c < T; c++) if (score[(n - 1) * T + c] > score[(n - 1) * T + tag]) tag = c;
  for (let i = n - 1; i >= 0; i--) {
    out[outAt + i] = tag;
    tag = back[i * T + tag];
  }
}
