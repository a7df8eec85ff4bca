import * as v from 'valibot';
import { Hono } from 'hono';
import {
  planOf,
  ResourceIdSchema,
  ResourceQuerySchema,
  type ResourceDetail,
  type ResourceHit,
  type ResourceList,
  type SearchDocument,
} from '@norishiro/data';
import { getMergedInto, getResource } from '@norishiro/indexer';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { resourceSearchParams } from './search-params.ts';

type Hit = SearchDocument & { _geoDistance?: number };

export function resourceRoutes(deps: AppDeps) {
  return new Hono()
    .get('/', async (c) => {
      const query = parseInput(ResourceQuerySchema, flatten(c.req.queries()), '検索条件');
      const res = await deps.meili.index<Hit>(deps.indexName).search(query.q ?? '', resourceSearchParams(query));
      const hits: ResourceHit[] = res.hits.map(({ _geoDistance, ...doc }) =>
        _geoDistance === undefined ? doc : { ...doc, distanceKm: Math.round(_geoDistance / 100) / 10 },
      );
      const body: ResourceList = {
        hits,
        total: res.totalHits ?? hits.length,
        page: res.page ?? query.page,
        perPage: res.hitsPerPage ?? query.perPage,
        totalPages: res.totalPages ?? 1,
        facets: res.facetDistribution ?? {},
      };
      return c.json(body);
    })
    .get('/:id', async (c) => {
      // An id that cannot exist (a NUL byte, a slash-like value) is a 404, never a query.
      if (!v.is(ResourceIdSchema, c.req.param('id'))) throw new HttpError('not_found', 'この資源は見つかりません');
      const id = c.req.param('id');
      // Ids are permanent URLs: one merged into another answers with the survivor.
      const own = await getResource(deps.db, id);
      const resource = own ?? (await getMergedInto(deps.db, id));
      const municipality = resource && (await deps.municipalities()).find((m) => m.code === resource.municipality);
      if (!resource || !municipality || resource.source.synthetic)
        throw new HttpError('not_found', 'この資源は見つかりません');
      const plan = planOf(resource.source.file);
      const body: ResourceDetail = {
        resource,
        municipality,
        ...(plan && { plan: { title: plan.title, period: plan.period } }),
        ...(!own && { mergedFrom: id }),
      };
      return c.json(body);
    });
}

/** Single values stay strings; repeated keys stay lists. */
const flatten = (q: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
