import { describe, expect, it } from 'vitest';
import { candidateIn, contextIn } from './fixtures.ts';
import type { Municipality, NeedsProfileInput } from '@norishiro/data';
import type { Candidate } from './factors/index.ts';
import { describeFree, detectGap, GAP_RULE } from './gap.ts';
import { rank, scoreCandidate } from './score.ts';

const ATAMI: Municipality = {
  code: '222054',
  prefecture: '静岡県',
  name: '熱海市',
  reading: 'あたみし',
  cityHall: { lat: 35.09611, lng: 139.07167 },
  districts: [{ name: '南熱海地区', reading: 'みなみあたみちく', point: { lat: 35.0419, lng: 139.06372 } }],
};
const ctxOf = contextIn(ATAMI);
const doc = candidateIn(ATAMI, { id: '222054-x', name: '属性を問わない居場所', distanceKm: undefined });

const gapFor = (docs: Candidate[], p: Partial<NeedsProfileInput>) => {
  const ctx = ctxOf(p);
  return detectGap(
    rank(
      docs.map((d) => scoreCandidate(d, ctx)),
      ctx,
    ),
    ctx,
  );
};
const weekdayEvenings = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
  day,
  from: '19:00',
  to: '21:00',
}));
const daytime = {
  scheduleKnown: true,
  days: ['mon' as const],
  openHours: ['mon-10', 'mon-11'],
  scheduleSummary: '毎週月 10:00〜12:00',
};

describe('detectGap', () => {
  it('a fitting resource with unknown hours and place is not a gap, and the rule is always given', () => {
    const g = gapFor([doc()], { situations: ['hikikomori'], availability: weekdayEvenings, maxTravelKm: 1 });
    expect(g.suspected).toBe(false);
    expect(g.summary).toContain('1 件');
    expect(g.summary).toContain('要確認');
    expect(g.rule).toBe(GAP_RULE);
  });

  it('nothing for the situation names who', () => {
    const g = gapFor([doc({ targets: ['elderly'] })], { age: 30, situations: ['disability'] });
    expect(g.suspected).toBe(true);
    expect(g.missing[0]!.factor).toBe('target');
    expect(g.summary).toContain('障がいのある人');
    expect(g.summary).toContain('熱海市内');
  });

  it('nothing of the wanted kind names the kind', () => {
    const g = gapFor([doc()], { age: 12, situations: ['school_refusal'], wants: ['learning_support'] });
    expect(g.missing[0]!.factor).toBe('category');
    expect(g.summary).toBe('学校に行きづらい子どもが利用できる学習・生活支援が熱海市内にありません');
  });

  it('nothing at the person’s step or one above', () => {
    const g = gapFor([doc({ stages: [4] })], { stage: 1 });
    expect(g.missing[0]!.factor).toBe('stage');
    expect(g.summary).toContain('つながる');
  });

  it('everything beyond the travel distance names the district and the nearest', () => {
    const far = doc({ precision: 'district', distanceKm: 9.4 });
    const g = gapFor([far], { district: '南熱海地区', maxTravelKm: 5 });
    expect(g.missing[0]!.factor).toBe('distance');
    expect(g.summary).toContain('南熱海地区から5km以内');
    expect(g.summary).toContain('約9.4km');
  });

  it('without a location, distance is never the missing thing', () => {
    const g = gapFor([doc({ precision: 'district', distanceKm: undefined })], { maxTravelKm: 1 });
    expect(g.suspected).toBe(false);
    expect(g.summary).not.toMatch(/km/);
  });

  it('every fitting place known closed at the free times is a gap that says when', () => {
    const g = gapFor([doc(daytime)], { wants: ['ibasho'], availability: weekdayEvenings });
    expect(g.missing[0]!.factor).toBe('schedule');
    expect(g.summary).toContain('平日の19:00〜21:00');
    expect(g.summary).toContain('居場所');
  });

  it('a planned place or a coordination body does not close a gap', () => {
    const g = gapFor([doc({ status: 'planned' }), doc({ id: '222054-c', categories: ['coordination'] })], {});
    expect(g.suspected).toBe(true);
  });
});

describe('describeFree', () => {
  it.each([
    [weekdayEvenings, '平日の19:00〜21:00'],
    [[{ day: 'sat', from: '10:00', to: '15:00' }], '土曜の10:00〜15:00'],
    [
      [
        { day: 'sat', from: '09:00', to: '12:00' },
        { day: 'sun', from: '09:00', to: '12:00' },
      ],
      '土日の09:00〜12:00',
    ],
  ] as const)('%#', (availability, text) => {
    expect(describeFree(ctxOf({ availability: [...availability] }).profile)).toBe(text);
  });
});
