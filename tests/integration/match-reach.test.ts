import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NeedsProfileSchema, type Municipality } from '@norishiro/data';
import { buildContext, candidateFilter, candidateQuery, withinReach } from '@norishiro/api';
import { inventoryBatch } from '@norishiro/indexer';
import { appWithInventories, type TestApp } from '../support/app.ts';

type Hit = { id: string; municipality: string; _geo?: { lat: number; lng: number } };

describe('matching candidates: the box and the circle find what the radius filter finds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t?.close());

  it('for every located district of the five cities, four travel distances, with and without situations', async () => {
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
