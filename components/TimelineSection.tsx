import type { DateEntry } from '@/lib/report';
import { formatTimeValue } from './format';

export interface TimelineSectionProps {
  dates: DateEntry[];
  /** Whether the page states its publication date (relative dates are uncertain otherwise). */
  hasPublished: boolean;
  onShowSentence: (entry: DateEntry) => void;
}

/** When things happened: the article's dates in calendar order, each with the sentence that says what. */
export function TimelineSection({ dates, hasPublished, onShowSentence }: TimelineSectionProps) {
  if (dates.length === 0) return null;
  return (
    <section class="section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      {!hasPublished && (
        <p class="note">This page does not say when it was published, so dates like “on Sunday” are counted from today and marked uncertain.</p>
      )}
      <ol class="timeline">
        {dates.map((entry) => (
          <li key={`${entry.value}:${entry.start}`} class={[entry.key && 'key', entry.publication && 'publication'].filter(Boolean).join(' ')}>
            <button type="button" class="date-entry" onClick={() => onShowSentence(entry)} aria-label={`${formatTimeValue(entry.value)}: show in page`}>
              <span class="when">
                <time dateTime={entry.value}>{formatTimeValue(entry.value)}</time>
                {entry.publication && <span class="badge">Published</span>}
                {entry.key && !entry.publication && <span class="badge">Key date</span>}
                {entry.uncertain && <span class="badge uncertain">Uncertain</span>}
                {entry.count > 1 && <span class="times">×{entry.count}</span>}
              </span>
              {/* A publication date the text never states has nothing "as written" to show. */}
              {!(entry.publication && entry.text === entry.value) && (
                <span class="as-written">
                  “{entry.text}”{entry.relative && <span class="muted"> · {entry.relative}</span>}
                </span>
              )}
              {!entry.publication && <span class="sentence">{trimSentence(entry.sentence)}</span>}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Long sentences are cut to about 220 characters at a word boundary. */
function trimSentence(sentence: string): string {
  if (sentence.length <= 220) return sentence;
  return `${sentence.slice(0, 220).replace(/\s+\S*$/, '')}…`;
}
