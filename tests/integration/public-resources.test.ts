import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ResourceListSchema, type ResourceList } from '@norishiro/data';
import { appWithInventories, type TestApp } from '../support/app.ts';

// The resident list's filter semantics: unknown is never "no", confirmed matches come first.
describe('GET /api/resources for residents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t.close());

  const list = async (qs: string): Promise<ResourceList> => {
    const res = await t.app.request(`/api/resources?${qs}`);
    expect(res.status).toBe(200);
    return v.parse(ResourceListSchema, await res.json());
  };

  it('a day filter keeps places whose days the plan does not give, after the confirmed ones, marked', async () => {
    const all = await list('municipality=162051&perPage=100');
    const lenient = await list('municipality=162051&day=wed&perPage=100');
    const strict = await list('municipality=162051&day=wed&confirmed=true&perPage=100');
    const unknownDays = all.hits.filter((h) => h.days.length === 0).length;
    expect(unknownDays).toBeGreaterThan(0);
    expect(lenient.total).toBe(strict.total + unknownDays);
    const firstUnknown = lenient.hits.findIndex((h) => h.unconfirmed?.includes('day'));
    expect(lenient.hits.slice(firstUnknown).every((h) => h.unconfirmed?.includes('day'))).toBe(true);
    expect(strict.hits.every((h) => h.days.includes('wed') && !h.unconfirmed)).toBe(true);
  });

  it('「無料のところだけ」 keeps unknown cost, after the free ones, unless confirmed only', async () => {
    const lenient = await list('free=true&perPage=100');
    const strict = await list('free=true&confirmed=true&perPage=100');
    expect(lenient.total).toBeGreaterThan(strict.total);
    const marked = lenient.hits.map((h) => !!h.unconfirmed?.includes('cost'));
    expect(marked.slice(0, strict.total).some(Boolean)).toBe(false);
    expect(marked.slice(strict.total).every(Boolean)).toBe(true);
    expect(lenient.hits.filter((h) => h.cost === 'unknown').every((h) => h.unconfirmed?.includes('cost'))).toBe(true);
    expect(strict.hits.every((h) => h.cost === 'free')).toBe(true);
  });

  it('pages run across the confirmed and unconfirmed parts without gaps or repeats', async () => {
    const whole = await list('municipality=162051&day=wed&perPage=100');
    const ids: string[] = [];
    for (let page = 1; page <= Math.ceil(whole.total / 7); page++) {
      const p = await list(`municipality=162051&day=wed&perPage=7&page=${page}`);
      expect(p.totalPages).toBe(Math.ceil(whole.total / 7));
      ids.push(...p.hits.map((h) => h.id));
    }
    expect(ids).toEqual(whole.hits.map((h) => h.id));
  });

  it('near a point, no distance is given for a city-hall stand-in, and located places come first', async () => {
    const near = await list('municipality=162051&near=36.87,136.96&perPage=100');
    expect(near.total).toBe((await list('municipality=162051&perPage=100')).total);
    const located = near.hits.map((h) => h.precision === 'address' || h.precision === 'district');
    expect(located.indexOf(false)).toBeGreaterThan(-1);
    expect(located.slice(located.indexOf(false)).every((x) => !x)).toBe(true);
    expect(near.hits.filter((h) => h.precision === 'municipality').every((h) => h.distanceKm === undefined)).toBe(true);
  });

  it('a hiragana word finds its kanji without flooding the list', async () => {
    const kana = await list(`q=${encodeURIComponent('にんちしょう')}`);
    const kanji = await list(`q=${encodeURIComponent('認知症')}`);
    expect(kana.total).toBeGreaterThan(0);
    expect(kana.total).toBeLessThanOrEqual(kanji.total + 2);
    // 宮田地区's only entry was merged into 地域福祉活動サポーター (issue 10); 十二町地区 keeps its サロン.
    const district = await list(`q=${encodeURIComponent('じゅうにちょう')}`);
    expect(district.hits.some((h) => h.district === '十二町地区')).toBe(true);
  });
});
