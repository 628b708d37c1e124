import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { createWikipediaClient, type LookupResult } from '../background';
import { createStorageCache } from '../background/wikipedia-cache-storage';
import type { Report } from '../report';
import { settings, WIKIPEDIA_ORIGINS } from '../settings';
import { useSetting } from './use-setting';

/** How many of the most salient actors are looked up; the rest keep plain search links. */
const MAX_ACTORS = 25;
const cache = createStorageCache();

export interface WikipediaState {
  /** null until the setting has been read. */
  enabled: boolean | null;
  results: Record<string, LookupResult>;
  pending: Set<string>;
  enable(): Promise<void>;
  disable(): Promise<void>;
}

/**
 * Wikipedia look-ups for a report's actors and events, when the reader has
 * turned them on: only the names are sent, results arrive one by one, and
 * the cache in storage answers names already known without a request.
 */
export function useWikipedia(report: Report | null): WikipediaState {
  const enabled = useSetting(settings.wikipediaLookups);
  const [results, setResults] = useState<Record<string, LookupResult>>({});
  const [pending, setPending] = useState<Set<string>>(new Set());

  useEffect(() => {
    setResults({});
    if (!enabled || !report || !report.support.actors) {
      setPending(new Set());
      return;
    }
    const actors = [...report.actors].sort((a, b) => b.salience - a.salience).slice(0, MAX_ACTORS);
    const names = [...actors.map((a) => a.name), ...report.events];
    const types = Object.fromEntries(actors.map((a) => [a.name, a.type]));
    // The story's other names and events help pick the right sense of an ambiguous name.
    const contextWords = [...actors.slice(0, 10).map((a) => a.name), ...report.events];
    const lang = report.article.lang?.split('-')[0]?.toLowerCase() || 'en';
    setPending(new Set(names));
    let cancelled = false;
    void (async () => {
      const override = __E2E__ ? await settings.wikipediaApiForTests.getValue() : null;
      const client = createWikipediaClient({ cache, ...(override ? { baseUrl: () => override } : {}) });
      for await (const result of client.lookup(names, { lang, types, contextWords })) {
        if (cancelled) return;
        setResults((previous) => ({ ...previous, [result.name]: result }));
        setPending((previous) => {
          const next = new Set(previous);
          next.delete(result.name);
          return next;
        });
      }
      if (!cancelled) setPending(new Set());
    })();
    return () => {
      cancelled = true;
    };
  }, [enabled, report]);

  const enable = useCallback(async () => {
    // The permission prompt needs this click; a refusal leaves look-ups off.
    const granted = await browser.permissions.request({ origins: WIKIPEDIA_ORIGINS }).catch(() => false);
    if (granted) await settings.wikipediaLookups.setValue(true);
  }, []);
  const disable = useCallback(() => settings.wikipediaLookups.setValue(false), []);

  return { enabled, results, pending, enable, disable };
}
