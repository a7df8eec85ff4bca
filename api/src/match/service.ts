import type { Meilisearch } from 'meilisearch';
import {
  distanceKm,
  type HouseholdMatchResponse,
  type HouseholdProfile,
  type MatchGap,
  type MatchResponse,
  type MatchResult,
  type Municipality,
  type NeedsProfile,
  type ResourceSummary,
} from '@norishiro/data';
import { candidateFilter } from './candidates.ts';
import { buildContext, type MatchContext } from './context.ts';
import { SUMMARY_FIELDS, type Candidate } from './factors/index.ts';
import { isLocated, isOffered } from './factors/types.ts';
import { detectGap } from './gap.ts';
import { sharedResults, householdGap } from './household.ts';
import { outOfAgeBand, rank, ranks, scoreCandidate } from './score.ts';
import { CANDIDATE_LIMIT } from './weights.ts';

/** Descriptions are the heaviest field and only the interest factor reads them. */
const fieldsFor = (ctx: MatchContext) =>
  ctx.interests.length > 0 ? SUMMARY_FIELDS : SUMMARY_FIELDS.filter((f) => f !== 'description');

/** One Meilisearch query applies the hard constraints and returns what scoring and display need. */
async function fetchCandidates(meili: Meilisearch, indexName: string, ctx: MatchContext): Promise<Candidate[]> {
  const { origin } = ctx;
  const res = await meili.index(indexName).search<ResourceSummary>('', {
    filter: candidateFilter(ctx),
    limit: CANDIDATE_LIMIT,
    ...(origin ? { sort: [`_geoPoint(${origin.lat}, ${origin.lng}):asc`] } : {}),
    attributesToRetrieve: fieldsFor(ctx),
  });
  return res.hits.map((doc) => ({
    ...doc,
    distanceKm: origin && doc._geo && isLocated(doc) ? Math.round(distanceKm(origin, doc._geo) * 10) / 10 : undefined,
  }));
}

interface Ranked {
  results: MatchResult[];
  considered: number;
  gap: MatchGap;
}

async function rankFor(meili: Meilisearch, indexName: string, profile: NeedsProfile, m: Municipality): Promise<Ranked> {
  const ctx = buildContext(profile, m);
  const candidates = await fetchCandidates(meili, indexName, ctx);
  // Roles and meetings stay in the directory; only places, programmes and services are ranked.
  const scored = rank(
    candidates.filter((doc) => isOffered(doc) && !outOfAgeBand(doc, ctx)).map((doc) => scoreCandidate(doc, ctx)),
    ctx,
  );
  const shown = scored.slice(0, profile.limit);
  const rankOf = ranks(shown);
  return {
    results: shown.map(({ doc: { distanceKm: d, ...resource }, score, factors }, i) => ({
      resource,
      score,
      rank: rankOf[i]!,
      ...(d === undefined ? {} : { distanceKm: d }),
      planned: resource.status !== 'active',
      factors,
    })),
    considered: candidates.length,
    gap: detectGap(scored, ctx),
  };
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
  return rankFor(meili, indexName, profile, municipality);
}

/**
 * Ranks for every member of a household with the same rules, then finds what serves two or
 * more of them and the household's combined gap. Nothing is stored or logged.
 */
export async function matchHousehold(
  meili: Meilisearch,
  indexName: string,
  household: HouseholdProfile,
  municipality: Municipality,
): Promise<HouseholdMatchResponse> {
  const members = await Promise.all(
    household.members.map(async ({ relation, ...needs }, member) => {
      const profile: NeedsProfile = {
        ...needs,
        municipality: household.municipality,
        home: household.home,
        district: household.district,
        limit: household.limit,
      };
      return { member, relation, ...(await rankFor(meili, indexName, profile, municipality)) };
    }),
  );
  return { members, shared: sharedResults(members), gap: householdGap(members) };
}
