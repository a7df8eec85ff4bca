import * as v from 'valibot';
import { Hono } from 'hono';
import { planOf, ResourceIdSchema, ResourceQuerySchema, type ResourceDetail } from '@norishiro/data';
import { getMergedInto, getResource } from '@norishiro/indexer';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { listResources } from './list.ts';

export function resourceRoutes(deps: AppDeps) {
  return new Hono()
    .get('/', async (c) => {
      const query = parseInput(ResourceQuerySchema, flatten(c.req.queries()), '検索条件');
      return c.json(await listResources(deps, query));
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
