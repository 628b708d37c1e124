import { ActorsSection } from '@/components/ActorsSection';
import { Panel } from '@/components/Panel';
import { TimelineSection } from '@/components/TimelineSection';
import { passageAt } from '@/lib/panel/passages';
import { usePanel } from '@/lib/panel/use-panel';

/** Wires the panel's state and the page to the views. */
export function App({ pinnedTabId }: { pinnedTabId: number | null }) {
  const { state, read, grantAndRead, showPassages } = usePanel(pinnedTabId);
  const text = state.kind === 'ready' ? state.article.text : '';
  return (
    <main aria-label="Backstory" data-state={state.kind}>
      <Panel state={state} onRetry={() => read()} onReadAnyway={() => read(true)} onGrant={grantAndRead}>
        {state.kind === 'ready' && (
          <>
            {state.report.support.note && (
              <p class="note" role="note">
                {state.report.support.note}
              </p>
            )}
            <ActorsSection
              actors={state.report.actors}
              onShowMentions={(actor, focus) => showPassages(`actor`, actor.offsets.map(([s, e]) => passageAt(text, s, e)), focus)}
            />
            <TimelineSection
              dates={state.report.dates}
              hasPublished={state.report.article.published !== null}
              onShowSentence={(entry) => {
                // The publication date may be stated nowhere in the text: then there is nothing to show.
                const at = entry.sentence ? text.indexOf(entry.sentence) : -1;
                if (at >= 0) void showPassages('date', [passageAt(text, at, at + entry.sentence.length)], 0);
              }}
            />
          </>
        )}
      </Panel>
    </main>
  );
}
