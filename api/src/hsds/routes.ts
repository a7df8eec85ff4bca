import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { nestedServices, serviceId, type HsdsService, type HsdsTabular } from '@norishiro/indexer';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { page, publishedHsds } from './publication.ts';

const MAX_PER_PAGE = 1000;

const flag = v.optional(
  v.pipe(
    v.picklist(['true', 'false']),
    v.transform((s) => s === 'true'),
  ),
);
const PagingSchema = v.object({
  page: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1)), '1'),
  per_page: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(1), v.maxValue(MAX_PER_PAGE)), '50'),
});
const ServiceQuerySchema = v.object({
  ...PagingSchema.entries,
  search: v.optional(v.pipe(v.string(), v.maxLength(200))),
  taxonomy_term_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  taxonomy_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  organization_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  full: flag,
});
const TermQuerySchema = v.object({
  ...PagingSchema.entries,
  taxonomy_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  parent_id: v.optional(v.pipe(v.string(), v.maxLength(100))),
  top_only: flag,
});

const nestedCache = new WeakMap<HsdsTabular, ReturnType<typeof nestedServices>>();
/** The nesting indexes are built once per published dataset, not once per request. */
const nestedOf = (data: HsdsTabular) => {
  let n = nestedCache.get(data);
  if (!n) nestedCache.set(data, (n = nestedServices(data)));
  return n;
};

const query = <S extends v.GenericSchema>(c: Context, schema: S) => parseInput(schema, c.req.query(), '検索条件');
const byId = <T extends { id: string }>(items: readonly T[], id: string, what: string): T => {
  const found = items.find((x) => x.id === id);
  if (!found) throw new HttpError('not_found', `この${what}は見つかりません`);
  return found;
};

/** Services that carry a term (or any term of a taxonomy) through their attributes. */
function servicesWithTerms(data: HsdsTabular, terms: Set<string>): Set<string> {
  return new Set(
    data.attribute.filter((a) => a.link_entity === 'service' && terms.has(a.taxonomy_term_id)).map((a) => a.link_id),
  );
}

function filterServices(data: HsdsTabular, q: v.InferOutput<typeof ServiceQuerySchema>): HsdsService[] {
  let services = data.service;
  if (q.organization_id) services = services.filter((s) => s.organization_id === q.organization_id);
  if (q.taxonomy_term_id || q.taxonomy_id) {
    const terms = new Set(
      data.taxonomy_term
        .filter((t) => t.id === q.taxonomy_term_id || (q.taxonomy_id && t.taxonomy_id === q.taxonomy_id))
        .map((t) => t.id),
    );
    const carrying = servicesWithTerms(data, terms);
    services = services.filter((s) => carrying.has(s.id));
  }
  if (q.search) {
    const needle = q.search.toLowerCase();
    services = services.filter((s) =>
      [s.name, s.alternate_name, s.description].some((f) => f?.toLowerCase().includes(needle)),
    );
  }
  return services;
}

/**
 * The Open Referral HSDS 3.0 API (read endpoints), public data only: what another directory
 * or a referral tool can consume without knowing Norishiro.
 */
export function hsdsRoutes(deps: AppDeps) {
  const data = () => publishedHsds(deps.db, deps.origin);
  return new Hono()
    .get('/', (c) =>
      c.json({
        version: '3.0',
        profile: 'https://docs.openreferral.org/en/3.0/',
        openapi_url: `${deps.origin}/api/openapi.json`,
      }),
    )
    .get('/services', async (c) => {
      const q = query(c, ServiceQuerySchema);
      const all = await data();
      const nested = nestedOf(all);
      const services = filterServices(all, q);
      return c.json(page(services.map(q.full ? nested.full : nested.listItem), q.page, q.per_page));
    })
    .get('/services/:id', async (c) => {
      const all = await data();
      const wanted = c.req.param('id');
      // A Norishiro resource id (its permanent URL) names the same service.
      const service = all.service.find((s) => s.id === wanted || s.id === serviceId(wanted));
      if (!service) throw new HttpError('not_found', 'このサービスは見つかりません');
      return c.json(nestedOf(all).full(service));
    })
    .get('/organizations', async (c) => {
      const q = query(c, PagingSchema);
      return c.json(page((await data()).organization, q.page, q.per_page));
    })
    .get('/taxonomies', async (c) => {
      const q = query(c, PagingSchema);
      return c.json(page((await data()).taxonomy, q.page, q.per_page));
    })
    .get('/taxonomies/:id', async (c) => c.json(byId((await data()).taxonomy, c.req.param('id'), '分類')))
    .get('/taxonomy_terms', async (c) => {
      const q = query(c, TermQuerySchema);
      let terms = (await data()).taxonomy_term;
      if (q.taxonomy_id) terms = terms.filter((t) => t.taxonomy_id === q.taxonomy_id);
      if (q.parent_id) terms = terms.filter((t) => t.parent_id === q.parent_id);
      if (q.top_only) terms = terms.filter((t) => !t.parent_id);
      return c.json(page(terms, q.page, q.per_page));
    })
    .get('/taxonomy_terms/:id', async (c) =>
      c.json(byId((await data()).taxonomy_term, c.req.param('id'), '分類の項目')),
    );
}
