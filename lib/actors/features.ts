/**
 * Features of the named-entity tagger. Training (scripts/train-ner.ts) and
 * tagging (tagger.ts) both call these functions, so a model always sees the
 * features it was trained on.
 */

/** The CoNLL-2003 entity types. */
export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC';
export const ENTITY_TYPES: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];
/** BIO tags; a model's weights hold one column per tag, in this order. */
export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];

/**
 * Lists of names the gazetteer draws on: the entity types, for names tagged
 * so in the training data, and word lists from compromise's lexicon (first
 * names, surnames, places, organisations, demonyms, honorifics) that tell the
 * tagger about names the training data never saw.
 */
export const GAZETTEER_LISTS = [...ENTITY_TYPES, 'first', 'last', 'place', 'org', 'demonym', 'title'] as const;
export type GazetteerList = (typeof GAZETTEER_LISTS)[number];
/** Lowercased names, each with a bit per GAZETTEER_LISTS entry it is on. */
export type Gazetteer = Map<string, number>;
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

function lowerWord(token: string): string {
  return token.toLowerCase().replace(/\p{N}/gu, '0');
}

/** "Khalilzad" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
function shape(token: string): string {
  return token
    .replace(/\p{Lu}/gu, 'X')
    .replace(/[\p{Ll}\p{Lo}\p{M}]/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/g, '$1');
}

type Casing = 'lower' | 'title' | 'caps' | 'mixed' | 'other';
function casing(token: string): Casing {
  if (!/\p{L}/u.test(token)) return 'other';
  if (token === token.toLowerCase()) return 'lower';
  if (token === token.toUpperCase()) return 'caps';
  if (/^\p{Lu}[^\p{Lu}]*$/u.test(token)) return 'title';
  return 'mixed';
}

/** A headline or dateline in capitals, where capitalisation says nothing. */
function isCapsSentence(sentence: string[]): boolean {
  const words = sentence.filter((w) => /\p{L}{2}/u.test(w));
  return words.length > 0 && words.every((w) => w === w.toUpperCase());
}

/**
 * How each word is written across the document where capitals are informative
 * (not at a sentence start, not in a capitals headline): "T" capitalised,
 * "L" lowercase, "TL" both. It tells "BRUSSELS" in a dateline from "SAID".
 */
function documentCasing(doc: string[][]): Map<string, string> {
  const seen = new Map<string, Set<string>>();
  for (const sentence of doc) {
    if (isCapsSentence(sentence)) continue;
    for (let i = 1; i < sentence.length; i++) {
      const c = casing(sentence[i]);
      if (c === 'other') continue;
      const key = lowerWord(sentence[i]);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(c === 'lower' ? 'L' : 'T');
    }
  }
  return new Map([...seen].map(([k, v]) => [k, [...v].sort().reverse().join('')]));
}

/** Gazetteer matches covering each token: "PER:B", "LOC:U" (unit), "ORG:I" ... */
function gazetteerMatches(sentence: string[], gazetteer: Gazetteer): string[][] {
  const out: string[][] = sentence.map(() => []);
  const lower = sentence.map((w) => normalizeToken(w).toLowerCase());
  for (let i = 0; i < sentence.length; i++) {
    if (!/\p{L}/u.test(lower[i])) continue;
    for (let n = 1; n <= GAZ_MAX_WORDS && i + n <= sentence.length; n++) {
      const bits = gazetteer.get(lower.slice(i, i + n).join(' '));
      if (!bits) continue;
      GAZETTEER_LISTS.forEach((type, t) => {
        if (!(bits & (1 << t))) return;
        if (n === 1) out[i].push(`${type}:U`);
        else for (let k = i; k < i + n; k++) out[k].push(`${type}:${k === i ? 'B' : 'I'}`);
      });
    }
  }
  return out;
}

/**
 * The features of every token of a document that do not depend on the tags
 * already predicted: the word, its shape, affixes and neighbours, where it
 * stands in the sentence, how the document writes it elsewhere and whether it
 * is part of a name in the gazetteer.
 */
export function staticFeatures(doc: string[][], gazetteer: Gazetteer): string[][][] {
  const docCasing = documentCasing(doc);
  return doc.map((raw) => {
    const sentence = raw.map(normalizeToken);
    const caps = isCapsSentence(sentence);
    const words = sentence.map(lowerWord);
    const shapes = sentence.map(shape);
    const gaz = gazetteerMatches(sentence, gazetteer);
    const w = (i: number) => (i < 0 ? '<s>' : i >= words.length ? '</s>' : words[i]);
    const s = (i: number) => (i < 0 ? '<s>' : i >= shapes.length ? '</s>' : shapes[i]);
    return sentence.map((token, i) => {
      const word = words[i];
      const c = casing(token);
      const position = caps ? 'caps' : i === 0 ? 'first' : 'mid';
      const f = [
        'b',
        'w=' + word,
        'W=' + token,
        's=' + shapes[i],
        'c=' + c + '|' + position,
        'w-1=' + w(i - 1),
        'w+1=' + w(i + 1),
        'w-2=' + w(i - 2),
        'w+2=' + w(i + 2),
        'w-1w=' + w(i - 1) + '|' + word,
        'ww+1=' + word + '|' + w(i + 1),
        's-1=' + s(i - 1),
        's+1=' + s(i + 1),
        's-1ss+1=' + s(i - 1) + '|' + shapes[i] + '|' + s(i + 1),
        'dc=' + (docCasing.get(word) ?? '-') + '|' + position + '|' + c,
      ];
      for (let n = 1; n <= 4 && n < word.length; n++) f.push(`p${n}=${word.slice(0, n)}`, `x${n}=${word.slice(-n)}`);
      for (const g of gaz[i]) f.push('g=' + g, 'gc=' + g + '|' + c);
      for (const g of gaz[i + 1] ?? []) if (g.endsWith('B') || g.endsWith('U')) f.push('g+1=' + g);
      return f;
    });
  });
}

/**
 * Features from a first tagging pass over the whole document: the tags the
 * pass gave this token and its neighbours, and how the pass tagged the same
 * word elsewhere in the document (as part of which kind of name, or not).
 * A name is usually written in full once and reused ("Peter Blackburn" …
 * "Blackburn"), and a headline in capitals repeats names from the body.
 */
export function documentFeatures(doc: string[][], firstPass: string[][]): string[][][] {
  const uses = new Map<string, Map<string, number>>();
  const label = (s: number, i: number) => {
    const tag = firstPass[s][i];
    if (tag === 'O') return 'O';
    const next = firstPass[s][i + 1] ?? 'O';
    const role = tag[0] + (next.startsWith('I-') ? '' : 'L'); // B, BL (unit), I, IL (last)
    return tag.slice(2) + ':' + role;
  };
  const keys = doc.map((sentence) => sentence.map((t) => (/\p{L}/u.test(t) ? lowerWord(normalizeToken(t)) : '')));
  keys.forEach((sentence, s) =>
    sentence.forEach((key, i) => {
      if (!key) return;
      const counts = uses.get(key) ?? new Map<string, number>();
      counts.set(label(s, i), (counts.get(label(s, i)) ?? 0) + 1);
      uses.set(key, counts);
    }),
  );
  return keys.map((sentence, s) =>
    sentence.map((key, i) => {
      const f = ['p=' + firstPass[s][i], 'p-1p+1=' + (firstPass[s][i - 1] ?? '<s>') + '|' + (firstPass[s][i + 1] ?? '</s>')];
      if (!key) return f;
      // How the other occurrences were tagged, most common first.
      const others = [...uses.get(key)!].map(([l, n]) => [l, l === label(s, i) ? n - 1 : n] as const).filter(([, n]) => n > 0);
      if (!others.length) return [...f, 'd=none'];
      others.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const types = [...new Set(others.map(([l]) => l.split(':')[0]))].sort().join('+');
      return [...f, 'd=' + others[0][0], 'dt=' + types, 'dp=' + others[0][0] + '|' + firstPass[s][i]];
    }),
  );
}

/** The features that depend on the tags predicted for the two previous tokens. */
export function tagFeatures(prev2: string, prev: string, staticOfToken: string[]): string[] {
  return ['t-1=' + prev, 't-2t-1=' + prev2 + '|' + prev, 't-1w=' + prev + '|' + staticOfToken[1], 't-1s=' + prev + '|' + staticOfToken[3]];
}

/** 32-bit FNV-1a: the model stores hashed features, not their strings. */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
