import { describe, expect, it } from 'vitest';
import { candidateIn, contextIn } from './fixtures.ts';
import type { Municipality, NeedsProfileInput } from '@norishiro/data';
import type { Candidate } from './factors/index.ts';
import { detectGap } from './gap.ts';
import { rank, scoreCandidate } from './score.ts';
import { MIN_GOOD_RESULTS } from './weights.ts';

const ATAMI: Municipality = {
  code: '222054',
  prefecture: '静岡県',
  name: '熱海市',
  reading: 'あたみし',
  cityHall: { lat: 35.09611, lng: 139.07167 },
  districts: [{ name: '南熱海地区', reading: 'みなみあたみちく', point: { lat: 35.0419, lng: 139.06372 } }],
};
const ctxOf = contextIn(ATAMI);

const doc = candidateIn(ATAMI, {
  id: '222054-x',
  name: '属性を問わない居場所',
});

const gapFor = (docs: Candidate[], p: Partial<NeedsProfileInput>) => {
  const ctx = ctxOf(p);
  return detectGap(rank(docs.map((d) => scoreCandidate(d, ctx))), ctx);
};
const factorsOf = (g: ReturnType<typeof gapFor>) => g.missing.map((m) => m.factor);

/** A place that fits every factor for the profile used below. */
const perfect = (id: string): Candidate =>
  doc({
    id,
    targets: ['hikikomori'],
    precision: 'district',
    distanceKm: 0.5,
    scheduleKnown: true,
    days: ['mon'],
    openHours: ['mon-10', 'mon-11', 'mon-12', 'mon-13'],
    tags: ['ピア'],
    features: ['peer_support'],
  });
const wellServed: Partial<NeedsProfileInput> = {
  district: '南熱海地区',
  situations: ['hikikomori'],
  wants: ['ibasho'],
  availability: [{ day: 'mon', from: '10:00', to: '14:00' }],
  interests: ['ピア'],
  needs: { peerSupport: true },
};

describe('detectGap', () => {
  it('enough good fits: no gap, and says how many', () => {
    const g = gapFor(
      Array.from({ length: MIN_GOOD_RESULTS }, (_, i) => perfect(`222054-p${i}`)),
      wellServed,
    );
    expect(g.suspected).toBe(false);
    expect(g.missing).toEqual([]);
    expect(g.summary).toContain(`${MIN_GOOD_RESULTS} 件`);
  });

  it('nothing at all: a gap worth recording', () => {
    const g = gapFor([], wellServed);
    expect(g.suspected).toBe(true);
    expect(g.summary).toContain('資源の不足');
  });

  it('nothing for the situation names the situation', () => {
    const g = gapFor([doc()], { situations: ['hikikomori'] });
    expect(factorsOf(g)).toContain('target');
    expect(g.missing.find((m) => m.factor === 'target')!.message).toContain('ひきこもり');
  });

  it('a place for the situation guessed from age is not reported as missing', () => {
    const g = gapFor([doc({ targets: ['elderly'] })], { age: 80 });
    expect(factorsOf(g)).not.toContain('target');
  });

  it('nothing of the wanted kind names the kind', () => {
    const g = gapFor([doc()], { wants: ['work_experience'] });
    expect(g.missing.find((m) => m.factor === 'category')!.message).toContain('就労体験');
  });

  it('nothing surely open at the free times is reported; an unknown schedule does not count as open', () => {
    const g = gapFor([doc()], { availability: [{ day: 'sat', from: '10:00', to: '12:00' }] });
    expect(g.missing.find((m) => m.factor === 'schedule')!.message).toContain('空いている時間');
  });

  it('nothing at the person’s step or one above', () => {
    const g = gapFor([doc({ stages: [4] })], { stage: 1 });
    expect(g.missing.find((m) => m.factor === 'stage')!.message).toContain('段階');
  });

  it('no located place near the district names the district', () => {
    const g = gapFor([doc()], { district: '南熱海地区' });
    expect(g.missing.find((m) => m.factor === 'distance')!.message).toContain('南熱海地区の近く');
  });

  it('without a district, says the travel distance', () => {
    const g = gapFor([doc()], { maxTravelKm: 5 });
    expect(g.missing.find((m) => m.factor === 'distance')!.message).toContain('5km 以内');
  });

  it('the summary leads with the first missing factor, in Japanese', () => {
    const g = gapFor([doc()], { situations: ['hikikomori'] });
    expect(g.suspected).toBe(true);
    expect(g.summary).toContain(g.missing[0]!.message);
    expect(g.summary).toContain(`目安 ${MIN_GOOD_RESULTS} 件`);
  });
});
