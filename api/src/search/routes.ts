import { Hono } from 'hono';
import type { MultiSearchResponse } from 'meilisearch';
import { meiliErrorCode, meiliErrorMessage, meiliErrorType, meiliUnavailable } from '@norishiro/indexer';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { jsonBody, parseInput } from '../validate.ts';
import { PUBLIC_INDEX, ProxyRequestSchema, toServerQuery } from './proxy-query.ts';

/** Meilisearch rejects a malformed filter or sort as `invalid_request`; that is the caller's 400. */
const isCallerMistake = (e: unknown) => !meiliUnavailable(e) && meiliErrorType(e) === 'invalid_request';

/** A Meilisearch multi-search endpoint for instant-meilisearch; the key never leaves here. */
export function searchRoutes(deps: AppDeps) {
  return new Hono().post('/multi-search', async (c) => {
    const body = parseInput(ProxyRequestSchema, await jsonBody(c.req), '検索リクエスト');
    const queries = body.queries.map((q) => toServerQuery(q, deps.indexName));
    const res = (await deps.meili.multiSearch({ queries }).catch((e: unknown) => {
      if (!isCallerMistake(e)) throw e;
      // Meilisearch's own words name the faulty part of the filter; the real index name stays here.
      const reason = meiliErrorMessage(e)?.replaceAll(deps.indexName, PUBLIC_INDEX);
      throw new HttpError(
        'invalid_request',
        '検索の条件（絞り込み・並べ替え）が正しくありません',
        reason ? [{ path: '', message: reason }] : undefined,
        meiliErrorCode(e),
      );
    })) as MultiSearchResponse;
    return c.json({ results: res.results.map((r) => ({ ...r, indexUid: PUBLIC_INDEX })) });
  });
}
