// @vitest-environment node
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';

// The permissions the README documents. Adding one must be a conscious change:
// update this list, the README and the store listing together.
const DOCUMENTED = {
  chrome: ['activeTab', 'scripting', 'storage', 'contextMenus', 'sidePanel'],
  firefox: ['activeTab', 'scripting', 'storage', 'contextMenus'],
};
// Hosts asked for only when the reader opts in (reading pages without a toolbar click, Wikipedia look-ups).
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*', 'https://*.wikipedia.org/*'];

type Manifest = Record<string, unknown> & { permissions?: string[] };

async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') return (manifest ?? {}) as Manifest;
  const env = { browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' } as const;
  return (await manifest(env as Parameters<typeof manifest>[0])) as Manifest;
}

describe.each(['chrome', 'firefox'] as const)('the %s manifest', (browser) => {
  it('asks for exactly the documented permissions', async () => {
    const manifest = await manifestFor(browser);
    expect([...(manifest.permissions ?? [])].sort()).toEqual([...DOCUMENTED[browser]].sort());
  });

  it('asks for no host up front; every host is optional', async () => {
    const manifest = await manifestFor(browser);
    expect(manifest.host_permissions ?? []).toEqual([]);
    const optional = (browser === 'firefox' ? manifest.optional_permissions : manifest.optional_host_permissions) as string[] | undefined;
    expect([...(optional ?? [])].sort()).toEqual([...OPTIONAL_HOSTS].sort());
  });

  it('keeps the default content security policy and lets no web page or other extension talk to it', async () => {
    const manifest = await manifestFor(browser);
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.content_scripts).toBeUndefined();
  });
});
