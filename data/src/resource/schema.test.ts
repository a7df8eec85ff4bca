import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ResourceSchema } from './schema.ts';

const valid = {
  id: '222224-step-salon',
  municipality: '222224',
  name: 'すてっぷサロン',
  kind: 'place',
  reading: 'ステップ サロン',
  categories: ['ibasho'],
  targets: ['anyone'],
  stages: [1, 2],
  location: { lat: 34.96868, lng: 138.88606, precision: 'district', pointOf: '修善寺地区の代表点' },
  schedule: { kind: 'unknown' },
  status: 'active',
  source: { file: '001_2719d1a6160a5cb4.txt', section: '既存の社会参加資源', quote: 'すてっぷ サロン 直営' },
  verifiedAt: '2026-11-23',
};

const paths = (input: unknown) => v.safeParse(ResourceSchema, input).issues?.map((i) => v.getDotPath(i)) ?? [];

describe('ResourceSchema', () => {
  it('accepts a plan entry and fills defaults: unknown cost, no aliases, usage, features or tags', () => {
    const r = v.parse(ResourceSchema, valid);
    expect(r.cost).toEqual({ kind: 'unknown' });
    expect([r.aliases, r.usage, r.features, r.tags]).toEqual([[], [], [], []]);
  });

  it('accepts an entry given only as a count', () => {
    expect(v.is(ResourceSchema, { ...valid, id: '222224-houkatsu', name: '地域包括支援センター', count: 7 })).toBe(
      true,
    );
  });

  it('rejects an entry with no source, no category or an invalid stage', () => {
    expect(paths({ ...valid, source: undefined })).toContain('source');
    expect(paths({ ...valid, categories: [] })).toContain('categories');
    expect(paths({ ...valid, stages: [5] })).toContain('stages.0');
  });

  it('rejects an id that does not start with the municipality code', () => {
    expect(v.safeParse(ResourceSchema, { ...valid, id: '212105-step-salon' }).issues?.[0]?.message).toBe(
      'ID は団体コードで始めてください',
    );
  });

  it('rejects a hiragana reading, a bad precision and an age range upside down', () => {
    expect(paths({ ...valid, reading: 'すてっぷ' })).toContain('reading');
    expect(paths({ ...valid, location: { ...valid.location, precision: 'street' } })).toContain('location.precision');
    expect(paths({ ...valid, ageMin: 40, ageMax: 15 })).toContain('ageMax');
  });

  it('rejects a zero count and a malformed verified-at date', () => {
    expect(paths({ ...valid, count: 0 })).toContain('count');
    expect(paths({ ...valid, verifiedAt: '2026/11/23' })).toContain('verifiedAt');
  });
});
