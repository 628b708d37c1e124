/// <reference lib="webworker" />
import { loadModel } from '../actors';
import { analyzeArticle } from '../analyze';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-client';

// The analysis runs here, off the panel's thread, so a long article never freezes the panel.
// The model loads as soon as the worker starts, while the panel is still reading the page.
loadModel();

self.addEventListener('message', (event: MessageEvent<AnalyzeRequest>) => {
  const { id, article, links, extractMs } = event.data;
  let response: AnalyzeResponse;
  try {
    response = { id, ok: true, report: analyzeArticle(article, { links, extractMs }) };
  } catch (error) {
    response = { id, ok: false, message: (error as Error)?.message ?? String(error) };
  }
  self.postMessage(response);
});
