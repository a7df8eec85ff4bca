import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NeedsProfileSchema } from '@norishiro/data';
import { createApp, createDeps, createLogger, matchProfile } from '@norishiro/api';
import {
  meiliClient,
  migrate,
  openPglite,
  upsertMunicipalities,
  inventoryBatch,
  type Db,
  type MeiliHttpError,
} from '@norishiro/indexer';
import { testMeili, uniqueIndex } from '../support/services.ts';

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

  it('a query Meilisearch refuses is logged without the part it quotes, which holds the profile (age, home)', async () => {
    const logged: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (logged.push(String(chunk)), done()) });
    const meili = testMeili();
    // An index set up without our settings: places and ages are neither sortable nor
    // filterable, so Meilisearch refuses, and quotes, the part of the query with the home or age.
    const indexName = uniqueIndex('unfilterable');
    await meili
      .index(indexName)
      .updateFilterableAttributes(['status', 'municipality', 'targets', 'categories'])
      .waitTask();
    const izu = inventoryBatch().municipalities.find((m) => m.code === '222224')!;
    const profiles = [
      { municipality: '222224', home: { lat: 34.912345, lng: 138.923456 } },
      { municipality: '222224', age: 87 },
    ];
    const secrets = /34\.91|138\.92|[<>]= 87/;
    try {
      for (const profile of profiles) {
        const e = (await matchProfile(meili, indexName, v.parse(NeedsProfileSchema, profile), izu).catch(
          (e: unknown) => e,
        )) as MeiliHttpError;
        expect(e.status).toBe(400);
        expect(`${e.message} ${JSON.stringify(e.cause)}`).not.toMatch(secrets);
      }
      const app = createApp(createDeps({ db, meili, indexName, log: createLogger(sink) }));
      for (const profile of profiles) {
        const res = await app.request('/api/match', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(profile),
        });
        expect(res.status).toBe(500);
        expect(JSON.stringify(await res.json())).not.toMatch(secrets);
      }
      // A line per kind of refusal (the sort for the home, the filter for the age), not per person.
      expect(logged.map((l) => /refused the matching query \((\w+)\)/.exec(l)?.[1]).sort()).toEqual([
        'invalid_search_filter',
        'invalid_search_sort',
      ]);
      for (const line of logged) expect(line.replace(/"time":\d+|"requestId":"[^"]+"/g, '')).not.toMatch(secrets);
    } finally {
      await meili.deleteIndexIfExists(indexName);
    }
  });
});
