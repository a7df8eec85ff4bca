import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { createLogger, ErrorSampler, type Logger } from './log.ts';

const fallbackLogger = createLogger();
import { errorStatus, type ApiError, type ErrorCode } from '@norishiro/data';

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
  ) {
    super(message);
  }
}

export const errorBody = (code: ErrorCode, message: string, details?: ErrorDetail[]): ApiError => ({
  error: details ? { code, message, details } : { code, message },
});

const sampler = new ErrorSampler();

/**
 * No stack trace ever leaves the server: unknown errors become a plain 500, logged as one
 * line with the request id: method, path and the error, never a request body.
 */
export function onError(err: Error, c: Context, log: Logger = fallbackLogger) {
  if (err instanceof HttpError) return c.json(errorBody(err.code, err.message, err.details), errorStatus[err.code]);
  // Hono's own middleware (csrf, timeouts, body parsing) throws its HTTPException: same shape.
  if (err instanceof HTTPException) {
    const status = err.status;
    const code = (Object.entries(errorStatus).find(([, s]) => s === status)?.[0] ??
      (status >= 500 ? 'internal' : 'invalid_request')) as ErrorCode;
    return c.json(
      errorBody(code, status === 403 ? 'この操作は受け付けられません' : 'リクエストを処理できませんでした'),
      status >= 500 ? 500 : (errorStatus[code] as 400),
    );
  }
  const path = new URL(c.req.url).pathname;
  const count = sampler.shouldLog(
    `${err.name}:${err.message}:${c.req.method}:${path.replace(/\/[^/]*\d[^/]*/g, '/:id')}`,
  );
  if (count !== undefined)
    log.error(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path,
        error: { name: err.name, message: err.message, at: err.stack?.split('\n')[1]?.trim() },
        count,
      },
      'request failed',
    );
  return c.json(errorBody('internal', 'サーバー内部でエラーが起きました。時間をおいてもう一度お試しください'), 500);
}

export const notFound = (c: Context) => c.json(errorBody('not_found', '指定されたページや資源は見つかりません'), 404);
