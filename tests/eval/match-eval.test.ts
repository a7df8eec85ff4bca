import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadInventories } from '@norishiro/data/inventories';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { hitAt3, meanReciprocalRank, runScenario, table, type Outcome } from './run.ts';
import { scenarios } from './scenarios.ts';

/** The ranking must put a labelled fit in the top 3 for at least this share of scenarios. */
const MIN_HIT_AT_3 = 0.9;

describe('matching evaluation over the five plans', () => {
  let t: TestApp;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    t = await appWithInventories('pglite');
    // One after another, in file order, so the printed table never changes between runs.
    for (const s of scenarios) outcomes.push(await runScenario(t.app, s));
    console.log(`\n${table(outcomes)}\n`);
  });
  afterAll(() => t?.close());

  it('labels name real resources and every scenario has a unique name', () => {
    const ids = new Set(loadInventories().resources.map((r) => r.id));
    const unknown = scenarios.flatMap((s) =>
      [...s.mustTop3, ...s.mustNotTop5].filter((id) => !ids.has(id)).map((id) => `${s.name}: ${id}`),
    );
    expect(unknown).toEqual([]);
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it('no scenario shows a resource it must not show in the top 5', () => {
    const violations = outcomes.flatMap((o) => o.violations.map((id) => `${o.scenario.name}: ${id}`));
    expect(violations).toEqual([]);
  });

  it(`hit@3 is at least ${MIN_HIT_AT_3}`, () => {
    const misses = outcomes
      .filter((o) => o.firstHit < 1 || o.firstHit > 3)
      .map((o) => `${o.scenario.name} (rank ${o.firstHit || '-'})`);
    expect(hitAt3(outcomes), `misses: ${misses.join(' / ')}`).toBeGreaterThanOrEqual(MIN_HIT_AT_3);
    expect(meanReciprocalRank(outcomes)).toBeGreaterThan(0);
  });

  it('is deterministic: the same profile gives the same order', async () => {
    for (const o of outcomes.slice(0, 5)) expect((await runScenario(t.app, o.scenario)).ids).toEqual(o.ids);
  });
});
