import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { hasShared, sharedDir } from '../../scripts/node-dom';

export interface RealPage {
  name: string;
  dir: string;
  source: string;
  lang: string | null;
  category: string;
  publishedTime: string | null;
  metadata: { title: string; byline: string | null; siteName: string | null; excerpt: string | null; readerable: boolean };
  hasGold: boolean;
}

/** The real pages in ../shared/data/readability-pages, or none where ../shared is missing. */
export function realPages(): RealPage[] {
  if (!hasShared) return [];
  const root = resolve(sharedDir, 'data/readability-pages');
  const index = JSON.parse(readFileSync(resolve(root, 'index.json'), 'utf8')) as {
    pages: Array<{ name: string; lang: string | null; category: string; publishedTime: string | null }>;
  };
  const listed = new Set(readdirSync(root));
  return index.pages
    .filter((p) => listed.has(p.name))
    .map((p) => {
      const dir = resolve(root, p.name);
      return {
        ...p,
        dir,
        source: readFileSync(resolve(dir, 'source.html'), 'utf8'),
        metadata: JSON.parse(readFileSync(resolve(dir, 'expected-metadata.json'), 'utf8')),
        hasGold: existsSync(resolve(dir, 'gold.json')),
      };
    });
}

export const seedDir = resolve(sharedDir, 'fixtures/seed-article');

/** The seed article's HTML and gold, from ../shared. */
export function seedArticle(): { html: string; gold: { url: string; title: string; published: string; [key: string]: unknown } } {
  return {
    html: readFileSync(resolve(seedDir, 'article.html'), 'utf8'),
    gold: JSON.parse(readFileSync(resolve(seedDir, 'gold.json'), 'utf8')),
  };
}
