import { relationLabels, type HouseholdMemberResult, type MatchGap, type SharedResult } from '@norishiro/data';
import { GAP_RULE } from './gap.ts';

const memberName = (m: Pick<HouseholdMemberResult, 'member' | 'relation'>) =>
  `${relationLabels[m.relation]}（${m.member + 1}人目）`;

/**
 * Resources among the results of two or more members: one place or desk the household can
 * use together. Ordered by how many members it serves, then by its best rank among them.
 */
export function sharedResults(members: readonly HouseholdMemberResult[]): SharedResult[] {
  const byId = new Map<string, { result: HouseholdMemberResult['results'][number]; members: number[]; best: number }>();
  for (const m of members) {
    for (const r of m.results) {
      const seen = byId.get(r.resource.id);
      if (seen) {
        seen.members.push(m.member);
        seen.best = Math.min(seen.best, r.rank);
      } else byId.set(r.resource.id, { result: r, members: [m.member], best: r.rank });
    }
  }
  return [...byId.values()]
    .filter((s) => s.members.length >= 2)
    .sort(
      (a, b) =>
        b.members.length - a.members.length ||
        a.best - b.best ||
        (a.result.resource.id < b.result.resource.id ? -1 : 1),
    )
    .map(({ result, members: ms }) => ({
      resource: result.resource,
      members: ms,
      ...(result.distanceKm === undefined ? {} : { distanceKm: result.distanceKm }),
      reason: `${ms.map((i) => memberName(members[i]!)).join('・')}に共通する候補です`,
    }));
}

/** The household's gap: every member's missing thing, each named with whose it is. */
export function householdGap(members: readonly HouseholdMemberResult[]): MatchGap {
  const gaps = members.filter((m) => m.gap.suspected);
  if (gaps.length === 0) {
    return { suspected: false, summary: '世帯のどの人にも、条件に合う資源があります', rule: GAP_RULE, missing: [] };
  }
  const missing = gaps.flatMap((m) => m.gap.missing.map((x) => ({ ...x, message: `${memberName(m)}：${x.message}` })));
  return { suspected: true, summary: missing.map((x) => x.message).join('／'), rule: GAP_RULE, missing };
}
