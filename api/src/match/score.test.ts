import { describe, expect, it } from 'vitest';
import { candidateIn, contextIn } from './fixtures.ts';
import type { Municipality } from '@norishiro/data';
import { FACTORS } from './factors/index.ts';
import { outOfAgeBand, rank, ranks, scoreCandidate } from './score.ts';
import { KNOWN_CLOSED_FACTOR, NOT_OPEN_FACTOR, WEIGHTS } from './weights.ts';

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
  it('a resource not yet open shows lower than the same one already running', () => {
    const ctx = ctxOf({ stage: 2 });
    const active = scoreCandidate(doc(), ctx).score;
    expect(scoreCandidate(doc({ status: 'planned' }), ctx).score).toBeCloseTo(active * NOT_OPEN_FACTOR, 2);
  });
  it('known closed at every free hour weighs far more than unknown hours', () => {
    const ctx = ctxOf({ stage: 3, availability: [{ day: 'sat', from: '10:00', to: '12:00' }] });
    const unknown = scoreCandidate(doc(), ctx);
    const closed = scoreCandidate(doc({ scheduleKnown: true, days: ['mon'], openHours: ['mon-10'] }), ctx);
    expect(closed.closed).toBe(true);
    expect(closed.score).toBeLessThan(unknown.score * KNOWN_CLOSED_FACTOR + 0.01);
    expect(unknown.score - closed.score).toBeGreaterThan(0.25);
  });
});

describe('outOfAgeBand', () => {
  const hub = doc({ categories: ['childcare_hub'], targets: ['children', 'child_rearing'] });
  it('a preschool hub is not for a 13-year-old, but is for a parent and for a toddler', () => {
    expect(outOfAgeBand(hub, ctxOf({ age: 13, situations: ['school_refusal'] }))).toBe(true);
    expect(outOfAgeBand(hub, ctxOf({ age: 31, situations: ['child_rearing'] }))).toBe(false);
    expect(outOfAgeBand(hub, ctxOf({ age: 2 }))).toBe(false);
  });
  it('a nursery is not for a school-age child', () => {
    expect(outOfAgeBand(doc({ name: '地域型保育所きらら', categories: ['life_support'] }), ctxOf({ age: 14 }))).toBe(
      true,
    );
  });
});

describe('rank', () => {
  it('highest score first', () => {
    const ctx = ctxOf({ stage: 2, wants: ['volunteer_experience'] });
    const ranked = rank(
      [
        scoreCandidate(doc({ id: '162051-x', categories: ['salon'] }), ctx),
        scoreCandidate(doc({ id: '162051-y' }), ctx),
      ],
      ctx,
    );
    expect(ranked.map((s) => s.doc.id)).toEqual(['162051-y', '162051-x']);
  });
  it('a tie goes to the exact step (B型 before A型 at stage 3), then known hours, then by name, never by id', () => {
    const ctx = ctxOf({ stage: 3 });
    const a = scoreCandidate(doc({ id: '162051-a', name: '就労継続支援A型', stages: [4] }), ctx);
    const b = scoreCandidate(doc({ id: '162051-b', name: '就労継続支援B型', stages: [3] }), ctx);
    expect(a.score).toBe(b.score);
    expect(rank([a, b], ctx).map((s) => s.doc.id)).toEqual(['162051-b', '162051-a']);
    const known = scoreCandidate(doc({ id: '162051-z', name: 'ん', scheduleKnown: true, days: [] }), ctx);
    expect(rank([b, known], ctx)[0]!.doc.id).toBe('162051-z');
  });
  it('equal scores share a rank', () => {
    const ctx = ctxOf();
    const ranked = rank(
      [
        scoreCandidate(doc({ id: '162051-c', stages: [1] }), ctx),
        scoreCandidate(doc({ id: '162051-b' }), ctx),
        scoreCandidate(doc({ id: '162051-a' }), ctx),
      ],
      ctx,
    );
    expect(ranks(ranked)).toEqual([1, 2, 2]);
  });
});
