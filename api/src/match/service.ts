import type { Meilisearch } from 'meilisearch';
import {
  distanceKm,
  type MatchResponse,
  type Municipality,
  type NeedsProfile,
  type ResourceSummary,
} from '@norishiro/data';
import { candidateFilter } from './candidates.ts';
import { buildContext, type MatchContext } from './context.ts';
import { SUMMARY_FIELDS, type Candidate } from './factors/index.ts';
import { detectGap } from './gap.ts';
import { rank, scoreCandidate } from './score.ts';
import { CANDIDATE_LIMIT } from './weights.ts';

/** Descriptions are the heaviest field and only the interest factor reads them. */
const fieldsFor = (ctx: MatchContext) =>
  ctx.interests.length > 0 ? SUMMARY_FIELDS : SUMMARY_FIELDS.filter((f) => f !== 'description');

/** One Meilisearch query applies the hard constraints and returns what scoring and display need. */
async function fetchCandidates(meili: Meilisearch, indexName: string, ctx: MatchContext): Promise<Candidate[]> {
  const res = await meili.index(indexName).search<ResourceSummary>('', {
    filter: candidateFilter(ctx),
    limit: CANDIDATE_LIMIT,
    sort: [`_geoPoint(${ctx.origin.lat}, ${ctx.origin.lng}):asc`],
    attributesToRetrieve: fieldsFor(ctx),
  });
  return res.hits.map((doc) => ({ ...doc, distanceKm: Math.round(distanceKm(ctx.origin, doc._geo) * 10) / 10 }));
}

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
  const candidates = await fetchCandidates(meili, indexName, ctx);
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
