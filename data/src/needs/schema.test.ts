import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NeedsProfileSchema } from './schema.ts';

describe('NeedsProfileSchema', () => {
  it('needs only a municipality and fills sensible defaults', () => {
    expect(v.parse(NeedsProfileSchema, { municipality: '212105' })).toMatchObject({
      maxTravelKm: 10,
      stage: 1,
      situations: [],
      wants: [],
      availability: [],
      needs: { free: false, wheelchair: false, peerSupport: false, smallGroup: false, withChild: false },
      includeCoordination: false,
    });
  });

  it('accepts a full profile with a home point and a weekly grid', () => {
    const p = {
      municipality: '212105',
      home: { lat: 35.36, lng: 137.44 },
      age: 34,
      situations: ['hikikomori'],
      wants: ['ibasho'],
      stage: 2,
      availability: [{ day: 'tue', from: '10:00', to: '15:00' }],
      interests: ['料理'],
      needs: { free: true },
    };
    expect(v.is(NeedsProfileSchema, p)).toBe(true);
  });

  it('rejects unknown codes, an inverted slot and an impossible age, naming each field', () => {
    const r = v.safeParse(NeedsProfileSchema, {
      municipality: '212105',
      age: 130,
      situations: ['sad'],
      availability: [{ day: 'tue', from: '15:00', to: '10:00' }],
    });
    expect(r.issues?.map((i) => v.getDotPath(i))).toEqual(['age', 'situations.0', 'availability.0']);
    expect(r.issues?.map((i) => i.message)).toContain('空いている時間の終わりは始まりより後にしてください');
  });

  it('holds no field for a name or contact: unknown keys are dropped', () => {
    const out = v.parse(NeedsProfileSchema, { municipality: '212105', name: '実在の人', phone: '000' } as never);
    expect(out).not.toHaveProperty('name');
    expect(out).not.toHaveProperty('phone');
  });
});
