import type { LookupResult } from '@/lib/background';
import type { BackgroundLink } from '@/lib/report';
import { safeHref } from './safe-href';

export interface LinksSectionProps {
  /** The page's own links to earlier coverage, ranked. */
  links: BackgroundLink[];
  /** The named events the article mentions. */
  events: string[];
  /** Wikipedia look-ups: null while the setting loads, false when off. */
  lookupsEnabled: boolean | null;
  results: Record<string, LookupResult>;
  pending: Set<string>;
  searchUrl: (name: string) => string;
  onEnableLookups: () => void;
  onDisableLookups: () => void;
}

const KIND_LABEL: Record<BackgroundLink['kind'], string> = {
  'in-article': 'Linked in the article',
  related: 'Related on this site',
  wikipedia: 'Wikipedia',
  search: 'Search',
};

/** Where to read the background: named events on Wikipedia and the page's own links to earlier coverage. */
export function LinksSection(props: LinksSectionProps) {
  const { links, events, lookupsEnabled, results, pending, searchUrl, onEnableLookups, onDisableLookups } = props;
  return (
    <section class="section" aria-labelledby="background-heading">
      <h2 id="background-heading">Background</h2>
      {events.length > 0 && (
        <>
          <h3>Events in the story</h3>
          <ul class="links">
            {events.map((event) => {
              const result = results[event];
              const found = result && (result.status === 'found' || result.status === 'possible') ? safeHref(result.url) : null;
              return (
                <li key={event} class="link">
                  {found ? (
                    <a href={found} target="_blank" rel="noopener noreferrer">
                      {result!.title}
                    </a>
                  ) : (
                    <a href={safeHref(searchUrl(event)) ?? undefined} target="_blank" rel="noopener noreferrer">
                      {event}
                    </a>
                  )}
                  <p class="reason">
                    {found
                      ? `${result!.status === 'possible' ? 'Possible match on Wikipedia' : 'Wikipedia'}${result!.description ? `: ${result!.description}` : ''}`
                      : pending.has(event)
                        ? 'Looking up…'
                        : 'Search Wikipedia'}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {links.length > 0 && (
        <>
          <h3>Earlier coverage</h3>
          <ul class="links">
            {links.map((link) => {
              const href = safeHref(link.url);
              return (
                <li key={link.url} class="link">
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {link.title}
                    </a>
                  ) : (
                    <span>{link.title}</span>
                  )}
                  <p class="reason">
                    {KIND_LABEL[link.kind]}
                    {link.reason ? ` · ${link.reason}` : ''}
                  </p>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {links.length === 0 && events.length === 0 && <p class="muted">The article links to no earlier coverage.</p>}
      <div class="lookups">
        {lookupsEnabled === false && (
          <>
            <p class="muted">
              Look up the actors and events on Wikipedia for a one-line description of each. Only their names are sent to Wikipedia, never the article.
            </p>
            <button type="button" onClick={onEnableLookups}>
              Turn on Wikipedia look-ups
            </button>
          </>
        )}
        {lookupsEnabled === true && (
          <p class="muted">
            Wikipedia look-ups are on (only names are sent).{' '}
            <button type="button" class="link-button" onClick={onDisableLookups}>
              Turn off
            </button>
          </p>
        )}
      </div>
    </section>
  );
}
