/// <reference lib="webworker" />
import { loadModel } from '../actors';
import { analyzeArticle } from '../analyze';
import type { AnalyzeRequest, AnalyzeResponse } from './analyze-client';

// The analysis runs here, off the panel's thread, so a long article never freezes the panel.
// The model loads as soon as the worker starts, while the panel is still reading the page,
// and one small analysis warms the code up, so the article's own is not the first.
loadModel();
analyzeArticle(
  {
    info: { title: 'Warm-up', byline: null, siteName: null, url: null, published: '2025-01-15', lang: 'en', wordCount: 30, excerpt: null },
    contentHtml: '',
    text: 'Officials Meet in Geneva\n\nGENEVA — Foreign Minister Ana Ruiz of Spain met the United Nations envoy John Smith on Monday, a week after talks that began in 2019 stalled in March.',
    ledeEnd: 60,
    bodyEnd: 170,
  },
  { links: [] },
);

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
