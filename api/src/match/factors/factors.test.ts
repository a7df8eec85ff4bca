import { describe, expect, it } from 'vitest';
import { candidateIn, contextIn } from '../fixtures.ts';
import type { Municipality } from '@norishiro/data';
import { category } from './category.ts';
import { distance } from './distance.ts';
import { interest } from './interest.ts';
import { needs } from './needs.ts';
import { schedule } from './schedule.ts';
import { stage } from './stage.ts';
import { ADULT_AT_CHILDREN_FIT, IMPLIED_TARGET_FIT, target } from './target.ts';
import { NEUTRAL } from './types.ts';

const ENA: Municipality = {
  code: '212105',
  prefecture: '岐阜県',
  name: '恵那市',
  reading: 'えなし',
  cityHall: { lat: 35.44944, lng: 137.41278 },
  districts: [{ name: '岩村町', reading: 'いわむらちょう', point: { lat: 35.36018, lng: 137.43926 } }],
};

const ctxOf = contextIn(ENA);

/** A resource as scoring sees it; defaults are an unknown-schedule 居場所 open to anyone. */
const doc = candidateIn(ENA, {
  id: '212105-test',
  precision: 'district',
  _geo: { lat: 35.36018, lng: 137.43926 },
});

const japanese = /[ぁ-んァ-ン一-龯]/;

/** Weekday 10–15 opening hours, as the indexer writes them (トモニコ's 月～金 10～15時). */
const weekdayHours = ['mon', 'tue', 'wed', 'thu', 'fri'].flatMap((d) => [10, 11, 12, 13, 14].map((h) => `${d}-${h}`));

describe('distance', () => {
  const home = { home: { lat: 35.36, lng: 137.44 } };
  it('a place on the doorstep scores 1 and one beyond reach scores 0, and says it is beyond', () => {
    const ctx = ctxOf({ ...home, maxTravelKm: 10 });
    expect(distance(doc({ precision: 'address', distanceKm: 0 }), ctx).value).toBe(1);
    const far = distance(doc({ precision: 'address', distanceKm: 12 }), ctx);
    expect(far.value).toBe(0);
    expect(far.reason).toContain('行ける距離（10km）を超えています');
  });
  it('nearer always beats farther', () => {
    const ctx = ctxOf(home);
    const near = distance(doc({ precision: 'address', distanceKm: 2 }), ctx).value;
    const far = distance(doc({ precision: 'address', distanceKm: 7 }), ctx).value;
    expect(near).toBeGreaterThan(far);
  });
  it('a district point counts a little less than an exact one, and says it is approximate', () => {
    const ctx = ctxOf({ district: '岩村町' });
    const r = distance(doc({ precision: 'district', distanceKm: 1 }), ctx);
    expect(r.value).toBeLessThan(distance(doc({ precision: 'address', distanceKm: 1 }), ctx).value);
    expect(r.reason).toContain('おおよそ');
    expect(r.reason).toContain('岩村町の代表点');
  });
  it('a place the plan does not locate is neutral and asks to check', () => {
    const r = distance(doc({ precision: 'municipality', distanceKm: undefined }), ctxOf(home));
    expect(r.value).toBe(NEUTRAL);
    expect(r.reason).toContain('要確認');
  });
  it('without a location, every place is neutral and the reason says no location was given', () => {
    const r = distance(doc({ precision: 'district', distanceKm: undefined }), ctxOf());
    expect(r.value).toBe(NEUTRAL);
    expect(r.reason).toBe('住まいの場所が指定されていないため、距離は比べていません');
  });
});

describe('schedule', () => {
  it('no free time given: neutral, not a penalty', () => {
    expect(schedule(doc({ scheduleKnown: true, days: ['mon'], openHours: weekdayHours }), ctxOf()).value).toBe(NEUTRAL);
  });
  it('an unknown schedule is neutral 0.5, not 0', () => {
    const r = schedule(doc(), ctxOf({ availability: [{ day: 'mon', from: '10:00', to: '12:00' }] }));
    expect(r.value).toBe(0.5);
    expect(r.reason).toContain('要確認');
  });
  it('open while the person is free scores high and names the day and hours', () => {
    const r = schedule(
      doc({ scheduleKnown: true, days: ['mon', 'tue', 'wed', 'thu', 'fri'], openHours: weekdayHours }),
      ctxOf({ availability: [{ day: 'wed', from: '10:00', to: '15:00' }] }),
    );
    expect(r.value).toBe(1);
    expect(r.reason).toContain('水曜');
    expect(r.reason).toContain('10～15時');
  });
  it('closed whenever the person is free scores 0 (Saturday only vs a weekday place)', () => {
    const r = schedule(
      doc({
        scheduleKnown: true,
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        openHours: weekdayHours,
        scheduleSummary: '月～金 10:00～15:00',
      }),
      ctxOf({ availability: [{ day: 'sat', from: '10:00', to: '15:00' }] }),
    );
    expect(r.value).toBe(0);
    expect(r.reason).toContain('重なりません');
  });
  it('a known day without hours that matches is a fair fit, below a confirmed hour', () => {
    const ctx = ctxOf({ availability: [{ day: 'tue', from: '10:00', to: '11:00' }] });
    const dayOnly = schedule(doc({ scheduleKnown: true, days: ['tue'] }), ctx).value;
    expect(dayOnly).toBe(0.7);
    expect(schedule(doc({ scheduleKnown: true, days: ['wed'] }), ctx).value).toBe(0);
  });
  it('more overlapping hours is never worse', () => {
    const d = doc({ scheduleKnown: true, days: ['thu'], openHours: ['thu-13', 'thu-14', 'thu-15', 'thu-16'] });
    const one = schedule(d, ctxOf({ availability: [{ day: 'thu', from: '13:00', to: '14:00' }] })).value;
    const four = schedule(d, ctxOf({ availability: [{ day: 'thu', from: '13:00', to: '17:00' }] })).value;
    expect(four).toBeGreaterThan(one);
  });
});

describe('target', () => {
  it('a place for the stated situation beats one open to anyone, which beats a mismatch', () => {
    const ctx = ctxOf({ age: 32, situations: ['hikikomori'] });
    const forHikikomori = target(doc({ targets: ['hikikomori'] }), ctx);
    expect(forHikikomori.value).toBe(1);
    expect(forHikikomori.reason).toContain('ひきこもり');
    expect(target(doc({ targets: ['anyone'] }), ctx).value).toBe(0.7);
    expect(target(doc({ targets: ['child_rearing'] }), ctx).value).toBe(0);
  });
  it('a situation only implied by age fits less than a stated one, but more than "anyone"', () => {
    const ctx = ctxOf({ age: 13, situations: ['school_refusal'] });
    const hub = target(doc({ targets: ['children', 'child_rearing'] }), ctx);
    const room = target(doc({ targets: ['children', 'school_refusal'] }), ctx);
    expect(room.value).toBe(1);
    expect(hub.value).toBe(IMPLIED_TARGET_FIT);
    expect(hub.value).toBeGreaterThan(0.7);
    expect(hub.reason).toContain('年齢');
  });
  it('an adult reaching a children’s place through another target is flagged, not a full fit', () => {
    const poorAdult = target(doc({ targets: ['children', 'poverty'] }), ctxOf({ age: 45, situations: ['poverty'] }));
    expect(poorAdult.value).toBe(ADULT_AT_CHILDREN_FIT);
    expect(poorAdult.reason).toContain('要確認');
    // As a parent the same place is a full fit.
    expect(
      target(doc({ targets: ['children', 'poverty'] }), ctxOf({ age: 45, situations: ['poverty', 'single_parent'] }))
        .value,
    ).toBe(1);
  });
});

describe('stage', () => {
  it('the same step and one step above are both best', () => {
    const ctx = ctxOf({ stage: 2 });
    expect(stage(doc({ stages: [2] }), ctx).value).toBe(1);
    const next = stage(doc({ stages: [3] }), ctx);
    expect(next.value).toBe(1);
    expect(next.reason).toContain('一歩先');
  });
  it('a step two stages above is discouraged (A型 for someone who only just reconnected)', () => {
    const r = stage(doc({ stages: [4] }), ctxOf({ stage: 1 }));
    expect(r.value).toBeLessThan(0.5);
    expect(r.reason).toContain('負担');
    expect(stage(doc({ stages: [3] }), ctxOf({ stage: 1 })).value).toBeLessThan(
      stage(doc({ stages: [2] }), ctxOf({ stage: 1 })).value,
    );
  });
  it('a step back is acceptable but below the right step', () => {
    const back = stage(doc({ stages: [1] }), ctxOf({ stage: 2 })).value;
    expect(back).toBeGreaterThan(stage(doc({ stages: [4] }), ctxOf({ stage: 2 })).value);
    expect(back).toBeLessThan(1);
  });
  it('a place spanning several steps is judged by its best step for the person', () => {
    expect(stage(doc({ stages: [1, 4] }), ctxOf({ stage: 1 })).value).toBe(1);
    expect(stage(doc({ stages: [1, 4] }), ctxOf({ stage: 4 })).value).toBe(1);
  });
});

describe('category', () => {
  it('no wish is neutral', () => {
    expect(category(doc(), ctxOf()).value).toBe(NEUTRAL);
  });
  it('a wanted kind scores 1 and names it in Japanese; another kind scores 0', () => {
    const ctx = ctxOf({ wants: ['ibasho', 'salon'] });
    const hit = category(doc({ categories: ['consultation', 'ibasho'] }), ctx);
    expect(hit.value).toBe(1);
    expect(hit.reason).toContain('居場所');
    const miss = category(doc({ categories: ['employment_support'] }), ctx);
    expect(miss.value).toBe(0);
    expect(miss.reason).toContain('サロン・通いの場');
  });
});

describe('interest', () => {
  it('no interest is neutral', () => {
    expect(interest(doc(), ctxOf()).value).toBe(NEUTRAL);
  });
  it('finds an interest in tags, whatever the kana (カタカナ in the plan, ひらがな typed)', () => {
    const d = doc({ tags: ['パソコン教室', '囲碁'] });
    const r = interest(d, ctxOf({ interests: ['ぱそこん'] }));
    expect(r.value).toBe(1);
    expect(r.reason).toContain('ぱそこん');
  });
  it('more interests found scores higher; none found is low but not zero', () => {
    const d = doc({ description: '農業や製造業での就労体験' });
    const both = interest(d, ctxOf({ interests: ['農業', '製造業'] })).value;
    const half = interest(d, ctxOf({ interests: ['農業', '囲碁'] })).value;
    const none = interest(d, ctxOf({ interests: ['囲碁'] }));
    expect(both).toBeGreaterThan(half);
    expect(half).toBeGreaterThan(none.value);
    expect(none.value).toBeGreaterThan(0);
    expect(none.reason).toMatch(japanese);
  });
});

describe('needs', () => {
  it('nothing asked is neutral', () => {
    expect(needs(doc(), ctxOf()).value).toBe(NEUTRAL);
  });
  it('free: free 1, paid 0, unknown 0.5 with 要確認', () => {
    const ctx = ctxOf({ needs: { free: true } });
    expect(needs(doc({ cost: 'free' }), ctx).value).toBe(1);
    expect(needs(doc({ cost: 'paid' }), ctx).value).toBe(0);
    const unknown = needs(doc({ cost: 'unknown' }), ctx);
    expect(unknown.value).toBe(0.5);
    expect(unknown.reason).toContain('要確認');
  });
  it('peer support and child-friendliness are credited when the plan says so', () => {
    expect(needs(doc({ features: ['peer_support'] }), ctxOf({ needs: { peerSupport: true } })).value).toBe(1);
    expect(needs(doc({ targets: ['child_rearing'] }), ctxOf({ needs: { withChild: true } })).value).toBe(1);
    expect(needs(doc(), ctxOf({ needs: { wheelchair: true } })).value).toBe(0.5);
  });
  it('several needs average, and each is explained', () => {
    const r = needs(
      doc({ features: ['small_group'], cost: 'paid' }),
      ctxOf({ needs: { smallGroup: true, free: true } }),
    );
    expect(r.value).toBe(0.5);
    expect(r.reason).toContain('少人数');
    expect(r.reason).toContain('費用がかかります');
  });
});
