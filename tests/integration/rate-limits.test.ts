import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, createDeps, createHttpServer, withinLimit, type RateLimits } from '@norishiro/api';
import { appWithInventories, postJson, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/services.ts';

const tight: RateLimits = {
  page: { name: 'page', windowSeconds: 60, max: 2 },
  read: { name: 'read', windowSeconds: 60, max: 3 },
  match: { name: 'match', windowSeconds: 60, max: 2 },
  write: { name: 'write', windowSeconds: 60, max: 2 },
};

/**
 * Limits count in fixed windows of the wall clock: a test that ran across a window's end
 * would see its count start again. Each test starts with at least 15 s of its window left.
 */
async function clearOfWindowEdge(windowSeconds = 60, margin = 15) {
  const left = windowSeconds - ((Date.now() / 1000) % windowSeconds);
  if (left < margin) await new Promise((r) => setTimeout(r, left * 1000 + 50));
}

describe.each(databaseKinds())('per-client rate limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories(kind);
  });
  afterAll(() => t.close());
  beforeEach(() => clearOfWindowEdge(), 30_000);

  it('matching past its limit answers 429 in the usual error shape, per client address', async () => {
    const app = createApp(
      createDeps({ db: t.db, meili: t.deps.meili, indexName: t.deps.indexName, rateLimits: tight }),
    );
    const profile = { municipality: '162051', situations: ['hikikomori'], stage: 1 };
    const from = (ip: string) => postJson(app, '/api/match', profile, { 'x-norishiro-client-ip': ip });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await from('192.0.2.10')).status);
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await from('192.0.2.10');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await limited.json()).error).toMatchObject({ code: 'rate_limited' });
    expect((await from('192.0.2.11')).status).toBe(200);
  });

  it('reads have their own, larger allowance', async () => {
    const app = createApp(
      createDeps({ db: t.db, meili: t.deps.meili, indexName: t.deps.indexName, rateLimits: tight }),
    );
    const get = () => app.request('/api/taxonomy', { headers: { 'x-norishiro-client-ip': '192.0.2.20' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('pages are limited at the edge, and static files are not counted', async () => {
    const server = createHttpServer(createApp(t.deps), (_req, res) => res.end('page'), {
      pageLimit: (client) => withinLimit(t.db, { name: `page-${kind}`, windowSeconds: 60, max: 2 }, client),
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const pages = [];
      for (let i = 0; i < 3; i++) pages.push((await fetch(`${base}/`)).status);
      expect(pages).toEqual([200, 200, 429]);
      expect((await fetch(`${base}/_app/immutable/x.js`)).status).toBe(200);
    } finally {
      server.close();
    }
  });
});
