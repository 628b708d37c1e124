/**
 * The pipeline's command-line twin: `npm run analyze -- page.html [--url URL] [--json] [--offline]`.
 * Prints a readable summary, or with --json one JSON report and nothing else on stdout.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatTimeValue } from '../components/format';
import { loadModelFile } from '../lib/actors/model-file';
import { analyzeArticle } from '../lib/analyze';
import { harvestLinks } from '../lib/background';
import { extractArticle } from '../lib/extract/article';
import type { Report } from '../lib/report';
import { parseHtml } from './node-dom';

function fail(message: string): never {
  process.stderr.write(`analyze: ${message}\n`);
  process.exit(1);
}

function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { url: { type: 'string' }, json: { type: 'boolean' }, offline: { type: 'boolean' }, force: { type: 'boolean' } },
    });
  } catch (error) {
    fail(`${(error as Error).message}. Usage: npm run analyze -- <file.html> [--url <page url>] [--json] [--offline] [--force]`);
  }
  const [file] = args.positionals;
  if (!file) fail('no file given. Usage: npm run analyze -- <file.html> [--url <page url>] [--json] [--offline] [--force]');
  let html: string;
  try {
    if (!statSync(file).isFile()) fail(`${file} is not a file`);
    html = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (!/<(html|body|p|div|article|head)[\s>]/i.test(html.slice(0, 200_000))) fail(`${file} does not look like an HTML page`);
  if (args.values.url && !/^https?:\/\//i.test(args.values.url)) fail(`--url must be an http(s) address, not ${args.values.url}`);

  const url = args.values.url ?? canonicalUrl(html) ?? 'https://example.invalid/';
  let report: Report;
  try {
    report = analyzePage(html, url, file, args.values.force);
  } catch (error) {
    // jsdom walks the tree recursively (a browser does not): thousands of nested elements overflow Node's stack.
    if (error instanceof RangeError && /call stack/i.test(error.message)) fail(`${file} nests its elements too deeply to read here (jsdom's limit); the extension reads it in the browser`);
    throw error;
  }

  if (args.values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(summary(report));
}

function analyzePage(html: string, url: string, file: string, force?: boolean): Report {
  const doc = parseHtml(html, url);
  const started = performance.now();
  const extracted = extractArticle(doc, { url, force });
  const extractMs = performance.now() - started;
  if (!extracted.ok) fail(`${extracted.message} (${file}; --force reads it anyway)`);
  const links = harvestLinks(doc, url, extracted.article.contentHtml);
  loadModelFile();
  return analyzeArticle(extracted.article, { links, extractMs });
}

/** The page's own idea of its address, so links and the report's url are right for a saved page. */
function canonicalUrl(html: string): string | null {
  const match = /<link[^>]+rel=["']canonical["'][^>]*href=["'](https?:\/\/[^"']+)["']/i.exec(html) ?? /<meta[^>]+property=["']og:url["'][^>]*content=["'](https?:\/\/[^"']+)["']/i.exec(html);
  return match ? match[1] : null;
}

function summary(report: Report): string {
  const { article, actors, dates, links, timings } = report;
  const lines = [
    article.title,
    [article.siteName, article.byline, article.published, article.lang].filter(Boolean).join(' · '),
    `${article.wordCount} words, ${Math.max(1, Math.round(article.wordCount / 230))} min read`,
    '',
    `Actors (${actors.length})`,
    ...actors.slice(0, 20).map((a) => `  ${a.name} [${a.type}] ×${a.mentions}${a.role ? ` — ${a.role}` : ''}${a.aliases.length ? ` (also ${a.aliases.join(', ')})` : ''}`),
    '',
    `Timeline (${dates.length})`,
    ...dates.map((d) => `  ${formatTimeValue(d.value).padEnd(18)} ${d.key ? '★' : ' '} “${d.text}”${d.relative ? ` (${d.relative})` : ''}${d.count > 1 ? ` ×${d.count}` : ''}`),
    '',
    `Background links (${links.length})`,
    ...links.slice(0, 10).map((l) => `  ${l.title} <${l.url}>${l.reason ? ` — ${l.reason}` : ''}`),
    '',
    `Took ${timings.totalMs.toFixed(1)} ms (extraction ${timings.extractMs.toFixed(1)} ms)`,
    '',
  ];
  return lines.join('\n');
}

main();
