import type { HouseholdMatchResponse, MatchGap, MatchResponse, MatchResult, NeedsProfileInput } from '@norishiro/data';
import { postJson, type TestApp } from '../support/app.ts';
import type { HouseholdScenario } from './household-scenarios.ts';
import type { Scenario } from './scenarios.ts';

/** One labelled ranking: a single person's, or one member's within a household. */
export interface Outcome {
  name: string;
  mustTop3: string[];
  /** Result ids, best first. */
  ids: string[];
  results: MatchResult[];
  /** 1-based rank of the first expected id, or 0 when none came back. */
  firstHit: number;
  /** Expected-absent ids that turned up in the top 5. */
  violations: string[];
}

/** One gap decision against its label (a single person, or a whole household). */
export interface GapOutcome {
  name: string;
  expected: boolean;
  gap: MatchGap;
  names: string[];
}

function outcome(name: string, labels: { mustTop3: string[]; mustNotTop5: string[] }, results: MatchResult[]): Outcome {
  const ids = results.map((r) => r.resource.id);
  const index = ids.findIndex((id) => labels.mustTop3.includes(id));
  const top5 = ids.slice(0, 5);
  return {
    name,
    mustTop3: labels.mustTop3,
    ids,
    results,
    firstHit: index + 1,
    violations: labels.mustNotTop5.filter((id) => top5.includes(id)),
  };
}

export async function matchProfile(app: TestApp['app'], profile: NeedsProfileInput): Promise<MatchResponse> {
  const res = await postJson(app, '/api/match', profile);
  if (res.status !== 200) throw new Error(`/api/match answered ${res.status} ${await res.text()}`);
  return (await res.json()) as MatchResponse;
}

export async function runScenario(
  app: TestApp['app'],
  scenario: Scenario,
): Promise<{ ranking: Outcome; gap: GapOutcome; body: MatchResponse }> {
  const body = await matchProfile(app, { limit: 50, ...scenario.profile });
  return {
    ranking: outcome(scenario.name, scenario, body.results),
    gap: { name: scenario.name, expected: scenario.gap ?? false, gap: body.gap, names: scenario.gapNames ?? [] },
    body,
  };
}

export async function runHousehold(
  app: TestApp['app'],
  scenario: HouseholdScenario,
): Promise<{ rankings: Outcome[]; gap: GapOutcome; body: HouseholdMatchResponse }> {
  const res = await postJson(app, '/api/match/household', { limit: 20, ...scenario.household });
  if (res.status !== 200) throw new Error(`${scenario.name}: answered ${res.status} ${await res.text()}`);
  const body = (await res.json()) as HouseholdMatchResponse;
  const rankings = scenario.members.map((labels, i) =>
    outcome(`${scenario.name} #${i + 1}`, labels, body.members[i]?.results ?? []),
  );
  return {
    rankings,
    gap: { name: scenario.name, expected: scenario.gap, gap: body.gap, names: scenario.gapNames ?? [] },
    body,
  };
}

/** Rankings that have a labelled answer (a true gap may have none). */
const labelled = (outcomes: Outcome[]) => outcomes.filter((o) => o.mustTop3.length > 0);

/** Share of labelled rankings with an expected id in the top 3. */
export const hitAt3 = (outcomes: Outcome[]) => {
  const l = labelled(outcomes);
  return l.filter((o) => o.firstHit >= 1 && o.firstHit <= 3).length / l.length;
};

/** Mean reciprocal rank of the first expected id (0 when absent). */
export const meanReciprocalRank = (outcomes: Outcome[]) => {
  const l = labelled(outcomes);
  return l.reduce((s, o) => s + (o.firstHit > 0 ? 1 / o.firstHit : 0), 0) / l.length;
};

export const violationCount = (outcomes: Outcome[]) => outcomes.reduce((s, o) => s + o.violations.length, 0);

/** Precision and recall of the gap signal against the labels (1 when there is nothing to count). */
export function gapScores(gaps: GapOutcome[]): {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
} {
  const tp = gaps.filter((g) => g.expected && g.gap.suspected).length;
  const fp = gaps.filter((g) => !g.expected && g.gap.suspected).length;
  const fn = gaps.filter((g) => g.expected && !g.gap.suspected).length;
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), tp, fp, fn };
}

export function table(outcomes: Outcome[], gaps: GapOutcome[]): string {
  const rows = outcomes.map((o) => {
    const rank = o.firstHit === 0 ? '-' : String(o.firstHit);
    const mark = o.mustTop3.length === 0 ? '   ' : o.firstHit >= 1 && o.firstHit <= 3 ? 'ok ' : 'MISS';
    const bad = o.violations.length > 0 ? `  NG: ${o.violations.join(', ')}` : '';
    return `${mark} ${rank.padStart(2)}  ${o.name}  [top5: ${o.ids.slice(0, 5).join(', ')}]${bad}`;
  });
  const gapRows = gaps
    .filter((g) => g.expected !== g.gap.suspected)
    .map((g) => `GAP ${g.expected ? 'missed' : 'false'}: ${g.name}  「${g.gap.summary}」`);
  const s = gapScores(gaps);
  return [
    ...rows,
    ...gapRows,
    `hit@3 = ${hitAt3(outcomes).toFixed(3)}   MRR = ${meanReciprocalRank(outcomes).toFixed(3)}   ` +
      `must-not-top-5 violations = ${violationCount(outcomes)}   ` +
      `gap precision = ${s.precision.toFixed(3)} recall = ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})   ` +
      `(${labelled(outcomes).length} labelled rankings, ${gaps.length} gap decisions)`,
  ].join('\n');
}
