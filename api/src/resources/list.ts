import type { MultiSearchResponse, SearchResponse } from 'meilisearch';
import type { ResourceHit, ResourceList, ResourceQuery, SearchDocument } from '@norishiro/data';
import type { AppDeps } from '../deps.ts';
import {
  FACETS,
  JAPANESE,
  MATCH_ALL_WORDS,
  resourceSort,
  tierFilters,
  unconfirmedFor,
  unionFilter,
} from './search-params.ts';

type Doc = SearchDocument & { _geoDistance?: number };

/** The part of one page [offset, offset + limit) that falls in each tier, in order. */
export function pageSlices(
  counts: readonly number[],
  offset: number,
  limit: number,
): { tier: number; offset: number; limit: number }[] {
  const out: { tier: number; offset: number; limit: number }[] = [];
  let start = 0;
  for (const [tier, count] of counts.entries()) {
    const from = Math.max(offset, start);
    const to = Math.min(offset + limit, start + count);
    if (to > from) out.push({ tier, offset: from - start, limit: to - from });
    start += count;
  }
  return out;
}

/**
 * One page of the public list. Tiers (confirmed matches, then entries the plan is silent
 * on; located before unlocated near a point) are counted first, then only the tiers the
 * page touches are fetched: two round trips, each one multi-search.
 */
export async function listResources(deps: AppDeps, q: ResourceQuery): Promise<ResourceList> {
  const common = {
    indexUid: deps.indexName,
    q: q.q ?? '',
    ...JAPANESE,
    ...(q.q ? MATCH_ALL_WORDS : {}),
  };
  const tiers = tierFilters(q);
  const counted = (await deps.meili.multiSearch({
    queries: [
      ...tiers.map((filter) => ({ ...common, filter, page: 1, hitsPerPage: 0 })),
      { ...common, filter: unionFilter(q), facets: [...FACETS], page: 1, hitsPerPage: 0 },
    ],
  })) as MultiSearchResponse<Doc>;
  const counts = counted.results.slice(0, tiers.length).map((r) => (r as SearchResponse).totalHits ?? 0);
  const union = counted.results[tiers.length]!;
  const total = counts.reduce((a, b) => a + b, 0);

  const slices = pageSlices(counts, (q.page - 1) * q.perPage, q.perPage);
  const sort = resourceSort(q);
  const fetched = slices.length
    ? ((await deps.meili.multiSearch({
        queries: slices.map((s) => ({ ...common, filter: tiers[s.tier]!, sort, offset: s.offset, limit: s.limit })),
      })) as MultiSearchResponse<Doc>)
    : { results: [] };

  const hits: ResourceHit[] = fetched.results.flatMap((r) =>
    r.hits.map(({ _geoDistance, ...doc }) => {
      const hit: ResourceHit = { ...doc };
      // A distance to a city-hall stand-in says nothing about the place: none is given.
      if (_geoDistance !== undefined && (doc.precision === 'address' || doc.precision === 'district'))
        hit.distanceKm = Math.round(_geoDistance / 100) / 10;
      const unconfirmed = unconfirmedFor(q, doc);
      if (unconfirmed.length) hit.unconfirmed = unconfirmed;
      return hit;
    }),
  );
  return {
    hits,
    total,
    page: q.page,
    perPage: q.perPage,
    totalPages: Math.max(1, Math.ceil(total / q.perPage)),
    facets: (union as SearchResponse).facetDistribution ?? {},
  };
}
