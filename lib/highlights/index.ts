/** Researchers' highlights: saving, finding again, painting, storing, searching, exporting (issue 6). */
export * from './types';
export { describeRange, anchorHighlight, findQuote, anchorWithRetry, prepareAnchoring, CONTEXT_LENGTH } from './anchor';
export type { AnchorResult, AnchorContext, RetryOptions } from './anchor';
export { paintHighlights, clearHighlights, scrollToRange, highlightApi, COLOUR_VALUES } from './paint';
export type { PaintItem } from './paint';
export { createHighlight, pageInfoFromDocument, pageKeyFor, normaliseTags } from './record';
export { splitByline } from '../extract/byline';
export { searchHighlights, inReadingOrder, groupByPage, allTags, normaliseForSearch } from './search';
export type { HighlightQuery, PageGroup } from './search';
export { openHighlightStore, HighlightStoreError, MIGRATIONS } from './store';
export type { HighlightStore, ImportSummary, StoreErrorKind } from './store';
export { exportHighlights, EXPORT_FORMATS, EXPORT_FORMAT_LABELS } from './export';
export type { ExportFormat, ExportFile } from './export';
export { toAnnotationCollection, parseAnnotationImport, HighlightImportError, MAX_IMPORT_BYTES } from './web-annotation';
export { importHighlightsFile } from './import';
