import { ActorsSection } from '@/components/ActorsSection';
import { HighlightsSection } from '@/components/HighlightsSection';
import { LinksSection } from '@/components/LinksSection';
import { Panel } from '@/components/Panel';
import { RestoreSetting } from '@/components/RestoreSetting';
import { TimelineSection } from '@/components/TimelineSection';
import { passageAt } from '@/lib/panel/passages';
import { splitSentences } from '@/lib/text/sentences';
import type { PendingRead } from '@/lib/panel/page';
import { usePanel } from '@/lib/panel/use-panel';
import { setAutomaticRestore } from '@/lib/panel/restore';
import { useHighlights } from '@/lib/panel/use-highlights';
import { useSetting } from '@/lib/panel/use-setting';
import { settings } from '@/lib/settings';
import { useWikipedia } from '@/lib/panel/use-wikipedia';
import { wikipediaSearchUrl } from '@/lib/background';
import type { Actor } from '@/lib/report';
import { markStage } from '@/lib/panel/timing';
import { useLayoutEffect } from 'preact/hooks';

/** Wires the panel's state and the page to the views. */
export function App({ pinnedTabId, firstRead }: { pinnedTabId: number | null; firstRead?: PendingRead }) {
  const { state, read, grantAndRead, showPassages } = usePanel(pinnedTabId, firstRead);
  const report = state.kind === 'ready' ? state.report : null;
  const wikipedia = useWikipedia(report);
  const restoreHighlights = useSetting(settings.restoreHighlights);
  // Highlights work on any page the panel could read, an article or not.
  const highlightsTab = state.kind === 'ready' || state.kind === 'no-article' ? state.tabId : null;
  // Every new state is a new reading of the tab (or a reload), after which highlights are anchored again.
  const highlights = useHighlights(highlightsTab, state);
  const text = state.kind === 'ready' ? state.article.text : '';
  const lang = report?.article.lang?.split('-')[0]?.toLowerCase() || 'en';
  // The report's sections are in the DOM: the end of what the reader waits for.
  useLayoutEffect(() => {
    if (report) markStage('shown');
  }, [report]);
  const withCards = (actors: Actor[]): Actor[] =>
    actors.map((actor) => {
      const found = wikipedia.results[actor.name];
      if (!found || (found.status !== 'found' && found.status !== 'possible') || !found.url || !found.title) return actor;
      return {
        ...actor,
        wikipedia: { title: found.title, url: found.url, description: found.description ?? null, thumbnail: found.thumbnail ?? null, possible: found.status === 'possible' },
      };
    });
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
              actors={withCards(state.report.actors)}
              lookups={Object.fromEntries([...wikipedia.pending].map((name) => [name, 'pending' as const]))}
              searchUrl={(actor) => wikipediaSearchUrl(actor.name, lang)}
              onShowMentions={(actor, focus) => showPassages(actor.offsets.map(([s, e]) => passageAt(text, s, e)), focus)}
            />
            <TimelineSection
              dates={state.report.dates}
              hasPublished={state.report.article.published !== null}
              onShowSentence={(entry) => {
                // The publication date may be stated nowhere in the text: then there is nothing to show.
                if (entry.end <= entry.start) return;
                const sentence = splitSentences(text).find((s) => s.start <= entry.start && entry.start < s.end);
                const [start, end] = sentence ? [sentence.start, sentence.end] : [entry.start, entry.end];
                void showPassages([passageAt(text, start, end)], 0);
              }}
            />
            <LinksSection
              links={state.report.links}
              events={state.report.events}
              lookupsEnabled={wikipedia.enabled}
              results={wikipedia.results}
              pending={wikipedia.pending}
              searchUrl={(name) => wikipediaSearchUrl(name, lang)}
              onEnableLookups={wikipedia.enable}
              onDisableLookups={wikipedia.disable}
            />
          </>
        )}
      </Panel>
      {highlightsTab !== null && (
        <>
          <HighlightsSection
            pageHighlights={highlights.page}
            allHighlights={highlights.all}
            status={highlights.status}
            onSaveSelection={highlights.saveSelection}
            onJump={highlights.jump}
            onUpdate={highlights.update}
            onDelete={highlights.remove}
            onRestore={highlights.restore}
            onExport={highlights.exportAs}
            onImport={highlights.importFile}
          />
          <RestoreSetting enabled={restoreHighlights} onChange={(on) => void setAutomaticRestore(on)} />
        </>
      )}
    </main>
  );
}
