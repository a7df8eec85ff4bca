import * as v from 'valibot';
import { normalizeText, SearchDocumentSchema } from '@norishiro/data';
import { JAPANESE, PUBLIC_STATUS_FILTER } from '../resources/search-params.ts';

/** The index name the browser uses; the real name stays on the server. */
export const PUBLIC_INDEX = 'resources';
export const MAX_HITS = 100;

const publicFields = Object.keys(SearchDocumentSchema.entries);
const field = v.picklist(publicFields as [string, ...string[]], '公開されていない項目です');
const fieldList = v.array(v.union([field, v.literal('*')]));
const bounded = (max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max, `${max} 件以内にしてください`));
/** Meilisearch's own filter shape: a string, or an AND-list of strings and OR-lists. */
const FilterSchema = v.union([v.string(), v.array(v.union([v.string(), v.array(v.string())]))]);

/**
 * What instant-meilisearch may ask for. `strictObject` refuses every other parameter, so
 * the browser cannot reach another index, hidden fields or unbounded result sets.
 */
export const ProxyQuerySchema = v.strictObject({
  indexUid: v.literal(PUBLIC_INDEX, `検索できるのは ${PUBLIC_INDEX} だけです`),
  q: v.optional(v.pipe(v.string(), v.maxLength(200), v.transform(normalizeText))),
  filter: v.optional(FilterSchema),
  facets: v.optional(v.array(field)),
  attributesToRetrieve: v.optional(fieldList),
  attributesToHighlight: v.optional(fieldList),
  attributesToCrop: v.optional(fieldList),
  cropLength: v.optional(bounded(200)),
  highlightPreTag: v.optional(v.pipe(v.string(), v.maxLength(40))),
  highlightPostTag: v.optional(v.pipe(v.string(), v.maxLength(40))),
  showMatchesPosition: v.optional(v.boolean()),
  sort: v.optional(v.array(v.pipe(v.string(), v.maxLength(100)))),
  limit: v.optional(bounded(MAX_HITS)),
  offset: v.optional(bounded(1000)),
  hitsPerPage: v.optional(bounded(MAX_HITS)),
  page: v.optional(bounded(1000)),
  matchingStrategy: v.optional(v.picklist(['last', 'all', 'frequency'])),
  showRankingScore: v.optional(v.boolean()),
});

export const ProxyRequestSchema = v.strictObject({
  queries: v.pipe(v.array(ProxyQuerySchema), v.minLength(1), v.maxLength(10, '一度に送れる検索は10件までです')),
});

export type ProxyQuery = v.InferOutput<typeof ProxyQuerySchema>;

/** Rewrites a browser query for the real index: always public resources only. */
export function toServerQuery(q: ProxyQuery, indexName: string) {
  const own = q.filter === undefined ? [] : Array.isArray(q.filter) ? q.filter : [q.filter];
  return { ...q, ...JAPANESE, indexUid: indexName, filter: [...own, PUBLIC_STATUS_FILTER] };
}
