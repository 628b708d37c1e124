/**
 * Word clusters for the NER tagger, learnt from unlabelled text at training
 * time: words that occur between the same neighbours fall into the same
 * cluster, so a name the labelled data never saw can borrow the weights of
 * the names it is used like. A cheap stand-in for Brown clusters: each word
 * is a vector of its left and right neighbours (the most frequent words),
 * split top-down by 2-means on cosine similarity into a binary tree whose
 * path is the word's cluster id.
 *
 * Unlabelled text: CoNLL-2003 train tokens, TempEval-3, GUM news, the N3
 * collections and the readability pages under ../shared/data; never testa.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { hashString, wordKey } from '../lib/actors/features';
import type { NerModelFile } from '../lib/actors/tagger';
import { splitSentences } from '../lib/text/sentences';
import { tokenize } from '../lib/text/tokenize';

const DEPTH = 12; // bits of a cluster path
const PREFIXES = [4, 8, 12]; // the cluster granularities the tagger sees
const CONTEXTS = 200; // neighbour words that make up a word's vector
const MIN_COUNT = 3;
const ITERATIONS = 6;

/** Sentences of tokens from every unlabelled source that is present. */
function unlabelledSentences(data: string): string[][] {
  const sentences: string[][] = [];
  const lines = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []);
  const addText = (text: string) => {
    for (const s of splitSentences(text)) sentences.push(tokenize(s.text).map((t) => t.text));
  };
  for (const record of lines(path.join(data, 'conll2003/train.jsonl'))) {
    const bounds = [...record.sentence_starts, record.tokens.length];
    for (let i = 0; i + 1 < bounds.length; i++) sentences.push(record.tokens.slice(bounds[i], bounds[i + 1]));
  }
  for (const file of ['tempeval3/tbaq-timebank.jsonl', 'tempeval3/tbaq-aquaint.jsonl', 'gum-news/gum_news_train.jsonl', 'n3-collection/reuters-128.jsonl', 'n3-collection/rss-500.jsonl']) {
    for (const record of lines(path.join(data, file))) addText(record.text);
  }
  const pages = path.join(data, 'readability-pages');
  if (existsSync(pages)) {
    for (const page of readdirSync(pages).sort()) {
      const file = path.join(pages, page, 'expected.html');
      if (!existsSync(file)) continue;
      const text = readFileSync(file, 'utf8')
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<\/(p|div|h\d|li|td|blockquote)>/gi, '\n\n')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&#?\w+;/g, ' ');
      addText(text);
    }
  }
  return sentences;
}

/**
 * Learns the clusters and returns them as the model file stores them, or
 * undefined when there is no unlabelled text.
 */
export function learnClusters(repoRoot: string): NerModelFile['clusters'] {
  const sentences = unlabelledSentences(path.resolve(repoRoot, '../shared/data')).map((s) => s.map(wordKey));
  const counts = new Map<string, number>();
  for (const s of sentences) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFrequency = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const words = byFrequency.filter(([w, n]) => n >= MIN_COUNT && /\p{L}/u.test(w)).map(([w]) => w);
  if (!words.length) return undefined;
  const index = new Map(words.map((w, i) => [w, i]));
  const context = new Map(byFrequency.slice(0, CONTEXTS).map(([w], i) => [w, i]));
  const D = CONTEXTS * 2 + 2;
  const vectors = new Float32Array(words.length * D);
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const row = index.get(s[i]);
      if (row === undefined) continue;
      const left = i === 0 ? CONTEXTS * 2 : context.get(s[i - 1]);
      const right = i === s.length - 1 ? CONTEXTS * 2 + 1 : context.get(s[i + 1]);
      if (left !== undefined) vectors[row * D + left]++;
      if (right !== undefined) vectors[row * D + (right < CONTEXTS ? CONTEXTS + right : right)]++;
    }
  }
  for (let r = 0; r < words.length; r++) {
    let norm = 0;
    for (let k = 0; k < D; k++) norm += (vectors[r * D + k] = Math.log1p(vectors[r * D + k])) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < D; k++) vectors[r * D + k] /= norm;
  }
  const paths = new Uint16Array(words.length);
  const dot = (r: number, c: Float64Array) => {
    let sum = 0;
    for (let k = 0; k < D; k++) sum += vectors[r * D + k] * c[k];
    return sum;
  };
  // Split a set of words (most frequent first) in two, again and again.
  const split = (members: number[], depth: number, pathBits: number) => {
    if (depth === DEPTH || members.length < 2) {
      for (const r of members) paths[r] = pathBits << (16 - DEPTH);
      return;
    }
    const centroids = [new Float64Array(D), new Float64Array(D)];
    const seed = (c: Float64Array, r: number) => c.set(vectors.subarray(r * D, r * D + D));
    seed(centroids[0], members[0]);
    let far = members[1];
    for (const r of members) if (dot(r, centroids[0]) < dot(far, centroids[0])) far = r;
    seed(centroids[1], far);
    let side = new Uint8Array(members.length);
    for (let it = 0; it < ITERATIONS; it++) {
      side = Uint8Array.from(members, (r) => (dot(r, centroids[1]) > dot(r, centroids[0]) ? 1 : 0));
      for (const c of centroids) c.fill(0);
      members.forEach((r, m) => {
        for (let k = 0; k < D; k++) centroids[side[m]][k] += vectors[r * D + k];
      });
      for (const c of centroids) {
        const norm = Math.sqrt(c.reduce((sum, x) => sum + x * x, 0)) || 1;
        for (let k = 0; k < D; k++) c[k] /= norm;
      }
    }
    const halves: number[][] = [[], []];
    members.forEach((r, m) => halves[side[m]].push(r));
    if (!halves[0].length || !halves[1].length) return split(members, DEPTH, pathBits << (DEPTH - depth));
    split(halves[0], depth + 1, pathBits << 1);
    split(halves[1], depth + 1, (pathBits << 1) | 1);
  };
  split(
    words.map((_, i) => i),
    0,
    0,
  );
  // Stored sorted by word hash, the order the tagger looks them up in.
  const order = words.map((w, i) => [hashString(w), i] as const).sort((a, b) => a[0] - b[0]);
  const hashes = Uint32Array.from(order, ([h]) => h);
  const sortedPaths = Uint16Array.from(order, ([, i]) => paths[i]);
  const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return { words: base64(hashes), paths: base64(sortedPaths), prefixes: PREFIXES };
}
