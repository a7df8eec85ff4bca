import { describe, expect, it } from 'vitest';
import type { Resource } from '@norishiro/data';
import { coverage } from './coverage.ts';

const resource = (district: string, categories: string[]): Resource =>
  ({
    district,
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
});
