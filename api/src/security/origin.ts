import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../errors.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF: a state-changing request from a browser must come from our own origin. Browsers
 * send Origin (or at least Sec-Fetch-Site) on such requests; clients that send neither
 * (the CLI, scripts) carry no ambient cookie of a victim.
 */
export function sameOrigin(allowed: readonly string[]): MiddlewareHandler {
  const origins = new Set(allowed);
  return async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      const site = c.req.header('sec-fetch-site');
      const foreign = origin ? origin !== 'null' && !origins.has(origin) : site === 'cross-site';
      if (foreign || origin === 'null') throw new HttpError('forbidden', '別のサイトからの操作は受け付けません');
    }
    await next();
  };
}

/**
 * Bodies of our API are JSON. Refusing text/plain and form encodings also refuses the
 * "simple" cross-site POSTs a browser sends without asking first.
 */
export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE.has(c.req.method) && !c.req.path.startsWith('/api/auth/')) {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      const hasBody =
        c.req.header('content-length') !== '0' &&
        (c.req.header('content-length') || c.req.header('transfer-encoding') || type);
      if (hasBody && type !== 'application/json')
        throw new HttpError('unsupported_media_type', '本文は JSON（Content-Type: application/json）で送ってください');
    }
    await next();
  };
}
