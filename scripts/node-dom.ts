import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';

/** The project's root folder. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared` beside the project (data and fixtures; read-only, never bundled). */
export const sharedDir = resolve(repoRoot, '../shared');

/** Whether ../shared is there (tests that need it skip with a message where it is not). */
export const hasShared = existsSync(resolve(sharedDir, 'data'));

/**
 * Parses a saved page into a Document the way a browser would lay it out for
 * us, minus everything active: no scripts run, nothing is fetched, and the
 * page's console noise is dropped.
 */
export function parseHtml(html: string, url = 'https://example.invalid/'): Document {
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}
