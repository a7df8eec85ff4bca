import * as v from 'valibot';
import { SearchDocumentSchema } from '../search/document.ts';

/** GET /api/health: usable means the index answers a query and the database answers. */
export const HealthSchema = v.object({
  status: v.picklist(['ok', 'degraded'] as const),
  meilisearch: v.object({ ok: v.boolean(), index: v.picklist(['answers', 'not answering'] as const) }),
  database: v.object({ ok: v.boolean(), kind: v.picklist(['pglite', 'postgres'] as const) }),
  index: v.pipe(
    v.string(),
    v.description('current、behind, N changes（データベースが先行し、追いつき中）または unknown'),
  ),
});
export type Health = v.InferOutput<typeof HealthSchema>;

const LabelSchema = v.object({ ja: v.string(), en: v.string() });

/** GET /api/taxonomy: each code list, code → its Japanese and English label. */
export const TaxonomyListsSchema = v.record(v.string(), v.record(v.string(), LabelSchema));

/**
 * One result of the search proxy, as Meilisearch answers it: public documents only, with
 * what a geo sort and highlighting add to a hit.
 */
const ProxyHitSchema = v.object({
  ...SearchDocumentSchema.entries,
  _geoDistance: v.optional(v.pipe(v.number(), v.description('近い順のとき、指定した地点からの距離（メートル）'))),
  _formatted: v.optional(v.pipe(v.record(v.string(), v.unknown()), v.description('強調・抜粋した項目'))),
});
export const ProxySearchResultSchema = v.object({
  indexUid: v.literal('resources'),
  hits: v.array(ProxyHitSchema),
  query: v.string(),
  processingTimeMs: v.number(),
  limit: v.optional(v.number()),
  offset: v.optional(v.number()),
  estimatedTotalHits: v.optional(v.number()),
  hitsPerPage: v.optional(v.number()),
  page: v.optional(v.number()),
  totalHits: v.optional(v.number()),
  totalPages: v.optional(v.number()),
  facetDistribution: v.optional(v.record(v.string(), v.record(v.string(), v.number()))),
  facetStats: v.optional(v.record(v.string(), v.object({ min: v.number(), max: v.number() }))),
});
export const ProxySearchResponseSchema = v.object({ results: v.array(ProxySearchResultSchema) });

/** What a write answers when there is nothing more to say. */
export const OkSchema = v.object({ ok: v.literal(true) });
