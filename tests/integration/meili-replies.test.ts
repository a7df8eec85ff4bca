import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createDeps } from '@norishiro/api';
import { meiliClient, migrate, openPglite, type Db } from '@norishiro/indexer';

type Behaviour = (res: import('node:http').ServerResponse) => void;

const behaviours: Record<string, Behaviour> = {
  'an HTML 502 page from a proxy': (res) => {
    res.writeHead(502, { 'content-type': 'text/html' });
    res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
  },
  'garbage with a 200': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('\u0000\u0001not json at all');
  },
  'a truncated JSON body': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"hits":[{"id":"a"');
  },
  'no answer at all': () => {},
};

/** A dependency's reply may be anything; none may crash or hang the service. */
describe('the Meilisearch client facing a broken server', () => {
  let server: Server;
  let current: Behaviour = behaviours['no answer at all']!;
  beforeAll(async () => {
    server = createServer((_req, res) => current(res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it.each(Object.keys(behaviours))('%s is an error for the call, and the process lives on', async (name) => {
    current = behaviours[name]!;
    const client = meiliClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'key', { timeoutMs: 800 });
    await expect(client.index('resources').search('いばしょ')).rejects.toThrow();
  });
});

describe('health, with a Meilisearch that never answers', () => {
  const hung = createServer(() => {});
  let db: Db;
  // The database is ready before the clock starts: only the health request is timed.
  beforeAll(async () => {
    await new Promise<void>((r) => hung.listen(0, '127.0.0.1', r));
    db = await openPglite();
    await migrate(db);
  }, 120_000);
  afterAll(async () => {
    hung.closeAllConnections();
    hung.close();
    await db?.close();
  });

  // The client itself would wait 10 minutes here: only health's own budget ends the wait
  // before this test's time runs out.
  it('answers 503 within its budget', { timeout: 20_000 }, async () => {
    const app = createApp(
      createDeps({
        db,
        meili: meiliClient(`http://127.0.0.1:${(hung.address() as AddressInfo).port}`, 'k'),
        indexName: 'x',
      }),
    );
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'degraded', database: { ok: true } });
  });
});
