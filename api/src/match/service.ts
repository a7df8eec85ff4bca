import type { Meilisearch } from 'meilisearch';
import { MeiliHttpError, meiliUnavailable, searchIndex } from '@norishiro/indexer';
import {
  distanceKm,
  type HouseholdMatchResponse,
  type HouseholdProfile,
  type MatchGap,
  type MatchResponse,
  type MatchResult,
  type Municipality,
  type NeedsProfile,
  MATCH_RESOURCE_FIELDS,
  type MatchResource,
} from '@norishiro/data';
import { candidateQuery, withinReach } from './candidates.ts';
import { buildContext, type MatchContext } from './context.ts';
import type { Candidate } from './factors/index.ts';
import { isLocated, isOffered } from './factors/types.ts';
import { detectGap } from './gap.ts';
import { sharedResults, householdGap } from './household.ts';
import { outOfAgeBand, rank, ranks, scoreCandidate } from './score.ts';

/** A shown result carries the fields the desk shows (MatchResourceSchema), not what scoring read. */
function shownResource(doc: Candidate): MatchResource {
  const out: Record<string, unknown> = {};
  for (const f of MATCH_RESOURCE_FIELDS) if (doc[f] !== undefined) out[f] = doc[f];
  return out as MatchResource;
}

/**
 * Meilisearch quotes the part of a query it refuses, and this query holds the profile (age,
 * home, situations): a refusal keeps its status and code, never its message, so nothing of
 * the person reaches the error log. An unreachable engine's errors quote nothing and pass.
 */
function withoutProfile(e: unknown): unknown {
  if (meiliUnavailable(e) || !(e instanceof MeiliHttpError)) return e;
  const { code, type } = e.cause;
  return new MeiliHttpError(e.status, { code, type, message: `Meilisearch refused the matching query (${code})` });
}

/** One Meilisearch query applies the hard constraints and returns what scoring and display need. */
async function fetchCandidates(meili: Meilisearch, indexName: string, ctx: MatchContext): Promise<Candidate[]> {
  const { origin } = ctx;
  const res = await searchIndex<Candidate>(meili, indexName, candidateQuery(ctx)).catch((e: unknown) => {
    throw withoutProfile(e);
  });
  const inReach = res.hits.filter((doc) => withinReach(doc, ctx));
  // The parsed hits are ours alone: each gets its distance in place, not a copy of itself.
  for (const doc of inReach) {
    if (origin && doc._geo && isLocated(doc)) doc.distanceKm = Math.round(distanceKm(origin, doc._geo) * 10) / 10;
  }
  return inReach;
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
    results: shown.map(({ doc, score, factors }, i) => ({
      resource: shownResource(doc),
      score,
      rank: rankOf[i]!,
      ...(doc.distanceKm === undefined ? {} : { distanceKm: doc.distanceKm }),
      planned: doc.status !== 'active',
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
