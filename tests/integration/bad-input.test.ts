import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedMeili } from '@norishiro/indexer';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, ORIGIN, signedInUser } from '../support/auth.ts';

describe('input that once reached the database or Meilisearch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t.close());

  it.each([
    ['/api/resources?near=91,200&radiusKm=5', 400],
    ['/api/resources?near=91,181', 400],
    ['/api/resources?near=36.8,136.9&radiusKm=1e308', 400],
    ['/api/resources/%00', 404],
    ['/api/resources/..%2F..%2Fetc', 404],
    ['/api/referrals/%00/visit.ics', 404],
    ['POST /api/accounts/%00/disable', 404],
    ['/api/hsds/services/%1f', 404],
  ])('%s answers %i in the error shape', async (request, status) => {
    const [method, path] = request.startsWith('POST ') ? ['POST', request.slice(5)] : ['GET', request];
    const res = await t.app.request(path!, {
      method,
      ...(method === 'POST' && { headers: { 'content-type': 'application/json', origin: ORIGIN }, body: '{}' }),
    });
    expect(res.status).toBe(status);
    expect((await res.json()).error.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  });
});

describe('JSON routes and their messages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t.close());

  it('`null` for a new resource is a 400 with a Japanese reason, not a crash', async () => {
    const staff = await signedInUser(t, 'staff', ['162051']);
    const res = await t.app.request('/api/resources/new', as(staff, { method: 'POST', body: 'null' }));
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain('オブジェクト');
  });

  it('a text/plain or typeless body, as a cross-site form would send, is refused with 415', async () => {
    const body = JSON.stringify({ municipality: '162051' });
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }]) {
      const res = await t.app.request('/api/match', { method: 'POST', headers, body });
      expect(res.status).toBe(415);
      expect((await res.json()).error.code).toBe('unsupported_media_type');
    }
  });

  it('no error body carries valibot’s English default text', async () => {
    const bodies = [
      {},
      { municipality: 162051 },
      { municipality: '162051', stage: 'one' },
      { municipality: '162051', availability: 'mon' },
    ];
    for (const b of bodies) {
      const res = await t.app.request('/api/match', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(b),
      });
      expect(res.status).toBe(400);
      const text = JSON.stringify(await res.json());
      expect(text).not.toMatch(/Invalid (key|type)|Expected|Received/);
    }
  });
});

describe('the embedded Meilisearch', () => {
  let dir: string;
  let meili: Awaited<ReturnType<typeof startEmbeddedMeili>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'meili-key-'));
    meili = await startEmbeddedMeili(dir);
  });
  afterAll(async () => {
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gets its master key from the environment, never on a command line another user can read', () => {
    const cmdline = readFileSync(`/proc/${meili.pid}/cmdline`, 'utf8');
    expect(cmdline).not.toContain(meili.masterKey);
    expect(cmdline).not.toContain('master-key');
  });
});
