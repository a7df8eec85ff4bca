import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ApiErrorSchema, MatchResponseSchema, ResourceListSchema } from '@norishiro/data';
import { createApp, createDeps } from '@norishiro/api';
import { meiliClient } from '@norishiro/indexer';
import { appWithInventories, postJson, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/services.ts';

const TOKEN = 'test-admin-token';

/** An error body in the one shape, Japanese message, and no stack trace. */
async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(v.is(ApiErrorSchema, body)).toBe(true);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  return body;
}

describe.each(databaseKinds())('API routes on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories(kind, { adminToken: TOKEN });
  });
  afterAll(() => t.close());

  describe('GET /api/health', () => {
    it('200 when Meilisearch and the database answer', async () => {
      const res = await t.app.request('/api/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok', meilisearch: { ok: true }, database: { ok: true, kind } });
    });
    it('503 when Meilisearch is down', async () => {
      const down = createApp(createDeps({ db: t.db, meili: meiliClient('http://127.0.0.1:9', 'x'), indexName: 'x' }));
      const res = await down.request('/api/health');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'degraded', meilisearch: { ok: false } });
    });
  });

  it('GET /api/taxonomy 200 with Japanese and English labels', async () => {
    const res = await t.app.request('/api/taxonomy');
    expect(res.status).toBe(200);
    expect((await res.json()).categories.ibasho).toEqual({ ja: '居場所', en: 'Drop-in place' });
  });

  it('GET /api/municipalities 200 with the five cities and their districts', async () => {
    const body = await (await t.app.request('/api/municipalities')).json();
    expect(body.map((m: { name: string }) => m.name).sort()).toEqual(
      ['伊豆市', '柏崎市', '氷見市', '恵那市', '熱海市'].sort(),
    );
    expect(
      body.find((m: { code: string }) => m.code === '222224').districts.map((d: { name: string }) => d.name),
    ).toContain('修善寺地区');
  });

  describe('GET /api/resources', () => {
    it('200: filters, facets and distance order near a point', async () => {
      const res = await t.app.request(
        '/api/resources?municipality=212105&near=35.36018,137.43926&radiusKm=15&perPage=5',
      );
      expect(res.status).toBe(200);
      const body = v.parse(ResourceListSchema, await res.json());
      expect(body.hits.length).toBeGreaterThan(0);
      const d = body.hits.map((h) => h.distanceKm!);
      expect([...d].sort((a, b) => a - b)).toEqual(d);
      expect(body.facets.categories).toBeDefined();
      expect(body.hits.every((h) => h.municipality === '212105')).toBe(true);
    });
    it('200: a hiragana keyword finds kanji names', async () => {
      const body = await (await t.app.request(`/api/resources?q=${encodeURIComponent('いばしょ')}`)).json();
      expect(body.hits.some((h: { name: string }) => h.name.includes('居場所'))).toBe(true);
    });
    it('200: half-width katakana is folded like the index (NFKC)', async () => {
      const body = await (await t.app.request(`/api/resources?q=${encodeURIComponent('ﾄﾓﾆｺ')}`)).json();
      expect(body.hits.some((h: { name: string }) => h.name.includes('トモニコ'))).toBe(true);
    });
    it('200: day and open-at-a-time filters keep only places open then', async () => {
      const body = await (
        await t.app.request('/api/resources?municipality=212105&day=tue&openAt=11:00&confirmed=true')
      ).json();
      expect(body.total).toBeGreaterThan(0);
      expect(body.hits.every((h: { openHours: string[] }) => h.openHours.includes('tue-11'))).toBe(true);
    });
    it('200: coordination bodies only when asked for', async () => {
      const plain = await (await t.app.request('/api/resources?perPage=100')).json();
      expect(plain.hits.some((h: { categories: string[] }) => h.categories.includes('coordination'))).toBe(false);
      const asked = await (await t.app.request('/api/resources?category=coordination')).json();
      expect(asked.total).toBeGreaterThan(0);
    });
    it('400 with field paths for bad parameters', async () => {
      const res = await t.app.request('/api/resources?category=cafe&perPage=500&near=abc');
      const body = await expectError(res, 400, 'invalid_request');
      const paths = body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['perPage', 'near']));
      expect(paths.some((p: string) => p.startsWith('category'))).toBe(true);
    });
  });

  describe('GET /api/resources/:id', () => {
    it('200 with the full public record and its source', async () => {
      const res = await t.app.request('/api/resources/222224-step-salon');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.resource.source.file).toBe('001_2719d1a6160a5cb4.txt');
      expect(body.municipality.name).toBe('伊豆市');
    });
    it('200 with when the plan was written, apart from when the entry was checked', async () => {
      const body = await (await t.app.request('/api/resources/162051-fukushi-soudan-support-center')).json();
      expect(body.plan).toMatchObject({ period: '令和3年度' });
      expect(body.plan.title).toContain('氷見市');
      expect(body.mergedFrom).toBeUndefined();
    });
    it('200 for an id merged into another: the survivor, and the id it answered for', async () => {
      const res = await t.app.request('/api/resources/222054-nakaizu-riha-shogaisha-seikatsu-shien-center');
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.resource.id).toBe('222224-nakaizu-riha-shogaisha-seikatsu-shien-center');
      expect(body.municipality.name).toBe('伊豆市');
      expect(body.mergedFrom).toBe('222054-nakaizu-riha-shogaisha-seikatsu-shien-center');
    });
    it('404 for an unknown id', async () => {
      await expectError(await t.app.request('/api/resources/000000-nothing'), 404, 'not_found');
    });
  });

  describe('POST /api/search/multi-search', () => {
    const query = (extra: Record<string, unknown> = {}) => ({
      queries: [{ indexUid: 'resources', q: 'ともにこ', limit: 5, ...extra }],
    });
    it('200 with hits from the public index only', async () => {
      const res = await postJson(t.app, '/api/search/multi-search', query({ filter: 'municipality = "212105"' }));
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.results[0].indexUid).toBe('resources');
      expect(body.results[0].hits.some((h: { name: string }) => h.name.includes('トモニコ'))).toBe(true);
    });
    it("400 in Meilisearch's error shape, with the reason, for another index, other parameters, hidden fields or bad JSON", async () => {
      const refused = async (body: unknown, status: number, code: string, reason: RegExp) => {
        const res = await postJson(t.app, '/api/search/multi-search', body);
        expect(res.status).toBe(status);
        const error = await res.json();
        expect(error).toEqual({ message: expect.any(String), code, type: 'invalid_request', link: '/api/docs' });
        expect(error.message).toMatch(reason);
        expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+/);
      };
      await refused({ queries: [{ indexUid: 'other' }] }, 400, 'invalid_index_uid', /resources だけです/);
      await refused(query({ vector: [1] }), 400, 'norishiro_parameter_not_allowed', /vector/);
      await refused(
        query({ attributesToRetrieve: ['secret'] }),
        400,
        'invalid_search_attributes_to_retrieve',
        /公開されていない項目/,
      );
      await refused(query({ attributesToCrop: ['id'] }), 400, 'invalid_search_attributes_to_crop', /文章の項目/);
      await refused(query({ limit: -1 }), 400, 'invalid_search_limit', /0 以上/);
      await refused(query({ filter: 'nonsense ((' }), 400, 'invalid_search_filter', /絞り込み.*nonsense/s);
      await refused('{not json', 400, 'malformed_payload', /JSON/);
      await refused(query({ q: 'x'.repeat(70_000) }), 413, 'payload_too_large', /大きすぎます/);
    });
    it('clamps paging and snippet lengths to the maximum instead of refusing them', async () => {
      const res = await postJson(
        t.app,
        '/api/search/multi-search',
        query({ q: '', limit: 10_000, offset: 1_000_000, attributesToCrop: ['description:5000'], cropLength: 9999 }),
      );
      expect(res.status).toBe(200);
      const [result] = (await res.json()).results;
      expect(result).toMatchObject({ limit: 100, offset: 5000, hits: [] });
      const page = await postJson(t.app, '/api/search/multi-search', query({ q: '', hitsPerPage: 500, page: 1 }));
      expect((await page.json()).results[0].hits).toHaveLength(100);
    });
    it('the rest of the API keeps its own error shape', async () => {
      await expectError(await t.app.request('/api/resources?perPage=abc'), 400, 'invalid_request');
    });
  });

  describe('POST /api/match', () => {
    const profile = { municipality: '212105', district: '岩村町', age: 30, situations: ['hikikomori'], stage: 1 };
    it('200 with ranked, explained results', async () => {
      const res = await postJson(t.app, '/api/match', profile);
      expect(res.status).toBe(200);
      const body = v.parse(MatchResponseSchema, await res.json());
      expect(body.results[0]!.resource.name).toContain('トモニコ');
      for (const r of body.results) {
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(r.factors.map((f) => f.factor).sort()).toEqual([
          'category',
          'distance',
          'interest',
          'needs',
          'schedule',
          'stage',
          'target',
        ]);
        expect(r.factors.every((f) => /[ぁ-ん]/.test(f.reason))).toBe(true);
      }
      const scores = body.results.map((r) => r.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    });
    it('400 with field paths for an invalid profile', async () => {
      const body = await expectError(
        await postJson(t.app, '/api/match', { municipality: '212106', stage: 7, situations: ['x'] }),
        400,
        'invalid_request',
      );
      expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['municipality', 'stage']),
      );
    });
    it('400 for a municipality without an inventory or an unknown district', async () => {
      await expectError(await postJson(t.app, '/api/match', { municipality: '011002' }), 400, 'invalid_request');
      await expectError(
        await postJson(t.app, '/api/match', { ...profile, district: '架空町' }),
        400,
        'invalid_request',
      );
    });
    it('400 for a body that is not JSON, 413 for an oversized one', async () => {
      await expectError(await postJson(t.app, '/api/match', 'profile'), 400, 'invalid_request');
      await expectError(
        await postJson(t.app, '/api/match', { ...profile, interests: ['x'.repeat(70_000)] }),
        413,
        'payload_too_large',
      );
    });
  });

  it('GET /api/openapi.json 200: OpenAPI 3.1 from the schemas; /api/docs 200 HTML', async () => {
    const spec = await (await t.app.request('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.components.schemas.NeedsProfile.properties.municipality).toBeDefined();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/match', '/api/resources', '/api/search/multi-search']),
    );
    const docs = await t.app.request('/api/docs');
    expect(docs.status).toBe(200);
    const page = await docs.text();
    // Every script and stylesheet comes from our own origin: no CDN.
    for (const src of page.matchAll(/(?:src|href)="([^"]+)"/g)) expect(src[1]).toMatch(/^\/api\//);
    for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js'])
      expect((await t.app.request(`/api/docs/${file}`)).status).toBe(200);
    expect((await t.app.request('/api/docs/package.json')).status).toBe(404);
  });

  describe('POST /api/admin/index', () => {
    it('401 without the token from DATA_DIR', async () => {
      await expectError(
        await postJson(t.app, '/api/admin/index', {}, { authorization: 'Bearer wrong' }),
        401,
        'unauthorized',
      );
    });
    it('200 streaming progress and a summary for the holder of the token', async () => {
      const res = await postJson(t.app, '/api/admin/index', { dryRun: true }, { authorization: `Bearer ${TOKEN}` });
      expect(res.status).toBe(200);
      const events = (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events.at(-1)).toMatchObject({ type: 'done', summary: { added: 0, updated: 0, dryRun: true } });
    });
  });

  it('404 in the error shape for unknown routes', async () => {
    await expectError(await t.app.request('/api/nothing-here'), 404, 'not_found');
  });

  it('500 without a stack trace when a service breaks mid-request', async () => {
    const broken = { ...t.db, query: async () => Promise.reject(new Error('connection lost at secret.ts:12')) };
    const app = createApp(createDeps({ db: broken, meili: t.deps.meili, indexName: t.deps.indexName }));
    const body = await expectError(await app.request('/api/resources/222224-step-salon'), 500, 'internal');
    expect(JSON.stringify(body)).not.toContain('secret');
  });
});
