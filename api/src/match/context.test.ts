import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NeedsProfileSchema, type NeedsProfileInput } from '@norishiro/data';
import { buildContext, freeHourKeys, originOf, situationsOf } from './context.ts';
import { IZU } from './fixtures.ts';

const profile = (p: Partial<NeedsProfileInput> = {}) => v.parse(NeedsProfileSchema, { municipality: IZU.code, ...p });

describe('situationsOf: age implies situations', () => {
  it('65 and over is elderly', () => {
    expect(situationsOf(profile({ age: 65 }))).toContain('elderly');
    expect(situationsOf(profile({ age: 64 }))).not.toContain('elderly');
  });
  it('15–39 is youth, at both ends', () => {
    expect(situationsOf(profile({ age: 15 }))).toContain('youth');
    expect(situationsOf(profile({ age: 39 }))).toContain('youth');
    expect(situationsOf(profile({ age: 40 }))).not.toContain('youth');
  });
  it('under 15 is a child', () => {
    expect(situationsOf(profile({ age: 13 }))).toEqual(expect.arrayContaining(['children']));
  });
  it('keeps what the coordinator stated, once, and implies nothing without an age', () => {
    expect(situationsOf(profile({ age: 80, situations: ['dementia', 'elderly'] })).sort()).toEqual([
      'dementia',
      'elderly',
    ]);
    expect(situationsOf(profile({ situations: ['hikikomori'] }))).toEqual(['hikikomori']);
  });
});

describe('freeHourKeys', () => {
  it('covers every hour touched, and a half hour counts', () => {
    expect([...freeHourKeys(profile({ availability: [{ day: 'mon', from: '10:00', to: '12:30' }] }))]).toEqual([
      'mon-10',
      'mon-11',
      'mon-12',
    ]);
  });
  it('ends exactly on the hour without spilling into the next', () => {
    expect([...freeHourKeys(profile({ availability: [{ day: 'thu', from: '13:00', to: '15:00' }] }))]).toEqual([
      'thu-13',
      'thu-14',
    ]);
  });
  it('no availability means no free-time constraint', () => {
    expect(freeHourKeys(profile()).size).toBe(0);
  });
});

describe('originOf', () => {
  const dohi = IZU.districts[0];
  const noPoint = IZU.districts[1];
  it('a given point wins', () => {
    const o = originOf(profile({ home: { lat: 34.9, lng: 138.8 }, district: '土肥地区' }), dohi);
    expect(o.origin).toEqual({ lat: 34.9, lng: 138.8 });
    expect(o.label).toBe('指定した地点');
  });
  it('else the district’s point, labelled as such', () => {
    const o = originOf(profile({ district: '土肥地区' }), dohi);
    expect(o.origin).toEqual({ lat: 34.90241, lng: 138.81499 });
    expect(o.label).toBe('土肥地区の代表点');
  });
  it('never the city hall: no location, or a district without a point, leaves no origin and says why', () => {
    expect(originOf(profile(), undefined)).toEqual({ label: '住まいの場所の指定がない' });
    const o = originOf(profile({ district: '名だけの地区' }), noPoint);
    expect(o.origin).toBeUndefined();
    expect(o.label).toContain('地区の位置が分からない');
  });
});

describe('buildContext', () => {
  it('resolves the district as typed and keeps interests as typed, trimmed, once', () => {
    const ctx = buildContext(profile({ district: '土肥', interests: [' ロコトレ ', '', 'ロコトレ'] }), IZU);
    expect(ctx.district?.name).toBe('土肥地区');
    expect(ctx.origin).toEqual({ lat: 34.90241, lng: 138.81499 });
    expect(ctx.interests).toEqual(['ロコトレ']);
  });
  it('a carer reaches what serves the person cared for; dementia reaches the older people’s desks', () => {
    expect(buildContext(profile({ age: 55, situations: ['caregiver'] }), IZU).reach).toEqual([
      'elderly',
      'dementia',
      'caregiver',
    ]);
    expect(
      buildContext(profile({ age: 40, situations: ['caregiver'], caresFor: ['disability'] }), IZU).caredFor,
    ).toEqual(['disability']);
    expect(buildContext(profile({ age: 52, situations: ['dementia'] }), IZU).reach).toContain('elderly');
  });
});
