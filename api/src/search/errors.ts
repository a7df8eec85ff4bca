import * as v from 'valibot';
import type { ErrorCode } from '@norishiro/data';
import { ProxyQuerySchema } from './proxy-query.ts';

/**
 * Meilisearch's error body. instant-meilisearch reads `message` from exactly this shape, so
 * an InstantSearch page shows our reason instead of a bare "400: Bad Request".
 */
export const SearchErrorSchema = v.object({
  message: v.pipe(v.string(), v.description('理由（日本語）')),
  code: v.pipe(v.string(), v.description('Meilisearch と同じ失敗には同じコード、ほかは norishiro_…')),
  type: v.picklist(['invalid_request', 'auth', 'system', 'internal']),
  link: v.string(),
});
export type SearchErrorBody = v.InferOutput<typeof SearchErrorSchema>;

/** The proxy is what InstantSearch clients call; the rest of the API keeps its own error shape. */
export const isSearchProxy = (path: string) => path === '/api/search' || path.startsWith('/api/search/');

const DOCS = '/api/docs';

/** Meilisearch's codes where it has one for the same failure, ours (`norishiro_…`) otherwise. */
const CODES: Record<ErrorCode, [string, SearchErrorBody['type']]> = {
  invalid_request: ['bad_request', 'invalid_request'],
  unauthorized: ['norishiro_unauthorized', 'auth'],
  forbidden: ['norishiro_forbidden', 'auth'],
  not_found: ['norishiro_not_found', 'invalid_request'],
  conflict: ['norishiro_conflict', 'invalid_request'],
  payload_too_large: ['payload_too_large', 'invalid_request'],
  unsupported_media_type: ['invalid_content_type', 'invalid_request'],
  rate_limited: ['norishiro_rate_limited', 'system'],
  service_unavailable: ['norishiro_search_unavailable', 'system'],
  internal: ['internal', 'internal'],
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The code Meilisearch itself gives a bad value of the same parameter (`invalid_search_limit`…),
 * read from where validation failed: `queries.0.limit`.
 */
function parameterCode(path: string): string | undefined {
  const key = /^queries\.\d+\.([^.]+)/.exec(path)?.[1];
  if (key === undefined) return undefined;
  if (!(key in ProxyQuerySchema.entries)) return 'norishiro_parameter_not_allowed';
  return key === 'indexUid' ? 'invalid_index_uid' : `invalid_search_${snake(key)}`;
}

export function searchErrorBody(
  code: ErrorCode,
  message: string,
  details: readonly { path: string; message: string }[] = [],
  searchCode?: string,
): SearchErrorBody {
  const [fallback, type] = CODES[code];
  const reasons = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
  return {
    message: reasons.length ? `${message}（${reasons.join('、')}）` : message,
    code: searchCode ?? parameterCode(details[0]?.path ?? '') ?? fallback,
    type,
    link: DOCS,
  };
}
