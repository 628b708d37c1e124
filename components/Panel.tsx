import type { ComponentChildren } from 'preact';
import type { PanelState } from '@/lib/panel/use-panel';
import { ArticleHeader } from './ArticleHeader';
import { StatusMessage } from './StatusMessage';

export interface PanelProps {
  state: PanelState;
  onRetry: () => void;
  onReadAnyway: () => void;
  onGrant: () => void;
  /** The analysis sections (actors, timeline, background, highlights) for a read article. */
  children?: ComponentChildren;
}

/** The side panel's body for each state: an article and its sections, or a message saying what to do. */
export function Panel({ state, onRetry, onReadAnyway, onGrant, children }: PanelProps) {
  switch (state.kind) {
    case 'starting':
    case 'reading':
      return <StatusMessage title="Reading the article…" busy />;
    case 'loading':
      return (
        <StatusMessage title="The page is still loading">
          <p>Backstory reads the article once the page has loaded.</p>
          <button type="button" onClick={onRetry}>Try again</button>
        </StatusMessage>
      );
    case 'restricted':
      return (
        <StatusMessage title="Backstory can’t read this page">
          <p>{state.message}</p>
        </StatusMessage>
      );
    case 'permission':
      return (
        <StatusMessage title="Backstory needs your go-ahead for this page">
          <p>
            Click the Backstory button in the toolbar (or press <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>B</kbd>) to let it read this
            page once, or allow it to read the pages you open. Either way the page’s text stays on your device.
          </p>
          <button type="button" onClick={onGrant}>Read this page</button>
        </StatusMessage>
      );
    case 'no-article':
      return (
        <StatusMessage title="No article found here">
          <p>{state.message} Backstory works best on a news story or feature, opened on its own page.</p>
          <button type="button" onClick={onReadAnyway}>Read it anyway</button>
        </StatusMessage>
      );
    case 'failed':
      return (
        <StatusMessage title="Something went wrong">
          <p>{state.message}</p>
          <button type="button" onClick={onRetry}>Try again</button>
        </StatusMessage>
      );
    case 'ready':
      return (
        <>
          {!state.readerable && <p class="note" role="note">This page did not look like an article; this is a best-effort reading.</p>}
          {state.article.truncated && (
            <p class="note" role="note">
              This page is very long: Backstory analysed its first 25,000 words or so. The reading time counts all of it.
            </p>
          )}
          <ArticleHeader info={state.report.article} />
          {children}
        </>
      );
  }
}
