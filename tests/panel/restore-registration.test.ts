import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setUpAutomaticRestore } from '../../lib/panel/restore';
import { settings } from '../../lib/settings';

type Registered = { id: string; js?: string[] };

/** The browser's registered content scripts, kept in memory (the fake browser does not implement them). */
function registeredScripts(initial: Registered[]): () => Registered[] {
  let scripts = [...initial];
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  for (const event of [fakeBrowser.permissions.onAdded, fakeBrowser.permissions.onRemoved]) vi.spyOn(event, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async (filter) => scripts.filter((s) => !filter?.ids || filter.ids.includes(s.id)) as never);
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (added) => {
    if (added.some((s) => scripts.some((r) => r.id === s.id))) throw new Error('Duplicate script ID');
    scripts.push(...added);
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    scripts = scripts.filter((s) => !filter?.ids?.includes(s.id));
  });
  return () => scripts;
}

describe('the automatic restore registration', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('registers the restore script when the reader turns restore on', async () => {
    const scripts = registeredScripts([]);
    setUpAutomaticRestore();
    await settings.restoreHighlights.setValue(true);
    await vi.waitFor(() => expect(scripts()).toEqual([expect.objectContaining({ id: 'backstory-restore-highlights', js: ['restore.js'] })]));
  });

  it('moves an older version’s registration, whose script had another path, onto the current script', async () => {
    await settings.restoreHighlights.setValue(true);
    const scripts = registeredScripts([{ id: 'backstory-restore-highlights', js: ['content-scripts/restore.js'] }]);
    setUpAutomaticRestore();
    await vi.waitFor(() => expect(scripts()).toEqual([expect.objectContaining({ id: 'backstory-restore-highlights', js: ['restore.js'] })]));
  });

  it('unregisters it when the reader turns restore off', async () => {
    const scripts = registeredScripts([{ id: 'backstory-restore-highlights', js: ['restore.js'] }]);
    setUpAutomaticRestore();
    await settings.restoreHighlights.setValue(false);
    await vi.waitFor(() => expect(scripts()).toEqual([]));
  });
});
