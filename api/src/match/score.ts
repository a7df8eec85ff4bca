import type { MatchFactor, MatchFactorName } from '@norishiro/data';
import type { MatchContext } from './context.ts';
import { FACTORS, type Candidate } from './factors/index.ts';
import { knownClosed } from './factors/schedule.ts';
import { bestStageDiff } from './factors/stage.ts';
import { isOpen } from './factors/types.ts';
import { KNOWN_CLOSED_FACTOR, NOT_OPEN_FACTOR, WEIGHTS } from './weights.ts';

export interface Scored {
  doc: Candidate;
  score: number;
  factors: MatchFactor[];
  closed: boolean;
}

const FACTOR_NAMES = Object.keys(FACTORS) as MatchFactorName[];
const WEIGHT_SUM = FACTOR_NAMES.reduce((s, f) => s + WEIGHTS[f], 0);

/**
 * Weighted mean of every factor, each explained; known-closed at every free hour and not yet
 * open each keep only part of the score.
 */
export function scoreCandidate(doc: Candidate, ctx: MatchContext): Scored {
  const factors = FACTOR_NAMES.map((factor) => {
    const { value, reason } = FACTORS[factor](doc, ctx);
    return { factor, weight: WEIGHTS[factor], value: round(value), reason };
  });
  const closed = knownClosed(doc, ctx);
  const total = factors.reduce((s, f) => s + f.weight * f.value, 0) / WEIGHT_SUM;
  const factor = (closed ? KNOWN_CLOSED_FACTOR : 1) * (isOpen(doc) ? 1 : NOT_OPEN_FACTOR);
  return { doc, score: round(total * factor), factors, closed };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const byName = new Intl.Collator('ja');

/**
 * Places for small children are not for a school-age person who is not there as a parent:
 * a 13-year-old gets nothing from a 子育て支援拠点 or a nursery, whatever its age limits say.
 */
export function outOfAgeBand(doc: Candidate, ctx: MatchContext): boolean {
  const age = ctx.profile.age;
  if (age === undefined || age < 7) return false;
  const parent =
    ctx.situations.includes('child_rearing') ||
    ctx.situations.includes('single_parent') ||
    ctx.caredFor.includes('children');
  if (parent) return false;
  if (doc.categories.includes('childcare_hub')) return true;
  if (/保育所|保育園|こども園/.test(doc.name)) return true;
  return age >= 13 && /学童/.test(doc.name);
}

/**
 * Highest score first. Equal scores are broken the way a coordinator would: the better step
 * on the ladder, then known hours, then the nearer known place, then by name (not by id).
 */
export function rank(scored: Scored[], ctx: MatchContext): Scored[] {
  const keyed = scored.map((s) => {
    const d = bestStageDiff(s.doc.stages, ctx.profile.stage);
    return {
      s,
      stage: d === 0 ? 0 : d === 1 ? 1 : 2 + Math.abs(d),
      known: s.doc.scheduleKnown ? 0 : 1,
      dist: s.doc.distanceKm ?? Number.POSITIVE_INFINITY,
    };
  });
  keyed.sort(
    (a, b) =>
      b.s.score - a.s.score ||
      a.stage - b.stage ||
      a.known - b.known ||
      a.dist - b.dist ||
      byName.compare(a.s.doc.name, b.s.doc.name) ||
      (a.s.doc.id < b.s.doc.id ? -1 : a.s.doc.id > b.s.doc.id ? 1 : 0),
  );
  return keyed.map((k) => k.s);
}

/** Competition ranks: equal scores share a rank (1, 2, 2, 4), so the desk shows them as equal. */
export function ranks(ranked: readonly Scored[]): number[] {
  return ranked
    .map((s, i) => (i > 0 && ranked[i - 1]!.score === s.score ? -1 : i + 1))
    .map((r, i, all) => {
      let j = i;
      while (all[j] === -1) j--;
      return all[j]!;
    });
}
