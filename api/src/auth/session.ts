import type { MiddlewareHandler } from 'hono';
import type { Db } from '@norishiro/indexer';
import { actorFor } from '../store/accounts.ts';
import type { Auth } from './auth.ts';
import { CLIENT_IP_HEADER } from './auth.ts';
import type { AuthEnv } from './permissions.ts';

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?better-auth\.session_token=/;

export const clientIp = (headers: Headers) => headers.get(CLIENT_IP_HEADER) ?? 'unknown';

/**
 * Resolves the session once per request into `c.var.actor`. Requests without a session
 * cookie (every resident) skip the database entirely.
 */
export function sessionMiddleware(auth: Auth, db: Db): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const cookie = c.req.header('cookie');
    if (cookie && SESSION_COOKIE.test(cookie) && !c.req.path.startsWith('/api/auth/')) {
      const session = await auth.api.getSession({ headers: c.req.raw.headers });
      if (session) {
        const actor = await actorFor(db, session.user.id, clientIp(c.req.raw.headers));
        if (actor) c.set('actor', actor);
      }
    }
    await next();
  };
}
