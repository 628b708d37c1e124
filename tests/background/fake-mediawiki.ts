/**
 * A fake MediaWiki API on 127.0.0.1 for the Wikipedia client tests: answers
 * `/{lang}/w/api.php` requests with the response files in
 * tests/fixtures/wikipedia/ (see routes.json there) and records every request.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const fixtures = new URL('../fixtures/wikipedia/', import.meta.url);

interface Route {
  lang: string;
  titles?: string[];
  search?: string;
  file: string;
  status?: number;
  delayMs?: number;
}

export interface RecordedRequest {
  lang: string;
  params: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeMediaWiki {
  baseUrl: (lang: string) => string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const routes: Route[] = JSON.parse(readFileSync(new URL('routes.json', fixtures), 'utf8')).routes;

function routeFor(lang: string, params: URLSearchParams): Route | undefined {
  const titles = params.get('titles')?.split('|').sort().join('|');
  const search = params.get('gsrsearch');
  return routes.find(
    (r) =>
      r.lang === lang &&
      ((titles !== undefined && r.titles && [...r.titles].sort().join('|') === titles) ||
        (search !== null && r.search === search)),
  );
}

/** Starts the fake server on a free port. */
export async function startFakeMediaWiki(): Promise<FakeMediaWiki> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const lang = /^\/([a-z-]+)\/w\/api\.php$/.exec(url.pathname)?.[1] ?? '';
    requests.push({ lang, params: url.searchParams, headers: req.headers });
    const route = routeFor(lang, url.searchParams);
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(route ? (route.status ?? 200) : 404, { 'content-type': 'application/json; charset=utf-8' });
      res.end(route ? readFileSync(new URL(route.file, fixtures)) : JSON.stringify({ error: { code: 'no-route', info: url.search } }));
    };
    if (route?.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: (lang) => `http://127.0.0.1:${port}/${lang}/w/api.php`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
