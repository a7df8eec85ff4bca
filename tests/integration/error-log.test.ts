import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createDeps, createLogger } from '@norishiro/api';
import { meiliClient, migrate, openPglite, upsertMunicipalities, inventoryBatch, type Db } from '@norishiro/indexer';

const MARKER = 'ZZMARKER-本人の名前-090-0000-0000';

/** What the service writes when things fail: one sampled line each, never what was sent. */
describe('the error log', () => {
  let db: Db;
  const lines: string[] = [];
  beforeAll(async () => {
    db = await openPglite();
    await migrate(db);
    await upsertMunicipalities(db, inventoryBatch().municipalities);
  });
  afterAll(() => db.close());

  it('logs repeated failures once per hundred, with a request id, and no participant data', async () => {
    const sink = new Writable({
      write: (chunk, _enc, done) => (lines.push(...String(chunk).trim().split('\n')), done()),
    });
    const app = createApp(
      createDeps({
        db,
        meili: meiliClient('http://127.0.0.1:9', 'k', { timeoutMs: 500 }),
        indexName: 'x',
        log: createLogger(sink),
      }),
    );
    const ids = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const res = await app.request('/api/match', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ municipality: '162051', interests: [MARKER], situations: ['hikikomori'] }),
      });
      // Meilisearch is unreachable: search is unavailable, not broken.
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBeTruthy();
      expect(JSON.stringify(await res.json())).not.toContain(MARKER);
      ids.add(res.headers.get('x-request-id')!);
    }
    expect(ids.size).toBe(150);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(2);
    for (const line of lines) {
      expect(line).not.toContain(MARKER);
      expect(JSON.parse(line)).toMatchObject({ level: 40, requestId: expect.any(String), path: '/api/match' });
    }
  });
});
