import { describe, expect, it } from 'vitest';
import type { Resource } from '@norishiro/data';
import { coverage, coverageMap } from './coverage.ts';

const resource = (district: string, categories: string[], id = `r-${district}`): Resource =>
  ({
    id,
    name: id,
    district,
    location: { lat: 36.88, lng: 136.97, precision: 'district', pointOf: district },
    categories,
    targets: ['anyone'],
    status: 'active',
    schedule: { kind: 'unknown' },
  }) as unknown as Resource;

describe('coverage', () => {
  it('puts resources and gaps side by side and hides counts of 1 or 2', () => {
    const c = coverage(
      [resource('稲積地区', ['ibasho']), resource('稲積地区', ['ibasho'])],
      [
        { district: '稲積地区', categories: ['ibasho'], situations: [], timeBands: [], count: 2 },
        { district: '宮田地区', categories: ['work_experience'], situations: [], timeBands: [], count: 5 },
      ],
      'district_category',
    );
    expect(c.cells).toContainEqual({ row: '稲積地区', col: '居場所', resources: 2, gaps: '3未満' });
    expect(c.cells).toContainEqual({ row: '宮田地区', col: '就労体験', resources: 0, gaps: 5 });
  });

  it('a row total counts a record once however many columns it spans', () => {
    const c = coverage(
      [resource('稲積地区', ['ibasho', 'salon'])],
      [{ district: '稲積地区', categories: ['ibasho', 'salon'], situations: [], timeBands: [], count: 4 }],
      'district_category',
    );
    expect(c.cells.filter((x) => x.row === '稲積地区').map((x) => x.gaps)).toEqual([4, 4]);
    expect(c.totals).toEqual([{ row: '稲積地区', resources: 1, gaps: 4 }]);
  });

  it('the map sizes districts by their gaps and counts those it cannot place', () => {
    const m = coverageMap(
      {
        districts: [
          { name: '稲積地区', reading: 'いなづみちく', point: { lat: 36.88, lng: 136.97 } },
          { name: '宮田地区', reading: 'みやたちく' },
        ],
      },
      [resource('稲積地区', ['ibasho'])],
      [
        { district: '稲積地区', categories: [], situations: [], timeBands: [], count: 5 },
        { district: '宮田地区', categories: [], situations: [], timeBands: [], count: 1 },
        { district: null, categories: [], situations: [], timeBands: [], count: 1 },
      ],
    );
    expect(m.districts).toEqual([{ name: '稲積地区', lat: 36.88, lng: 136.97, gaps: 5, resources: 1 }]);
    expect(m.unplaced).toBe('3未満');
    expect(m.resources.map((r) => r.id)).toEqual(['r-稲積地区']);
  });
});
