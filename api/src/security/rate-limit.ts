import type { MiddlewareHandler } from 'hono';
import type { Queryable } from '@norishiro/indexer';
import { HttpError } from '../errors.ts';
import { clientIp } from '../auth/session.ts';

export interface RateRule {
  /** Bucket name, e.g. `match`. */
  name: string;
  windowSeconds: number;
  max: number;
}

/**
 * Fixed-window counters in the database, so every instance behind a load balancer counts
 * the same client together. One upsert per request.
 */
export function rateLimit(db: Queryable, rule: RateRule): MiddlewareHandler {
  return async (c, next) => {
    if (!(await withinLimit(db, rule, clientIp(c.req.raw.headers)))) {
      c.header('Retry-After', String(rule.windowSeconds));
      throw new HttpError('rate_limited', 'リクエストが多すぎます。しばらく待ってからもう一度お試しください');
    }
    await next();
  };
}

/** Counts one request; false once the client is over the rule's limit in this window. */
export async function withinLimit(db: Queryable, rule: RateRule, client: string): Promise<boolean> {
  const window = Math.floor(Date.now() / 1000 / rule.windowSeconds);
  const [row] = await db.query<{ count: number }>(
    `insert into rate_limits (key, expires_at, count) values ($1, now() + make_interval(secs => $2), 1)
     on conflict (key) do update set count = rate_limits.count + 1 returning count`,
    [`${rule.name}:${client}:${window}`, rule.windowSeconds * 2],
  );
  return (row?.count ?? 0) <= rule.max;
}

/** Old windows are dead weight; removed now and then by whichever instance gets there. */
export async function pruneRateLimits(db: Queryable): Promise<void> {
  await db.query('delete from rate_limits where expires_at < now()');
}
