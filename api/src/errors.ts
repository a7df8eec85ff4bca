import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { errorStatus, type ApiError, type ErrorCode } from '@norishiro/data';
import { meiliUnavailable } from '@norishiro/indexer';
import { createLogger, ErrorSampler, type Logger } from './log.ts';
import { isSearchProxy, searchErrorBody } from './search/errors.ts';

const fallbackLogger = createLogger();

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one HTTP error type; handlers throw it, the app turns it into the error shape. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Meilisearch's code for the same failure, for the search proxy's answers. */
    readonly searchCode?: string,
  ) {
    super(message);
  }
}

export const errorBody = (code: ErrorCode, message: string, details?: ErrorDetail[]): ApiError => ({
  error: details ? { code, message, details } : { code, message },
});

/** How long a client should wait before asking again while search is down (restarts take seconds). */
export const SEARCH_RETRY_AFTER_SECONDS = 10;
export const SEARCH_UNAVAILABLE = '検索が一時的に使えません。しばらくしてから、もう一度お試しください';

const sampler = new ErrorSampler();

/** The search proxy answers in Meilisearch's error shape, for InstantSearch clients; the rest in ours. */
function reply(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: ErrorDetail[],
  searchCode?: string,
) {
  const body = isSearchProxy(c.req.path)
    ? searchErrorBody(code, message, details, searchCode)
    : errorBody(code, message, details);
  return c.json(body, status);
}

/** The error's kind and route, not its ids, so a flood of one failure is one key. */
const sampleKey = (err: Error, c: Context, path: string) =>
  `${err.name}:${err.message}:${c.req.method}:${path.replace(/\/[^/]*\d[^/]*/g, '/:id')}`;

function logSampled(log: Logger, level: 'warn' | 'error', key: string, c: Context, err: Error, msg: string) {
  const count = sampler.shouldLog(key);
  if (count === undefined) return;
  log[level](
    {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: { name: err.name, message: err.message, at: err.stack?.split('\n')[1]?.trim() },
      count,
    },
    msg,
  );
}

/**
 * No stack trace ever leaves the server: unknown errors become a plain 500, logged as one
 * line with the request id: method, path and the error, never a request body.
 */
export function onError(err: Error, c: Context, log: Logger = fallbackLogger) {
  if (err instanceof HttpError)
    return reply(c, errorStatus[err.code], err.code, err.message, err.details, err.searchCode);
  // Hono's own middleware (csrf, timeouts, body parsing) throws its HTTPException: same shape.
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = (Object.entries(errorStatus).find(([, s]) => s === status)?.[0] ??
      (status >= 500 ? 'internal' : 'invalid_request')) as ErrorCode;
    return reply(
      c,
      status >= 500 ? 500 : errorStatus[code],
      code,
      status === 403 ? 'この操作は受け付けられません' : 'リクエストを処理できませんでした',
    );
  }
  const path = new URL(c.req.url).pathname;
  // Meilisearch down, hung or restarting: the caller can only wait. The supervisor logs the
  // outage itself, so each request adds at most a sampled warning.
  if (meiliUnavailable(err)) {
    logSampled(log, 'warn', `search-unavailable:${path}`, c, err, 'search unavailable');
    c.header('Retry-After', String(SEARCH_RETRY_AFTER_SECONDS));
    return reply(c, 503, 'service_unavailable', SEARCH_UNAVAILABLE);
  }
  logSampled(log, 'error', sampleKey(err, c, path), c, err, 'request failed');
  return reply(c, 500, 'internal', 'サーバー内部でエラーが起きました。時間をおいてもう一度お試しください');
}

export const notFound = (c: Context) => reply(c, 404, 'not_found', '指定されたページや資源は見つかりません');

/**
 * Node answers a request it cannot parse (headers too large, a broken request line) before
 * Hono sees it, by default with an empty body. This gives those answers the error shape;
 * a connection that is already gone gets nothing.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [status, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'リクエストのヘッダーが大きすぎます']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'リクエストが時間内に届きませんでした']
        : [400, 'リクエストの形式が正しくありません'];
  const body = JSON.stringify(errorBody('invalid_request', message));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}
