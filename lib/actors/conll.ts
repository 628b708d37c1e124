import type { EntityType } from './features';
import type { EntitySpan } from './tagger';

/** One line of ../shared/data/conll2003/*.jsonl (the fields the tagger uses). */
export interface ConllRecord {
  id: string;
  tokens: string[];
  tags: string[];
  sentence_starts: number[];
}

/** A CoNLL document cut into sentences, with the gold BIO tags of each token. */
export interface ConllDocument {
  id: string;
  sentences: string[][];
  tags: string[][];
}

/** Cuts a CoNLL record into sentences at its sentence starts. */
export function conllDocument(record: ConllRecord): ConllDocument {
  const bounds = [...record.sentence_starts, record.tokens.length];
  const sentences: string[][] = [];
  const tags: string[][] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (bounds[i] === bounds[i + 1]) continue;
    sentences.push(record.tokens.slice(bounds[i], bounds[i + 1]));
    tags.push(record.tags.slice(bounds[i], bounds[i + 1]));
  }
  return { id: record.id, sentences, tags };
}

/** Counts of true positives, predicted and gold entities, overall and by type. */
export type SpanCounts = Record<EntityType | 'all', { tp: number; predicted: number; gold: number }>;

/** Empty counts, to be filled by countSpans over many documents. */
export function emptyCounts(): SpanCounts {
  const zero = () => ({ tp: 0, predicted: 0, gold: 0 });
  return { all: zero(), PER: zero(), ORG: zero(), LOC: zero(), MISC: zero() };
}

/**
 * Adds one document's predicted and gold entities to the counts the
 * CoNLL way: an entity is right only when its span and its type both are.
 */
export function countSpans(counts: SpanCounts, predicted: EntitySpan[], gold: EntitySpan[]): void {
  const key = (s: EntitySpan) => `${s.sentence}:${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  for (const s of predicted) {
    counts[s.type].predicted++;
    counts.all.predicted++;
    if (goldKeys.has(key(s))) {
      counts[s.type].tp++;
      counts.all.tp++;
    }
  }
  for (const s of gold) {
    counts[s.type].gold++;
    counts.all.gold++;
  }
}

/** Precision, recall and F1 of counts. */
export function f1Of(c: { tp: number; predicted: number; gold: number }): { precision: number; recall: number; f1: number } {
  const precision = c.predicted ? c.tp / c.predicted : 0;
  const recall = c.gold ? c.tp / c.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
