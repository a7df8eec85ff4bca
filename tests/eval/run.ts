import type { MatchResponse, NeedsProfileInput } from '@norishiro/data';
import { postJson, type TestApp } from '../support/app.ts';
import type { Scenario } from './scenarios.ts';

export interface Outcome {
  scenario: Scenario;
  /** Result ids, best first. */
  ids: string[];
  /** 1-based rank of the first expected id, or 0 when none came back. */
  firstHit: number;
  /** Expected-absent ids that turned up in the top 5. */
  violations: string[];
}

export async function runScenario(app: TestApp['app'], scenario: Scenario): Promise<Outcome> {
  const profile: NeedsProfileInput = { limit: 50, ...scenario.profile };
  const res = await postJson(app, '/api/match', profile);
  if (res.status !== 200) throw new Error(`${scenario.name}: /api/match answered ${res.status} ${await res.text()}`);
  const body = (await res.json()) as MatchResponse;
  const ids = body.results.map((r) => r.resource.id);
  const index = ids.findIndex((id) => scenario.mustTop3.includes(id));
  const top5 = ids.slice(0, 5);
  return { scenario, ids, firstHit: index + 1, violations: scenario.mustNotTop5.filter((id) => top5.includes(id)) };
}

/** Share of scenarios with an expected id in the top 3. */
export const hitAt3 = (outcomes: Outcome[]) =>
  outcomes.filter((o) => o.firstHit >= 1 && o.firstHit <= 3).length / outcomes.length;

/** Mean reciprocal rank of the first expected id (0 when absent). */
export const meanReciprocalRank = (outcomes: Outcome[]) =>
  outcomes.reduce((s, o) => s + (o.firstHit > 0 ? 1 / o.firstHit : 0), 0) / outcomes.length;

export function table(outcomes: Outcome[]): string {
  const rows = outcomes.map((o) => {
    const rank = o.firstHit === 0 ? '-' : String(o.firstHit);
    const mark = o.firstHit >= 1 && o.firstHit <= 3 ? 'ok ' : 'MISS';
    const bad = o.violations.length > 0 ? `  NG: ${o.violations.join(', ')}` : '';
    return `${mark} ${rank.padStart(2)}  ${o.scenario.name}  [top5: ${o.ids.slice(0, 5).join(', ')}]${bad}`;
  });
  return [
    ...rows,
    `hit@3 = ${hitAt3(outcomes).toFixed(3)}   MRR = ${meanReciprocalRank(outcomes).toFixed(3)}   (${outcomes.length} scenarios)`,
  ].join('\n');
}
