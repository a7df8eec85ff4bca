import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventories } from '@norishiro/data/inventories';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { coordinatorScenarios } from './coordinator-scenarios.ts';
import { householdScenarios } from './household-scenarios.ts';
import {
  gapScores,
  hitAt3,
  meanReciprocalRank,
  runHousehold,
  runScenario,
  table,
  violationCount,
  type GapOutcome,
  type Outcome,
} from './run.ts';
import { scenarios as firstScenarios, type Coverage, type Scenario } from './scenarios.ts';

/** The ranking must put a labelled fit in the top 3 for at least this share of rankings. */
const MIN_HIT_AT_3 = 0.9;
/** A gap is evidence for the 構築会議: both its precision and its recall must reach this. */
const MIN_GAP_PRECISION = 0.8;
const MIN_GAP_RECALL = 0.8;
const MAX_VIOLATIONS = 2;

const allScenarios: Scenario[] = [...firstScenarios, ...coordinatorScenarios];

describe('matching evaluation over the five plans', () => {
  let t: TestApp;
  const rankings: Outcome[] = [];
  const gaps: GapOutcome[] = [];
  const noLocation: { name: string; reasons: string[]; distances: (number | undefined)[]; summary: string }[] = [];

  beforeAll(async () => {
    t = await appWithInventories('pglite');
    // One after another, in file order, so the printed table never changes between runs.
    for (const s of allScenarios) {
      const r = await runScenario(t.app, s);
      rankings.push(r.ranking);
      gaps.push(r.gap);
      if (s.profile.home === undefined && s.profile.district === undefined) {
        noLocation.push({
          name: s.name,
          reasons: r.body.results.flatMap((x) => x.factors.filter((f) => f.factor === 'distance').map((f) => f.reason)),
          distances: r.body.results.map((x) => x.distanceKm),
          summary: [r.body.gap.summary, ...r.body.gap.missing.map((m) => m.message)].join(' '),
        });
      }
    }
    for (const h of householdScenarios) {
      const r = await runHousehold(t.app, h);
      rankings.push(...r.rankings);
      gaps.push(r.gap);
    }
    console.log(`\n${table(rankings, gaps)}\n`);
  });
  afterAll(() => t?.close());

  it('labels name real resources and every scenario has a unique name', () => {
    const ids = new Set(loadInventories().resources.map((r) => r.id));
    const labels = [
      ...allScenarios.map((s) => ({ name: s.name, ids: [...s.mustTop3, ...s.mustNotTop5] })),
      ...householdScenarios.map((h) => ({
        name: h.name,
        ids: [...h.members.flatMap((m) => [...m.mustTop3, ...m.mustNotTop5]), ...(h.shared ?? [])],
      })),
    ];
    expect(labels.flatMap((l) => l.ids.filter((id) => !ids.has(id)).map((id) => `${l.name}: ${id}`))).toEqual([]);
    const names = labels.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('the second set covers what a coordinator meets every week', () => {
    const count = (c: Coverage) => coordinatorScenarios.filter((s) => s.covers?.includes(c)).length;
    expect(coordinatorScenarios.length).toBeGreaterThanOrEqual(40);
    expect(coordinatorScenarios.filter((s) => s.gap === true).length).toBeGreaterThanOrEqual(8);
    expect(count('true-gap')).toBe(coordinatorScenarios.filter((s) => s.gap === true).length);
    expect(count('near-gap')).toBeGreaterThanOrEqual(8);
    for (const c of [
      'carer',
      'household',
      'school-age',
      'no-location',
      'district-typed',
      'kana-interest',
      'evening-weekend',
    ] as const)
      expect(count(c), c).toBeGreaterThanOrEqual(3);
    expect(householdScenarios.length).toBeGreaterThanOrEqual(5);
  });

  it(`shows at most ${MAX_VIOLATIONS} resources a scenario must not show in the top 5`, () => {
    const violations = rankings.flatMap((o) => o.violations.map((id) => `${o.name}: ${id}`));
    expect(violations.length, violations.join('\n')).toBeLessThanOrEqual(MAX_VIOLATIONS);
    expect(violationCount(rankings)).toBe(violations.length);
  });

  it(`hit@3 is at least ${MIN_HIT_AT_3}`, () => {
    const misses = rankings
      .filter((o) => o.mustTop3.length > 0 && (o.firstHit < 1 || o.firstHit > 3))
      .map((o) => `${o.name} (rank ${o.firstHit || '-'})`);
    expect(hitAt3(rankings), `misses: ${misses.join(' / ')}`).toBeGreaterThanOrEqual(MIN_HIT_AT_3);
    expect(meanReciprocalRank(rankings)).toBeGreaterThan(0);
  });

  it(`the gap signal has precision ≥ ${MIN_GAP_PRECISION} and recall ≥ ${MIN_GAP_RECALL}`, () => {
    const wrong = gaps
      .filter((g) => g.expected !== g.gap.suspected)
      .map((g) => `${g.expected ? 'missed' : 'false'}: ${g.name}`);
    const s = gapScores(gaps);
    expect(s.precision, wrong.join(' / ')).toBeGreaterThanOrEqual(MIN_GAP_PRECISION);
    expect(s.recall, wrong.join(' / ')).toBeGreaterThanOrEqual(MIN_GAP_RECALL);
  });

  it('a gap names the real missing thing', () => {
    const unnamed = gaps
      .filter((g) => g.expected && g.gap.suspected)
      .flatMap((g) =>
        g.names.filter((w) => !g.gap.summary.includes(w)).map((w) => `${g.name}: 「${w}」 not in 「${g.gap.summary}」`),
      );
    expect(unnamed).toEqual([]);
  });

  it('with no location, distance is neutral and every reason says so', () => {
    expect(noLocation.length).toBeGreaterThanOrEqual(5);
    for (const n of noLocation) {
      expect(
        n.distances.every((d) => d === undefined),
        n.name,
      ).toBe(true);
      expect(n.reasons.length, n.name).toBeGreaterThan(0);
      expect(
        n.reasons.every((r) => r.includes('指定')),
        `${n.name}: ${n.reasons[0]}`,
      ).toBe(true);
      expect(n.summary, n.name).not.toMatch(/km/);
    }
  });

  it('is deterministic: the same profile gives the same order', async () => {
    for (const s of allScenarios.slice(40, 46)) {
      const again = await runScenario(t.app, s);
      expect(again.ranking.ids).toEqual(rankings.find((o) => o.name === s.name)?.ids);
    }
  });
});
