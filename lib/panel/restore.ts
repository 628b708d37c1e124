import { browser } from 'wxt/browser';
import { pageKeyFor } from '../highlights';
import { isBackgroundMessage } from '../messages';
import { PAGE_HIGHLIGHT_CSS } from '../page/styles';
import { settings, SITE_ORIGINS } from '../settings';
import { highlightStore, toPaintRequest } from './highlights';

const SCRIPT_ID = 'backstory-restore-highlights';
/**
 * Automatic restore reads every page the reader opens, so it needs these,
 * asked for when they turn it on. (The end-to-end build restores on its test
 * server alone, which it may read already, since no test can click "Allow".)
 */
export const RESTORE_ORIGINS = __E2E__ ? ['http://127.0.0.1/*'] : SITE_ORIGINS;

const RESTORE_SCRIPT = { id: SCRIPT_ID, matches: RESTORE_ORIGINS, js: ['restore.js'], runAt: 'document_idle' as const, persistAcrossSessions: true };

/**
 * Background wiring for automatic restore: the restore script is registered
 * only while the reader has it turned on and has granted access to the
 * pages they visit; otherwise nothing of ours runs on pages they open.
 */
export function setUpAutomaticRestore(): void {
  void syncRestoreScript();
  settings.restoreHighlights.watch(() => void syncRestoreScript());
  browser.permissions.onAdded?.addListener(() => void syncRestoreScript());
  browser.permissions.onRemoved?.addListener(() => void syncRestoreScript());
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isBackgroundMessage(message) || sender.id !== browser.runtime.id || !sender.tab?.id || !sender.url) return undefined;
    return highlightsFor(sender.url, message.params.canonicalUrl, sender.tab.id);
  });
}

async function syncRestoreScript(): Promise<void> {
  const wanted = (await settings.restoreHighlights.getValue()) && (await browser.permissions.contains({ origins: RESTORE_ORIGINS }));
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (wanted && !registered) {
    await browser.scripting.registerContentScripts([RESTORE_SCRIPT]);
  } else if (wanted && registered.js?.join() !== RESTORE_SCRIPT.js.join()) {
    // Registered by an older version, whose script had another path.
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    await browser.scripting.registerContentScripts([RESTORE_SCRIPT]);
  } else if (!wanted && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  }
}

/**
 * A page's highlights for the restore script. The page's address comes from
 * the browser (sender.url); the canonical URL the page states counts only
 * on the same site (pageKeyFor), so no page can ask for another site's highlights.
 */
async function highlightsFor(url: string, canonicalUrl: string | null, tabId: number) {
  try {
    // pageKeyFor believes a canonical URL only on the page's own site.
    const records = await (await highlightStore()).listPage(pageKeyFor({ url, canonicalUrl }));
    if (records.length) await browser.scripting.insertCSS({ target: { tabId }, css: PAGE_HIGHLIGHT_CSS }).catch(() => undefined);
    return records.map(toPaintRequest);
  } catch {
    return [];
  }
}

/** Turns automatic restore on (asking for access to pages first: call from a click) or off. */
export async function setAutomaticRestore(on: boolean): Promise<boolean> {
  if (on) {
    const granted = await browser.permissions.request({ origins: RESTORE_ORIGINS }).catch(() => false);
    if (!granted) return false;
  }
  await settings.restoreHighlights.setValue(on);
  return true;
}
