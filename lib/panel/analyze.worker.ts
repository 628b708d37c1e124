/// <reference lib="webworker" />
import { analyzeArticle } from '../analyze';
import { decodeModel, installModel } from '../actors/tagger';
import type { AnalyzeResponse, ToWorker } from './analyze-client';

// Long articles are analysed here, off the panel's thread, so that the panel never freezes.
// The panel fetches the model file while this worker starts and hands it over; requests that
// arrive before it wait for it.
let modelArrived: (outcome: { buffer: ArrayBuffer } | { error: string }) => void;
const ready = new Promise<{ buffer: ArrayBuffer } | { error: string }>((resolve) => (modelArrived = resolve)).then((outcome) => {
  if ('error' in outcome) throw new Error(outcome.error);
  installModel(decodeModel(new Uint8Array(outcome.buffer)));
});

self.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.kind === 'model') return modelArrived(message);
  const { id, article, links, extractMs } = message;
  const respond = (response: AnalyzeResponse) => self.postMessage(response);
  ready
    .then(() => respond({ id, ok: true, report: analyzeArticle(article, { links, extractMs }) }))
    .catch((error: unknown) => respond({ id, ok: false, message: (error as Error)?.message ?? String(error) }));
});
