import type { MatchFactor, MatchFactorName } from '@norishiro/data';
import type { MatchContext } from './context.ts';
import { FACTORS, type Candidate } from './factors/index.ts';
import { PLANNED_FACTOR, WEIGHTS } from './weights.ts';

export interface Scored {
  doc: Candidate;
  score: number;
  factors: MatchFactor[];
}

/** Weighted mean of every factor, each explained; a planned resource counts a little less. */
export function scoreCandidate(doc: Candidate, ctx: MatchContext): Scored {
  const factors = (Object.keys(FACTORS) as MatchFactorName[]).map((factor) => {
    const { value, reason } = FACTORS[factor](doc, ctx);
    return { factor, weight: WEIGHTS[factor], value: round(value), reason };
  });
  const total = factors.reduce((s, f) => s + f.weight * f.value, 0) / factors.reduce((s, f) => s + f.weight, 0);
  return { doc, score: round(total * (doc.status === 'planned' ? PLANNED_FACTOR : 1)), factors };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Highest score first; ties go to the nearer, then to the id, so the order never wobbles. */
export function rank(scored: Scored[]): Scored[] {
  return scored.sort(
    (a, b) => b.score - a.score || a.doc.distanceKm - b.doc.distanceKm || (a.doc.id < b.doc.id ? -1 : 1),
  );
}
