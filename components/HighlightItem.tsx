import { useState } from 'preact/hooks';
import { HIGHLIGHT_COLOURS, type HighlightColour, type HighlightPatch, type HighlightRecord } from '@/lib/highlights/types';

export interface HighlightItemProps {
  record: HighlightRecord;
  /** Given for highlights found on this page: the quote becomes a button that scrolls to it. */
  onJump?: (id: string) => void;
  onUpdate: (id: string, patch: HighlightPatch) => void;
  onDelete: (record: HighlightRecord) => void;
}

const COLOUR_NAMES: Record<HighlightColour, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };

/** One saved highlight: its quote (click to scroll to it), note and tags, with inline editing and delete. */
export function HighlightItem({ record, onJump, onUpdate, onDelete }: HighlightItemProps) {
  const [editing, setEditing] = useState(false);
  const quote = record.selectors.quote.exact;
  return (
    <li class={`highlight highlight-${record.colour}`} data-id={record.id}>
      {onJump ? (
        <button type="button" class="highlight-quote" onClick={() => onJump(record.id)} title="Show on the page">
          {quote}
        </button>
      ) : (
        <blockquote class="highlight-quote">{quote}</blockquote>
      )}
      {editing ? (
        <HighlightEditor
          record={record}
          onSave={(patch) => {
            onUpdate(record.id, patch);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {record.note && <p class="highlight-note">{record.note}</p>}
          {record.tags.length > 0 && (
            <ul class="highlight-tags" aria-label="Tags">
              {record.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
          <div class="highlight-actions">
            <button type="button" onClick={() => setEditing(true)} aria-label={`Edit note, tags and colour of “${short(quote)}”`}>
              Edit
            </button>
            <button type="button" onClick={() => onDelete(record)} aria-label={`Delete highlight “${short(quote)}”`}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** The inline form for note, tags (comma-separated) and colour. Escape cancels. */
function HighlightEditor({ record, onSave, onCancel }: { record: HighlightRecord; onSave: (patch: HighlightPatch) => void; onCancel: () => void }) {
  const [note, setNote] = useState(record.note);
  const [tags, setTags] = useState(record.tags.join(', '));
  const [colour, setColour] = useState<HighlightColour>(record.colour);
  const id = `edit-${record.id}`;
  return (
    <form
      class="highlight-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ note: note.trim(), tags: tags.split(','), colour });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <label for={`${id}-note`}>Note</label>
      <textarea id={`${id}-note`} value={note} rows={3} onInput={(e) => setNote(e.currentTarget.value)} />
      <label for={`${id}-tags`}>Tags (separated by commas)</label>
      <input id={`${id}-tags`} type="text" value={tags} onInput={(e) => setTags(e.currentTarget.value)} />
      <fieldset class="highlight-colours">
        <legend>Colour</legend>
        {HIGHLIGHT_COLOURS.map((c) => (
          <label key={c} class={`swatch swatch-${c}`}>
            <input type="radio" name={`${id}-colour`} value={c} checked={colour === c} onChange={() => setColour(c)} />
            {COLOUR_NAMES[c]}
          </label>
        ))}
      </fieldset>
      <div class="highlight-actions">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
