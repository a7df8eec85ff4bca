import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  HouseholdMatchResponseSchema,
  MatchResponseSchema,
  NeedsProfileSchema,
  type Municipality,
} from '@norishiro/data';
import { buildContext, candidateFilter, candidateQuery, withinReach } from '@norishiro/api';
import { inventoryBatch } from '@norishiro/indexer';
import { appWithInventories, postJson, type TestApp } from '../support/app.ts';

type Hit = { id: string; municipality: string; _geo?: { lat: number; lng: number } };

describe('matching routes: districts as typed, coordinates, households, reach', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t?.close());

  const error = async (res: Response) => {
    expect(res.status).toBe(400);
    return (await res.json()) as { error: { code: string; details: { path: string; message: string }[] } };
  };

  it.each([
    ['162051', '稲積', '162051-inazumi-danseikyoten'],
    ['222054', '南熱海', '222054-minami-atami-hokatsu-shien-center'],
    ['222224', '天城湯ケ島', '222224-ibasho-ninchisho-cafe-amagi-yugashima'],
    ['222224', '中伊豆', '222224-ibasho-ninchisho-cafe-nakaizu'],
  ])('%s 「%s」 is accepted as its district', async (municipality, district, expected) => {
    const res = await postJson(t.app, '/api/match', {
      municipality,
      district,
      age: 80,
      situations: ['dementia'],
      limit: 50,
    });
    expect(res.status).toBe(200);
    const body = v.parse(MatchResponseSchema, await res.json());
    const near = body.results.find((r) => r.resource.id === expected);
    expect(near?.factors.find((f) => f.factor === 'distance')?.reason ?? '', expected).toMatch(/代表点|指定|所在地/);
  });

  it('a district nothing is close to: 400 listing the valid names', async () => {
    const body = await error(await postJson(t.app, '/api/match', { municipality: '222224', district: '箱根' }));
    const messages = body.error.details.filter((d) => d.path === 'district').map((d) => d.message);
    expect(messages.join(' ')).toContain('修善寺地区');
    expect(messages).toEqual(expect.arrayContaining(['修善寺地区', '土肥地区', '天城湯ヶ島地区', '中伊豆地区']));
  });

  it('out-of-range coordinates are a 400, never a 500', async () => {
    for (const home of [
      { lat: 91, lng: 139 },
      { lat: 35, lng: 200 },
      { lat: -91, lng: -181 },
    ]) {
      await error(await postJson(t.app, '/api/match', { municipality: '222224', home }));
      await error(
        await postJson(t.app, '/api/match/household', {
          municipality: '222224',
          home,
          members: [{ relation: 'self' }],
        }),
      );
    }
  });

  it('no location: no distance anywhere, the reason says so, the gap says no km', async () => {
    const body = v.parse(
      MatchResponseSchema,
      await (await postJson(t.app, '/api/match', { municipality: '212105', situations: ['hikikomori'] })).json(),
    );
    expect(body.results.every((r) => r.distanceKm === undefined)).toBe(true);
    expect(body.results[0]!.factors.find((f) => f.factor === 'distance')!.reason).toContain('指定されていない');
    expect(body.gap.rule).toContain('不足');
  });

  it('equal scores share a rank', async () => {
    const body = v.parse(
      MatchResponseSchema,
      await (
        await postJson(t.app, '/api/match', { municipality: '222224', age: 80, wants: ['ibasho'], limit: 20 })
      ).json(),
    );
    for (let i = 1; i < body.results.length; i++) {
      const [a, b] = [body.results[i - 1]!, body.results[i]!];
      expect(b.rank).toBe(a.score === b.score ? a.rank : i + 1);
    }
  });

  it('POST /api/match/household: per member, shared resources, combined gap naming the member', async () => {
    const res = await postJson(t.app, '/api/match/household', {
      municipality: '222054',
      district: '熱海',
      members: [
        { relation: 'self', age: 38, situations: ['single_parent', 'poverty'], wants: ['consultation'] },
        { relation: 'child', age: 12, situations: ['school_refusal'], wants: ['learning_support'] },
      ],
    });
    expect(res.status).toBe(200);
    const body = v.parse(HouseholdMatchResponseSchema, await res.json());
    expect(body.members.map((m) => m.relation)).toEqual(['self', 'child']);
    expect(body.members[0]!.results[0]!.resource.id).toBe('222054-kurashi-shigoto-sodan-center');
    expect(body.members[1]!.gap.suspected).toBe(true);
    expect(body.gap.suspected).toBe(true);
    expect(body.gap.summary).toContain('子（2人目）');
    expect(body.gap.summary).toContain('学習');
    for (const s of body.shared) expect(s.members.length).toBeGreaterThanOrEqual(2);
  });

  it('a household shares what serves two members', async () => {
    const body = v.parse(
      HouseholdMatchResponseSchema,
      await (
        await postJson(t.app, '/api/match/household', {
          municipality: '162051',
          members: [
            { relation: 'self', age: 80, situations: ['elderly', 'caregiver'], caresFor: ['dementia'] },
            { relation: 'spouse', age: 84, situations: ['elderly', 'dementia'] },
          ],
        })
      ).json(),
    );
    expect(body.shared.map((s) => s.resource.id)).toContain('162051-chiiki-houkatsu');
    expect(body.shared[0]!.reason).toContain('本人（1人目）・配偶者（2人目）');
    expect(body.gap.suspected).toBe(false);
  });

  it('a household of 7 is a 400', async () => {
    const body = await error(
      await postJson(t.app, '/api/match/household', {
        municipality: '162051',
        members: Array.from({ length: 7 }, () => ({ relation: 'other' })),
      }),
    );
    expect(body.error.details.map((d) => d.path)).toContain('members');
  });

  it('the OpenAPI document describes the household route', async () => {
    const spec = await (await t.app.request('/api/openapi.json')).json();
    expect(spec.paths['/api/match/household'].post.responses[200]).toBeDefined();
    expect(spec.components.schemas.HouseholdProfile.properties.members).toBeDefined();
  });

  it('candidates: the box sent to Meilisearch, less its corners, finds what _geoRadius finds, for every located district, four distances, with and without situations', async () => {
    const index = t.deps.meili.index(t.deps.indexName);
    const homes = inventoryBatch().municipalities.flatMap((m: Municipality) =>
      m.districts.filter((d) => d.point).map((d) => ({ m, home: d.point! })),
    );
    let fromOtherCities = 0;
    for (const { m, home } of homes) {
      for (const [maxTravelKm, situations] of [3, 10, 30, 100].flatMap((km) => [
        [km, []],
        [km, ['elderly', 'dementia', 'hikikomori', 'children', 'disability', 'poverty']],
      ])) {
        const profile = { municipality: m.code, home, maxTravelKm, situations };
        const ctx = buildContext(v.parse(NeedsProfileSchema, profile), m);
        // The query exactly as matching sends it, its limit included.
        const query = candidateQuery(ctx);
        const ours = await index.search<Hit>('', { ...query, attributesToRetrieve: [...query.attributesToRetrieve] });
        const plain = await index.search<Hit>('', {
          filter: candidateFilter(ctx, 'radius'),
          limit: 1000,
          attributesToRetrieve: ['id', 'municipality'],
        });
        const kept = ours.hits.filter((h) => withinReach(h, ctx)).map((h) => h.id);
        expect(kept.sort(), `${m.name} ${maxTravelKm} km`).toEqual(plain.hits.map((h) => h.id).sort());
        fromOtherCities += plain.hits.filter((h) => h.municipality !== m.code).length;
      }
    }
    expect(homes.length).toBeGreaterThan(10);
    expect(fromOtherCities, 'some cases reach into a neighbouring city').toBeGreaterThan(0);
  });
});
