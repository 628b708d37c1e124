import type { HighlightStore, ImportSummary } from './store';
import { HighlightImportError, MAX_IMPORT_BYTES, parseAnnotationImport } from './web-annotation';

/**
 * Imports a JSON export chosen by the reader: checks its size before reading
 * it, validates every annotation, then writes them all in one transaction.
 * A bad file throws a HighlightImportError and changes nothing; a storage
 * failure throws a HighlightStoreError and changes nothing either.
 */
export async function importHighlightsFile(
  store: HighlightStore,
  file: Blob,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<ImportSummary> {
  if (file.size > maxBytes) {
    throw new HighlightImportError(
      `This file is too large to import (${(file.size / 1e6).toFixed(1)} MB; the limit is ${(maxBytes / 1e6).toFixed(0)} MB).`,
    );
  }
  const records = parseAnnotationImport(await file.text(), { maxBytes });
  return store.saveMany(records);
}
