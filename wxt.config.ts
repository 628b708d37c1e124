import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The end-to-end build (also used by `npm start`) grants the test server's
// origin up front, because most tests open the panel's page in a tab rather
// than by the toolbar button, whose press grants activeTab to a real user (only
// Chromium's DevTools protocol can press it); in Firefox it also opens the panel page in a tab,
// because WebDriver BiDi may not navigate to moz-extension:// pages.
const e2e = process.env.BACKSTORY_E2E === '1';

export default defineConfig({
  outDir: e2e ? '.output/e2e' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()], define: { __E2E__: JSON.stringify(e2e) } }),
  manifest: ({ browser }) => ({
    name: 'Backstory',
    description:
      'Who is in the story, when things happened, and where to read the background, worked out on your device.',
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: e2e ? ['http://127.0.0.1/*'] : [],
    // Asked for only when the reader chooses to let Backstory read pages without a toolbar click.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*', 'https://*.wikipedia.org/*'] }
      : { optional_host_permissions: ['http://*/*', 'https://*/*', 'https://*.wikipedia.org/*'] }),
    action: { default_title: 'Open Backstory' },
    commands: {
      'save-highlight': { suggested_key: { default: 'Alt+Shift+H' }, description: 'Save the selected passage as a highlight' },
      // The shortcut is a press of the toolbar button, in Firefox too: it grants activeTab, and lib/panel/toolbar.ts decides.
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Open Backstory',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected: Wikipedia look-ups send names only, on request.
            gecko: { id: 'backstory@backstory.example', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
