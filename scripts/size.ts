/**
 * `npm run size [-- --dir .output/chrome-mv3]`: what the built extension
 * weighs (run `npm run build` first). Lists every file raw and gzipped, the
 * NER model's share, the size of the directory as a zip (as the stores take
 * it: each file deflated, plus the zip's headers, computed without writing
 * the file), and what is injected into a page when the panel opens.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { PAGE_HIGHLIGHT_CSS } from '../lib/page/styles';
import { repoRoot } from './node-dom';

// The goal for the packed extension.
const ZIP_BUDGET = 3 * 1024 * 1024;
// The script the panel injects (lib/panel/page.ts PAGE_SCRIPT).
const PAGE_SCRIPT = 'page.js';
// Injected with the page script, in the same call, to read the article (entrypoints/read-page.ts).
const READ_SCRIPT = 'read-page.js';
const MODEL = resolve(repoRoot, 'lib/actors/model/ner.bin');

interface FileSize {
  path: string;
  raw: number;
  gzip: number;
  deflate: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
  });
}

function measure(dir: string, path: string): FileSize {
  const bytes = readFileSync(path);
  return { path: relative(dir, path), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, deflate: deflateRawSync(bytes, { level: 9 }).length };
}

/**
 * The size of a zip of these files: per file a 30-byte local header, the name
 * and the deflated data, then a 46-byte central directory entry with the name
 * again, and the 22-byte end record (no extra fields, as `zip -X` writes).
 */
function zipSize(files: FileSize[]): number {
  return files.reduce((sum, f) => sum + 30 + 46 + 2 * Buffer.byteLength(f.path) + Math.min(f.deflate, f.raw), 22);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;

function main(): void {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: '.output/chrome-mv3' } } });
  const dir = resolve(repoRoot, values.dir!);
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`size: no built extension in ${relative(repoRoot, dir) || dir}. Run \`npm run build\` first.`);
    process.exitCode = 1;
    return;
  }
  const files = filesUnder(dir)
    .map((path) => measure(dir, path))
    .sort((a, b) => b.raw - a.raw);
  const raw = files.reduce((sum, f) => sum + f.raw, 0);
  const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const zip = zipSize(files);

  console.log(`Extension size ${new Date().toISOString().slice(0, 10)}: \`npm run size\` on ${relative(repoRoot, dir)} (built ${statSync(join(dir, 'manifest.json')).mtime.toISOString().slice(0, 16)}Z)`);
  console.log('');
  console.log('| file | raw | gzip |');
  console.log('|---|---:|---:|');
  for (const f of files) console.log(`| ${f.path} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  console.log(`| **total** (${files.length} files) | **${kb(raw)}** | **${kb(gzip)}** |`);
  console.log('');
  console.log(`Zipped (deflate -9, as packed for the stores): ${kb(zip)}, budget ${kb(ZIP_BUDGET)}: ${zip < ZIP_BUDGET ? 'ok' : 'OVER'}.`);

  if (existsSync(MODEL)) {
    // The build copies the model file as it is (assets/ner-*.bin); the analysis worker fetches it.
    const model = readFileSync(MODEL);
    const modelZip = deflateRawSync(model, { level: 9 }).length;
    console.log(`NER model (lib/actors/model/ner.bin): ${kb(model.length)} raw, ${kb(gzipSync(model, { level: 9 }).length)} gzip; ${pct(model.length, raw)} of the raw total, about ${pct(modelZip, zip)} of the zip.`);
  }

  const page = files.find((f) => f.path === PAGE_SCRIPT);
  const read = files.find((f) => f.path === READ_SCRIPT);
  const css = Buffer.byteLength(PAGE_HIGHLIGHT_CSS);
  if (page && read) {
    console.log(
      `Injected into a page when the panel opens: ${PAGE_SCRIPT} ${kb(page.raw)} (${kb(page.gzip)} gzip) + ${READ_SCRIPT} ${read.raw} bytes + highlight CSS ${css} bytes = ${kb(page.raw + read.raw + css)}.`,
    );
  } else {
    console.log(`Injected into a page: ${PAGE_SCRIPT} or ${READ_SCRIPT} not found in the build; highlight CSS ${css} bytes.`);
  }
}

main();
