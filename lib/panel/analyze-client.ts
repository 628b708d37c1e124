import type { ExtractedArticle } from '../extract/article';
import type { PageLink } from '../messages';
import type { Report } from '../report';
import AnalyzeWorker from './analyze.worker?worker';

export interface AnalyzeRequest {
  id: number;
  article: ExtractedArticle;
  links: PageLink[];
  extractMs: number;
}

export type AnalyzeResponse = { id: number; ok: true; report: Report } | { id: number; ok: false; message: string };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (r: Report) => void; reject: (e: Error) => void }>();

function analysisWorker(): Worker {
  if (worker) return worker;
  const started = new AnalyzeWorker();
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

/** Starts the worker (and its model load) early, while the page is still being read. */
export function warmUpAnalysis(): void {
  analysisWorker();
}

/**
 * Analyses an article in a worker, off the panel's thread, so that a long
 * article never freezes the panel. The model loads once per worker.
 */
export function analyzeOffThread(article: ExtractedArticle, links: PageLink[], extractMs: number): Promise<Report> {
  const target = analysisWorker();
  const id = ++nextId;
  return new Promise<Report>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    target.postMessage({ id, article, links, extractMs } satisfies AnalyzeRequest);
  });
}
