import type { Meilisearch } from 'meilisearch';
import {
  distanceKm,
  type MatchResponse,
  type Municipality,
  type NeedsProfile,
  type SearchDocument,
} from '@norishiro/data';
import { candidateFilter } from './candidates.ts';
import { buildContext } from './context.ts';
import type { Candidate } from './factors/index.ts';
import { detectGap } from './gap.ts';
import { rank, scoreCandidate } from './score.ts';
import { CANDIDATE_LIMIT } from './weights.ts';

/**
 * Ranks resources for a needs profile. The profile is used and dropped: nothing here stores
 * or logs it (it is 要配慮個人情報).
 */
export async function matchProfile(
  meili: Meilisearch,
  indexName: string,
  profile: NeedsProfile,
  municipality: Municipality,
): Promise<MatchResponse> {
  const ctx = buildContext(profile, municipality);
  const res = await meili.index<SearchDocument>(indexName).search('', {
    filter: candidateFilter(ctx),
    limit: CANDIDATE_LIMIT,
    sort: [`_geoPoint(${ctx.origin.lat}, ${ctx.origin.lng}):asc`],
  });
  const candidates: Candidate[] = res.hits.map((doc) => ({
    ...doc,
    distanceKm: Math.round(distanceKm(ctx.origin, doc._geo) * 10) / 10,
  }));
  const ranked = rank(candidates.map((doc) => scoreCandidate(doc, ctx)));
  return {
    results: ranked.slice(0, profile.limit).map(({ doc: { distanceKm: d, ...resource }, score, factors }) => ({
      resource,
      score,
      distanceKm: d,
      planned: resource.status === 'planned',
      factors,
    })),
    considered: candidates.length,
    gap: detectGap(ranked, ctx),
  };
}
