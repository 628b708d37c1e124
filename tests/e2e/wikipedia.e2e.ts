import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openExtensionPage, serveFiles, type ExtensionBrowser } from '../../scripts/browser';
import { repoRoot } from '../../scripts/node-dom';
import { chromeBuild, openPanelFor, tabIdOf } from './support';

// A stand-in MediaWiki API: it knows a few pages and answers every other title as missing.
const PAGES: Record<string, { description: string; extract: string }> = {
  'Zalmay Khalilzad': { description: 'American diplomat (born 1951)', extract: 'Zalmay Khalilzad is an American diplomat.' },
  Pakistan: { description: 'Country in South Asia', extract: 'Pakistan is a country in South Asia.' },
  Kabul: { description: 'Capital and largest city of Afghanistan', extract: 'Kabul is the capital of Afghanistan.' },
};

let browser: ExtensionBrowser;
let site: Awaited<ReturnType<typeof serveFiles>>;
let wiki: Server;
let wikiBase: string;
const requests: URLSearchParams[] = [];
let helper: Page;

function answer(params: URLSearchParams): unknown {
  const titles = params.get('titles')?.split('|') ?? [];
  return {
    batchcomplete: true,
    query: {
      pages: titles.map((title, i) =>
        PAGES[title]
          ? { pageid: i + 1, ns: 0, title, description: PAGES[title].description, extract: PAGES[title].extract, fullurl: `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`, pageprops: { wikibase_item: `Q${i + 1}` } }
          : { ns: 0, title, missing: true },
      ),
    },
  };
}

async function setLookups(on: boolean) {
  await helper.evaluate(
    async ({ on, base }) => {
      await chrome.storage.local.set({ 'settings:wikipedia-lookups': on, 'settings:wikipedia-api-for-tests': base });
    },
    { on, base: `${wikiBase}/w/api.php` },
  );
}

beforeAll(async () => {
  wiki = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    requests.push(params);
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': 'Api-User-Agent' });
    res.end(JSON.stringify(params.get('list') === 'search' || params.get('generator') === 'search' ? { batchcomplete: true, query: { pages: [] } } : answer(params)));
  });
  await new Promise<void>((done) => wiki.listen(0, '127.0.0.1', done));
  wikiBase = `http://127.0.0.1:${(wiki.address() as AddressInfo).port}`;
  site = await serveFiles({ '/article.html': resolve(repoRoot, 'demo/article.html') });
  browser = await launchWithExtension(chromeBuild);
  helper = await openExtensionPage(browser);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((done) => wiki?.close(done));
});

describe('Wikipedia look-ups in the panel', () => {
  it('makes no request while look-ups are off, and still shows actors, links and search links', async () => {
    await setLookups(false);
    requests.length = 0;
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    expect(await panel.getAttribute('main', 'data-state')).toBe('ready');
    expect(await panel.locator('.actor').count()).toBeGreaterThan(5);
    expect(await panel.locator('.link a').count()).toBeGreaterThan(0);
    await panel.locator('.actor-name').first().click();
    expect(await panel.getByRole('link', { name: 'Search Wikipedia' }).count()).toBeGreaterThan(0);
    expect(await panel.getByRole('button', { name: 'Turn on Wikipedia look-ups' }).isVisible()).toBe(true);
    await panel.waitForTimeout(1500);
    expect(requests).toHaveLength(0);
    await panel.close();
    await article.close();
  });

  it('shows cards as answers arrive when look-ups are on, sending only names', async () => {
    await setLookups(true);
    requests.length = 0;
    const article = await browser.context.newPage();
    await article.goto(`${site.origin}/article.html`);
    const panel = await openPanelFor(browser.context, browser.extensionId, await tabIdOf(helper, article));
    await expect.poll(() => panel.locator('.actor .description').allTextContents(), { timeout: 15_000 }).toContain('Country in South Asia');
    const asked = requests.flatMap((p) => [...(p.get('titles')?.split('|') ?? []), p.get('gsrsearch') ?? ''].filter(Boolean));
    expect(asked).toContain('Pakistan');
    // Names only: nothing longer than a name, and none of the article's sentences.
    for (const name of asked) expect(name.length).toBeLessThan(80);
    expect(asked.join(' ')).not.toContain('urged Pakistan');
    await panel.close();
    await article.close();
  });
});
