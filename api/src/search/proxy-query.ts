import * as v from 'valibot';
import { normalizeText, SearchDocumentSchema, type SearchDocument } from '@norishiro/data';
import { INDEX_SETTINGS } from '@norishiro/indexer';
import { JAPANESE, PUBLIC_STATUS_FILTER } from '../resources/search-params.ts';

/** The index name the browser uses; the real name stays on the server. */
export const PUBLIC_INDEX = 'resources';
export const MAX_HITS = 100;
export const MAX_CROP_WORDS = 200;
/**
 * Meilisearch returns nothing past this many hits, so a larger offset or page is answered
 * exactly as the bound would be: clamping it changes no result.
 */
const MAX_TOTAL_HITS = INDEX_SETTINGS.pagination.maxTotalHits;

const publicFields = Object.keys(SearchDocumentSchema.entries);
const field = v.picklist(publicFields as [string, ...string[]], '公開されていない項目です');
const fieldList = v.array(v.union([field, v.literal('*')], '公開されていない項目です'));

/** Public fields holding text a resident reads: the only ones worth a snippet. */
const TEXT_FIELDS = [
  'name',
  'aliases',
  'categoryLabels',
  'description',
  'operator',
  'tags',
  'district',
  'municipalityName',
  'scheduleSummary',
] as const satisfies readonly (keyof SearchDocument)[];

/**
 * `description` or InstantSearch's `description:20` (words around the match), on a public
 * text field only; a longer snippet than ours is shortened rather than refused.
 */
const cropField = v.pipe(
  v.string(),
  v.regex(
    new RegExp(`^(${TEXT_FIELDS.join('|')})(:\\d+)?$`),
    `抜粋できるのは公開している文章の項目（${TEXT_FIELDS.join('、')}）だけです`,
  ),
  v.transform((s) => {
    const [name, words] = s.split(':');
    return words === undefined ? s : `${name}:${Math.min(Number(words), MAX_CROP_WORDS)}`;
  }),
);

const count = v.pipe(v.number(), v.integer('整数で指定してください'), v.minValue(0, '0 以上にしてください'));
/** Asking for more than we serve gets what we serve, as a client paging with its own size expects. */
const clamped = (max: number) =>
  v.pipe(
    count,
    v.description(`${max} を超える値は ${max} として扱います`),
    v.transform((n) => Math.min(n, max)),
  );
const tag = v.pipe(v.string(), v.maxLength(40));
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
  attributesToCrop: v.optional(v.array(cropField)),
  cropLength: v.optional(clamped(MAX_CROP_WORDS)),
  cropMarker: v.optional(tag),
  highlightPreTag: v.optional(tag),
  highlightPostTag: v.optional(tag),
  showMatchesPosition: v.optional(v.boolean()),
  sort: v.optional(v.array(v.pipe(v.string(), v.maxLength(100)))),
  limit: v.optional(clamped(MAX_HITS)),
  offset: v.optional(clamped(MAX_TOTAL_HITS)),
  hitsPerPage: v.optional(clamped(MAX_HITS)),
  // Page n starts at hit (n - 1) × hitsPerPage: past the last page every hit count gives none.
  page: v.optional(clamped(MAX_TOTAL_HITS + 1)),
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
