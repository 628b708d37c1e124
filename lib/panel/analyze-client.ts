import modelUrl from '../actors/model/ner.bin?url';
import type { ArticleText } from '../extract/article';
import type { PageLink } from '../messages';
import type { Report } from '../report';
import AnalyzeWorker from './analyze.worker?worker';

/**
 * Articles up to this many characters of text (about 3,500 words, longer
 * than most news stories) are analysed on the panel's own thread, in a few
 * tens of milliseconds: starting a worker would cost more than the analysis.
 * Longer ones go to a worker, so that the panel never freezes.
 */
export const IN_PANEL_LIMIT = 20_000;

export interface AnalyzeRequest {
  kind: 'analyze';
  id: number;
  article: ArticleText;
  links: PageLink[];
  extractMs: number;
}

/** What the panel sends the worker: the model file once, then articles. */
export type ToWorker = AnalyzeRequest | { kind: 'model'; buffer: ArrayBuffer } | { kind: 'model'; error: string };

export type AnalyzeResponse = { id: number; ok: true; report: Report } | { id: number; ok: false; message: string };

type Analyze = (article: ArticleText, links: PageLink[], extractMs: number) => Report;

let modelFile: Promise<ArrayBuffer> | null = null;

/**
 * The model file, fetched once for the panel and the worker alike; the
 * panel's page preloads it (entrypoints/sidepanel/index.html).
 */
function fetchModel(): Promise<ArrayBuffer> {
  if (!modelFile) {
    modelFile = fetch(modelUrl).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.arrayBuffer();
    });
    // A failed fetch is tried again next time.
    modelFile.catch(() => (modelFile = null));
  }
  return modelFile;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const nextIdle = () => new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 50 }) : setTimeout(resolve, 0)));

let inPanel: Promise<Analyze> | null = null;
let articles = 0;

/**
 * Loads the analysis code and the model on the panel's thread, while the
 * page is still being read (a part at a time, so that the page's answers
 * are not kept waiting); then, while the panel waits, runs each stage
 * once on a short sample (one idle moment per stage), so that the article's
 * own analysis is not the first to run the code. The warm-up stops as soon
 * as an article arrives.
 */
export function prepareAnalysis(): Promise<Analyze> {
  inPanel ??= Promise.all([import('./warm-up'), fetchModel().catch((error: unknown) => Promise.reject(modelError(error)))]).then(
    async ([{ analyzeArticle, installModelFileInParts, warmUpSteps }, buffer]) => {
      await installModelFileInParts(buffer, nextTask);
      void (async () => {
        for (const step of warmUpSteps) {
          await nextIdle();
          if (articles > 0) return;
          step();
        }
      })().catch(() => undefined); // a failing step fails the article's analysis too, and says so there
      return (article, links, extractMs) => analyzeArticle(article, { links, extractMs });
    },
  );
  // A failed load is tried again on the next article.
  inPanel.catch(() => (inPanel = null));
  return inPanel;
}

function modelError(error: unknown): Error {
  return new Error(`the language model did not load (${(error as Error)?.message ?? error})`);
}

/** Analyses an article: on the panel's thread when it is short, in a worker when it is long. */
export async function analyze(article: ArticleText, links: PageLink[], extractMs: number): Promise<Report> {
  articles++;
  if (article.text.length > IN_PANEL_LIMIT) return analyzeInWorker(article, links, extractMs);
  const run = await prepareAnalysis();
  return run(article, links, extractMs);
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (r: Report) => void; reject: (e: Error) => void }>();

function analysisWorker(): Worker {
  if (worker) return worker;
  const started = new AnalyzeWorker();
  // The worker gets its own copy of the file (the panel may be decoding it too), moved to it without a second copy.
  fetchModel().then(
    (file) => {
      const buffer = file.slice(0);
      started.postMessage({ kind: 'model', buffer } satisfies ToWorker, [buffer]);
    },
    (error: unknown) => started.postMessage({ kind: 'model', error: modelError(error).message } satisfies ToWorker),
  );
  started.addEventListener('message', (event: MessageEvent<AnalyzeResponse>) => {
    const pending = waiting.get(event.data.id);
    waiting.delete(event.data.id);
    if (!pending) return;
    if (event.data.ok) pending.resolve(event.data.report);
    else pending.reject(new Error(event.data.message));
  });
  started.addEventListener('error', (event) => {
    // The worker died (it could not load, or ran out of memory): fail what waits, start afresh next time.
    worker = null;
    for (const pending of waiting.values()) pending.reject(new Error(event.message || 'the analysis stopped unexpectedly'));
    waiting.clear();
  });
  worker = started;
  return started;
}

/** Analyses a long article in a worker, off the panel's thread; the worker loads the model once. */
function analyzeInWorker(article: ArticleText, links: PageLink[], extractMs: number): Promise<Report> {
  const target = analysisWorker();
  const id = ++nextId;
  return new Promise<Report>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    target.postMessage({ kind: 'analyze', id, article, links, extractMs } satisfies ToWorker);
  });
}
