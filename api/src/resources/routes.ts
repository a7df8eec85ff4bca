import * as v from 'valibot';
import { Hono } from 'hono';
import { ResourceQuerySchema } from '@norishiro/data';
import { ResourceIdSchema } from '@norishiro/data';
import { getResource } from '@norishiro/indexer';
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
      const resource = await getResource(deps.db, c.req.param('id'));
      if (!resource || resource.source.synthetic) throw new HttpError('not_found', 'この資源は見つかりません');
      const municipality = (await deps.municipalities()).find((m) => m.code === resource.municipality);
      return c.json({ resource, municipality });
    });
}

/** Single values stay strings; repeated keys stay lists. */
const flatten = (q: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
