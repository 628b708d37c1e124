import { useEffect, useMemo, useState } from 'preact/hooks';
import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from '@/lib/highlights/export';
import { allTags, groupByPage, searchHighlights } from '@/lib/highlights/search';
import { HIGHLIGHT_COLOURS, type ExportScope, type HighlightColour, type HighlightPatch, type HighlightRecord, type PageHighlight } from '@/lib/highlights/types';
import { HighlightItem } from './HighlightItem';
import { safeHref } from './safe-href';

export interface HighlightsSectionProps {
  /** This page's highlights in reading order (found ones by where they are now). */
  pageHighlights: PageHighlight[];
  /** Every saved highlight, for the "All highlights" view. */
  allHighlights: HighlightRecord[];
  /** A sentence about the last action (saved, imported, a storage error), read out by screen readers. */
  status?: string | null;
  /** Whether the page has a selection to save (shows the Save selection button when given). */
  canSaveSelection?: boolean;
  onSaveSelection?: () => void;
  /** Scroll the page to this highlight. */
  onJump: (id: string) => void;
  onUpdate: (id: string, patch: HighlightPatch) => void;
  /** Delete it; the section then offers Undo, which calls onRestore with the same record. */
  onDelete: (record: HighlightRecord) => void;
  onRestore: (record: HighlightRecord) => void;
  /** Export these records in this format; the caller makes the file (exportHighlights) and downloads it. */
  onExport: (format: ExportFormat, records: HighlightRecord[], scope: ExportScope) => void;
  /** Import this JSON file (importHighlightsFile). */
  onImport: (file: File) => void;
}

const UNDO_MS = 15_000;

/**
 * The researcher's highlights: this page's in reading order (with those no
 * longer found listed apart), and all highlights grouped by page with search,
 * tag and colour filters, inline editing, delete with undo, export and import.
 */
export function HighlightsSection(props: HighlightsSectionProps) {
  const { pageHighlights, allHighlights, status, canSaveSelection, onSaveSelection, onJump, onUpdate, onDelete, onRestore } = props;
  const [view, setView] = useState<'page' | 'all'>('page');
  const [deleted, setDeleted] = useState<HighlightRecord | null>(null);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [deleted]);

  const remove = (record: HighlightRecord) => {
    onDelete(record);
    setDeleted(record);
  };
  const item = { onUpdate, onDelete: remove };
  const found = pageHighlights.filter((h) => h.found);
  const missing = pageHighlights.filter((h) => !h.found);

  return (
    <section class="section highlights" aria-labelledby="highlights-heading">
      <h2 id="highlights-heading">Highlights</h2>
      <div class="highlights-tabs" role="group" aria-label="Which highlights">
        <button type="button" aria-pressed={view === 'page'} onClick={() => setView('page')}>
          This page ({pageHighlights.length})
        </button>
        <button type="button" aria-pressed={view === 'all'} onClick={() => setView('all')}>
          All highlights ({allHighlights.length})
        </button>
      </div>

      <div class="highlights-status" role="status" aria-live="polite">
        {deleted ? (
          <>
            Highlight deleted.{' '}
            <button
              type="button"
              onClick={() => {
                onRestore(deleted);
                setDeleted(null);
              }}
            >
              Undo
            </button>
          </>
        ) : (
          status
        )}
      </div>

      {view === 'page' ? (
        <>
          {onSaveSelection && (
            <button type="button" class="highlights-save" disabled={canSaveSelection === false} onClick={onSaveSelection}>
              Save selection
            </button>
          )}
          {pageHighlights.length === 0 && (
            <p class="muted">No highlights on this page yet. Select text on the page, then choose “Save selection” or “Save highlight to Backstory” from the right-click menu.</p>
          )}
          {found.length > 0 && (
            <ul class="highlights-list">
              {found.map(({ record }) => (
                <HighlightItem key={record.id} record={record} onJump={onJump} {...item} />
              ))}
            </ul>
          )}
          {missing.length > 0 && (
            <>
              <h3>Not found on this page</h3>
              <p class="muted">The page has changed since these were saved. They are kept; edit or delete them here.</p>
              <ul class="highlights-list highlights-orphans">
                {missing.map(({ record }) => (
                  <HighlightItem key={record.id} record={record} {...item} />
                ))}
              </ul>
            </>
          )}
          {pageHighlights.length > 0 && <ExportPicker records={pageHighlights.map((h) => h.record)} scope="page" onExport={props.onExport} />}
        </>
      ) : (
        <AllHighlights {...props} item={item} />
      )}
    </section>
  );
}

/** Every highlight grouped by page, with search, filters, export and import. */
function AllHighlights({
  allHighlights,
  onExport,
  onImport,
  item,
}: HighlightsSectionProps & { item: { onUpdate: HighlightsSectionProps['onUpdate']; onDelete: (r: HighlightRecord) => void } }) {
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [colour, setColour] = useState<HighlightColour | ''>('');
  const tags = useMemo(() => allTags(allHighlights), [allHighlights]);
  const filtered = !!(text.trim() || tag || colour);
  const results = useMemo(
    () => searchHighlights(allHighlights, { text, tags: tag ? [tag] : [], colours: colour ? [colour] : [] }),
    [allHighlights, text, tag, colour],
  );
  const groups = useMemo(() => groupByPage(results), [results]);

  return (
    <>
      <div class="highlights-filters" role="search">
        <label for="highlights-search">Search highlights</label>
        <input id="highlights-search" type="search" value={text} placeholder="Words in quotes, notes, tags or titles" onInput={(e) => setText(e.currentTarget.value)} />
        <label for="highlights-tag">Tag</label>
        <select id="highlights-tag" value={tag} onChange={(e) => setTag(e.currentTarget.value)}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label for="highlights-colour">Colour</label>
        <select id="highlights-colour" value={colour} onChange={(e) => setColour(e.currentTarget.value as HighlightColour | '')}>
          <option value="">Any colour</option>
          {HIGHLIGHT_COLOURS.map((c) => (
            <option key={c} value={c}>
              {c[0].toUpperCase() + c.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <p class="muted" aria-live="polite">
        {filtered ? `${results.length} of ${allHighlights.length} highlights match.` : `${allHighlights.length} highlights on ${groups.length} pages.`}
      </p>
      {groups.map((group) => {
        const href = safeHref(group.page.canonicalUrl ?? group.page.url);
        return (
          <article key={group.pageKey} class="highlights-page">
            <h3>{href ? <a href={href} target="_blank" rel="noopener noreferrer">{group.page.title}</a> : group.page.title}</h3>
            {(group.page.site || group.page.authors.length > 0) && (
              <p class="muted">{[group.page.authors.join(', '), group.page.site].filter(Boolean).join(' · ')}</p>
            )}
            <ul class="highlights-list">
              {group.highlights.map((record) => (
                <HighlightItem key={record.id} record={record} {...item} />
              ))}
            </ul>
          </article>
        );
      })}
      <ExportPicker records={results} scope={filtered ? 'search' : 'all'} onExport={onExport} />
      <div class="highlights-import">
        <label for="highlights-import">Import highlights (a Backstory or Web Annotation JSON file)</label>
        <input
          id="highlights-import"
          type="file"
          accept=".json,.jsonld,application/json,application/ld+json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onImport(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
    </>
  );
}

/** A format picker and an Export button for the given records. */
function ExportPicker({ records, scope, onExport }: { records: HighlightRecord[]; scope: ExportScope; onExport: HighlightsSectionProps['onExport'] }) {
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const id = `highlights-export-${scope}`;
  const what = scope === 'page' ? 'this page’s highlights' : scope === 'search' ? 'the matching highlights' : 'all highlights';
  return (
    <div class="highlights-export">
      <label for={id}>Export {what} as</label>
      <select id={id} value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {EXPORT_FORMAT_LABELS[f]}
          </option>
        ))}
      </select>
      <button type="button" disabled={records.length === 0} onClick={() => onExport(format, records, scope)}>
        Export
      </button>
    </div>
  );
}
