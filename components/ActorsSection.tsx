import { useState } from 'preact/hooks';
import type { Actor, ActorType } from '@/lib/report';
import { safeHref } from './safe-href';

const GROUPS: Array<{ type: ActorType; label: string }> = [
  { type: 'person', label: 'People' },
  { type: 'organization', label: 'Organisations' },
  { type: 'place', label: 'Places' },
  { type: 'other', label: 'Other' },
];

export interface ActorsSectionProps {
  actors: Actor[];
  /** Paint the actor's mentions in the page and scroll to mention number `focus`. */
  onShowMentions: (actor: Actor, focus: number) => void;
  /** Wikipedia look-up state per actor name, when look-ups are on. */
  lookups?: Record<string, 'pending' | 'none' | undefined>;
  /** Link to search Wikipedia for an actor without a card. */
  searchUrl?: (actor: Actor) => string;
}

/** Who is in the story: people, organisations, places and other named things, most salient first. */
export function ActorsSection({ actors, onShowMentions, lookups, searchUrl }: ActorsSectionProps) {
  const [selected, setSelected] = useState<{ name: string; focus: number } | null>(null);
  if (actors.length === 0) return null;

  const select = (actor: Actor, focus: number) => {
    const wrapped = (focus + actor.mentions) % actor.mentions;
    setSelected({ name: actor.name, focus: wrapped });
    onShowMentions(actor, wrapped);
  };

  return (
    <section class="section" aria-labelledby="actors-heading">
      <h2 id="actors-heading">Who’s in the story</h2>
      {GROUPS.map(({ type, label }) => {
        const group = actors.filter((a) => a.type === type);
        if (group.length === 0) return null;
        return (
          <div class="actor-group" key={type}>
            <h3>{label}</h3>
            <ul class="actors">
              {group.map((actor) => {
                const isSelected = selected?.name === actor.name;
                const wiki = actor.wikipedia;
                const wikiHref = wiki ? safeHref(wiki.url) : null;
                const thumb = wiki?.thumbnail ? safeHref(wiki.thumbnail) : null;
                return (
                  <li key={actor.name} class={isSelected ? 'actor selected' : 'actor'}>
                    <button
                      type="button"
                      class="actor-name"
                      aria-pressed={isSelected}
                      aria-label={`${actor.name}, ${actor.mentions} mention${actor.mentions === 1 ? '' : 's'}: show in page`}
                      onClick={() => select(actor, 0)}
                    >
                      {thumb && <img class="thumb" src={thumb} alt="" width={32} height={32} loading="lazy" referrerpolicy="no-referrer" />}
                      <span class="name">{actor.name}</span>
                      <span class="count" aria-hidden="true">{actor.mentions}</span>
                    </button>
                    {actor.role && <p class="role">{actor.role}</p>}
                    {wiki?.description && (
                      <p class="description">
                        {wiki.possible && <span class="possible">Possible match: </span>}
                        {wiki.description}
                      </p>
                    )}
                    {lookups?.[actor.name] === 'pending' && <p class="muted">Looking up…</p>}
                    {(wikiHref || isSelected) && (
                      <p class="actor-links">
                        {wikiHref ? (
                          <a href={wikiHref} target="_blank" rel="noopener noreferrer">
                            Wikipedia: {wiki!.title}
                          </a>
                        ) : (
                          searchUrl && (
                            <a href={safeHref(searchUrl(actor)) ?? undefined} target="_blank" rel="noopener noreferrer">
                              Search Wikipedia
                            </a>
                          )
                        )}
                        {actor.aliases.length > 0 && <span class="muted"> · also “{actor.aliases.join('”, “')}”</span>}
                      </p>
                    )}
                    {isSelected && actor.mentions > 1 && (
                      <div class="stepper" role="group" aria-label={`Mentions of ${actor.name}`}>
                        <button type="button" onClick={() => select(actor, selected!.focus - 1)} aria-label="Previous mention">
                          ‹
                        </button>
                        <span aria-live="polite">
                          {selected!.focus + 1} of {actor.mentions}
                        </span>
                        <button type="button" onClick={() => select(actor, selected!.focus + 1)} aria-label="Next mention">
                          ›
                        </button>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
