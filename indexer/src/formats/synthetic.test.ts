import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  MunicipalitySchema,
  ResourceSchema,
  crossCheck,
  distanceKm,
  locationPoint,
  type Resource,
} from '@norishiro/data';
import { parseLocalGovCsv } from './localgov.ts';
import { syntheticMunicipalities, syntheticResources } from './synthetic.ts';

describe('parseLocalGovCsv', () => {
  it('skips rows without a valid code or a point, and joins names and readings', () => {
    const text =
      '\ufeffpid,pref,cid,city,citykana,lat,lng,url,phrase,lgcode\n' +
      '1,北海道,1101,札幌市 中央区,さっぽろし ちゅうおうく,43.0553865,141.3409671,,,011011\n' +
      '1,北海道,1102,札幌市 北区,さっぽろし きたく,43.09,141.34,,,011020\n' +
      '1,北海道,1103,札幌市 東区,さっぽろし ひがしく,,,,,011037\n' +
      '1,北海道,1104,白石区,しろいしく,43.04,141.40,,,1104\n';
    expect(parseLocalGovCsv(text)).toEqual([
      {
        code: '011011',
        prefecture: '北海道',
        name: '札幌市中央区',
        reading: 'さっぽろしちゅうおうく',
        lat: 43.0553865,
        lng: 141.3409671,
      },
    ]);
  });
});

describe('syntheticMunicipalities', () => {
  const municipalities = syntheticMunicipalities();

  it('gives valid municipalities for the whole country', () => {
    expect(municipalities.length).toBeGreaterThan(1700);
    for (const m of municipalities) expect(v.safeParse(MunicipalitySchema, m).issues).toBeUndefined();
    expect(municipalities.find((m) => m.code === '222224')).toMatchObject({ name: '伊豆市', reading: 'いずし' });
  });
});

describe('syntheticResources', () => {
  const municipalities = new Map(syntheticMunicipalities().map((m) => [m.code, m]));
  const sample = syntheticResources(3000, 7);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticResources(3000, 7)).toEqual(sample);
    expect(syntheticResources(50, 8)).not.toEqual(sample.slice(0, 50));
  });

  it('makes schema-valid resources that pass the inventory cross-checks', () => {
    const byCity = new Map<string, Resource[]>();
    for (const r of sample) {
      expect(v.safeParse(ResourceSchema, r).issues).toBeUndefined();
      byCity.set(r.municipality, [...(byCity.get(r.municipality) ?? []), r]);
    }
    for (const [code, resources] of byCity) {
      expect(resources.flatMap((r, i) => crossCheck(municipalities.get(code)!, r, [i]))).toEqual([]);
    }
  });

  it('marks everything synthetic, ids by code, points within about 5 km of the city hall', () => {
    sample.forEach((r, i) => {
      expect(r.source.synthetic).toBe(true);
      expect(r.id).toBe(`${r.municipality}-syn-${i + 1}`);
      expect(distanceKm(locationPoint(r.location)!, municipalities.get(r.municipality)!.cityHall)).toBeLessThan(5.01);
    });
    expect(sample[0]!.name).toMatch(/^\S+ \S+ 1$/);
  });

  it('mixes categories, schedules and places', () => {
    const kinds = new Set(sample.map((r) => r.schedule.kind));
    expect([...kinds].sort()).toEqual(['interval', 'irregular', 'monthly', 'unknown', 'weekly']);
    expect(new Set(sample.flatMap((r) => r.categories)).size).toBe(13);
    expect(new Set(sample.flatMap((r) => r.stages)).size).toBe(4);
    expect(new Set(sample.map((r) => r.municipality)).size).toBeGreaterThan(1000);
  });

  it('makes 100,000 distinct resources for the benchmark', () => {
    const all = syntheticResources(100_000, 1);
    expect(new Set(all.map((r) => r.id)).size).toBe(100_000);
  });
});
