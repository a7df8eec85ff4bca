import type { MiddlewareHandler } from 'hono';
import type { Db } from '@norishiro/indexer';
import { actorFor } from '../store/accounts.ts';
import type { Actor } from './actor.ts';
import type { Auth } from './auth.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import type { AuthEnv } from './permissions.ts';

const SESSION_COOKIE = /(?:^|;\s*)((?:__Secure-)?better-auth\.session_token)=([^;]+)/;
/**
 * How long a resolved session is reused without asking the database. Disabling an account
 * or signing out clears it here at once; another instance notices within this bound.
 */
export const SESSION_REUSE_MS = 5_000;
const MAX_CACHED = 10_000;

export const clientIp = (headers: Headers) => headers.get(CLIENT_IP_HEADER) ?? 'unknown';

type Cached = { actor: Actor | undefined; until: number };

/** Resolved sessions for a few seconds: a busy coordinator's every click is not 3 queries. */
export class SessionCache {
  private entries = new Map<string, Cached>();
  get(token: string, now = Date.now()): Cached | undefined {
    const hit = this.entries.get(token);
    if (hit && hit.until > now) return hit;
    this.entries.delete(token);
    return undefined;
  }
  set(token: string, actor: Actor | undefined, now = Date.now()) {
    if (this.entries.size >= MAX_CACHED) this.entries.clear();
    this.entries.set(token, { actor, until: now + SESSION_REUSE_MS });
  }
  forgetUser(userId: string) {
    for (const [k, v] of this.entries) if (v.actor?.userId === userId) this.entries.delete(k);
  }
  forgetToken(token: string) {
    this.entries.delete(token);
  }
}

export const sessionToken = (cookie: string | undefined) => cookie?.match(SESSION_COOKIE)?.[2];

/**
 * Resolves the session once per request into `c.var.actor`. Requests without a session
 * cookie (every resident) skip all of it.
 */
export function sessionMiddleware(auth: Auth, db: Db, cache: SessionCache): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const token = sessionToken(c.req.header('cookie'));
    if (token && !c.req.path.startsWith('/api/auth/')) {
      const ip = clientIp(c.req.raw.headers);
      let cached = cache.get(token);
      if (!cached) {
        const session = await auth.api.getSession({ headers: c.req.raw.headers });
        const actor = session ? await actorFor(db, session.user.id, ip) : undefined;
        cache.set(token, actor);
        cached = { actor, until: 0 };
      }
      if (cached.actor) c.set('actor', { ...cached.actor, ip });
    }
    if (token && c.req.path === '/api/auth/sign-out') cache.forgetToken(token);
    await next();
  };
}
