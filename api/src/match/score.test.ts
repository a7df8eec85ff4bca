import { describe, expect, it } from 'vitest';
import { candidateIn, contextIn } from './fixtures.ts';
import type { Municipality } from '@norishiro/data';
import { FACTORS } from './factors/index.ts';
import { rank, scoreCandidate } from './score.ts';
import { PLANNED_FACTOR, WEIGHTS } from './weights.ts';

const HIMI: Municipality = {
  code: '162051',
  prefecture: '富山県',
  name: '氷見市',
  reading: 'ひみし',
  cityHall: { lat: 36.85598, lng: 136.97287 },
  districts: [],
};
const ctxOf = contextIn(HIMI);

const doc = candidateIn(HIMI, {
  id: '162051-a',
  name: 'ボランティア活動体験プログラム',
  categories: ['volunteer_experience'],
  categoryLabels: ['ボランティア活動体験'],
  stages: [3],
});

describe('weights', () => {
  it('sum to 1 and weigh every factor, so a score stays in [0, 1]', () => {
    const total = Object.values(WEIGHTS).reduce((s, w) => s + w, 0);
    expect(total).toBeCloseTo(1, 10);
    expect(Object.keys(WEIGHTS).sort()).toEqual(Object.keys(FACTORS).sort());
    expect(Object.values(WEIGHTS).every((w) => w > 0)).toBe(true);
  });
});

describe('scoreCandidate', () => {
  it('explains every factor in a Japanese sentence and stays in [0, 1]', () => {
    const s = scoreCandidate(doc(), ctxOf({ age: 35, stage: 2, wants: ['volunteer_experience'], interests: ['農業'] }));
    expect(s.factors.map((f) => f.factor).sort()).toEqual(Object.keys(FACTORS).sort());
    for (const f of s.factors) expect(f.reason).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeLessThanOrEqual(1);
  });
  it('a planned resource shows, marked a little lower than the same one already running', () => {
    const ctx = ctxOf({ stage: 2 });
    const active = scoreCandidate(doc(), ctx).score;
    const planned = scoreCandidate(doc({ status: 'planned' }), ctx).score;
    expect(planned).toBeLessThan(active);
    expect(planned).toBeCloseTo(active * PLANNED_FACTOR, 2);
  });
  it('the right kind of place at the right step outscores a far-off step of the wrong kind', () => {
    const ctx = ctxOf({ stage: 1, wants: ['ibasho'] });
    const ibasho = scoreCandidate(doc({ id: '162051-ibasho', categories: ['ibasho'], stages: [1, 2] }), ctx).score;
    const job = scoreCandidate(doc({ id: '162051-job', categories: ['employment_support'], stages: [4] }), ctx).score;
    expect(ibasho).toBeGreaterThan(job);
  });
});

describe('rank', () => {
  it('highest score first', () => {
    const ctx = ctxOf({ stage: 2, wants: ['volunteer_experience'] });
    const ranked = rank([
      scoreCandidate(doc({ id: '162051-x', categories: ['salon'] }), ctx),
      scoreCandidate(doc({ id: '162051-y' }), ctx),
    ]);
    expect(ranked.map((s) => s.doc.id)).toEqual(['162051-y', '162051-x']);
  });
  it('ties go to the nearer, then to the id, whatever order they arrive in', () => {
    const ctx = ctxOf();
    const make = () => [
      scoreCandidate(doc({ id: '162051-c', distanceKm: 3 }), ctx),
      scoreCandidate(doc({ id: '162051-b', distanceKm: 3 }), ctx),
      scoreCandidate(doc({ id: '162051-a', distanceKm: 1 }), ctx),
    ];
    // Distance here does not move the score (a municipality-wide point is capped at neutral).
    expect(new Set(make().map((s) => s.score)).size).toBe(1);
    const expected = ['162051-a', '162051-b', '162051-c'];
    expect(rank(make()).map((s) => s.doc.id)).toEqual(expected);
    expect(rank(make().reverse()).map((s) => s.doc.id)).toEqual(expected);
  });
});
