import { hsdsRoutes } from './hsds/routes.ts';
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { accountRoutes } from './accounts/routes.ts';
import { adminRoutes } from './admin/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { editingRoutes } from './editing/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { gapRoutes } from './gaps/routes.ts';
import { followupRoutes, referralRoutes } from './referrals/routes.ts';
import { ReferralService } from './referrals/service.ts';
import { publicRoute, localTokenRoute, type AuthEnv } from './auth/permissions.ts';
import { authRoutes } from './auth/routes.ts';
import { sessionMiddleware } from './auth/session.ts';
import type { AppDeps } from './deps.ts';
import { HttpError, notFound, onError } from './errors.ts';
import { healthRoutes } from './health/routes.ts';
import { matchRoutes } from './match/routes.ts';
import { municipalityRoutes } from './municipalities/routes.ts';
import { openApiRoutes } from './openapi/routes.ts';
import { resourceRoutes } from './resources/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { jsonOnly, sameOrigin } from './security/origin.ts';
import { rateLimit } from './security/rate-limit.ts';
import { taxonomyRoutes } from './taxonomy/routes.ts';

const MAX_BODY_BYTES = 64 * 1024;
/** Import batches from the local CLI are larger than any browser request. */
const MAX_ADMIN_BODY_BYTES = 64 * 1024 * 1024;

/**
 * A declared length is checked from the header alone: Node's parser never reads past it, and
 * reading `c.req.raw.body` here (as Hono's bodyLimit does first) would build a full web
 * Request for every call, a third of the API's own CPU on the matching path. Chunked bodies
 * have no length to trust and are counted as they stream.
 */
const limit = (maxSize: number): MiddlewareHandler => {
  const tooLarge = () => {
    throw new HttpError('payload_too_large', `リクエストが大きすぎます（${Math.round(maxSize / 1024)}KB まで）`);
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (Number(declared) > maxSize) tooLarge();
    return next();
  };
};

/** Origins a browser may send state-changing requests from. */
function allowedOrigins(origin: string): string[] {
  const url = new URL(origin);
  return url.hostname === 'localhost'
    ? [origin, `${url.protocol}//127.0.0.1${url.port ? `:${url.port}` : ''}`]
    : [origin];
}

/** The API under /api; config and services are injected, so tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const limits = deps.rateLimits;
  const referrals = new ReferralService(deps.db, deps.cipher);
  const api = new Hono<AuthEnv>()
    .use('/admin/*', limit(MAX_ADMIN_BODY_BYTES))
    .use('*', async (c, next) => (c.req.path.startsWith('/api/admin/') ? next() : limit(MAX_BODY_BYTES)(c, next)))
    .use('*', async (c, next) => {
      // Every answer names its request, so a user's report can be found in the log.
      const id = randomUUID();
      c.set('requestId', id);
      c.header('x-request-id', id);
      await next();
    })
    .use('*', async (c, next) => {
      // No id, code or file name holds a control character: such a path names nothing, and
      // must never reach a query (PostgreSQL refuses a NUL in text).
      if (/[\u0000-\u001f]|%[01][0-9a-f]/i.test(c.req.path))
        throw new HttpError('not_found', '指定されたページや資源は見つかりません');
      await next();
    })
    .use('*', sameOrigin(allowedOrigins(deps.origin)))
    .use('*', jsonOnly())
    .use('*', sessionMiddleware(deps.auth, deps.db, deps.sessions));
  if (limits) {
    api.use('/match/*', rateLimit(deps.db, limits.match));
    api.use('*', async (c, next) => {
      if (
        c.req.path.startsWith('/api/auth/') ||
        c.req.path.startsWith('/api/admin/') ||
        c.req.path.startsWith('/api/match')
      )
        return next();
      const rule = c.req.method === 'GET' || c.req.method === 'HEAD' ? limits.read : limits.write;
      return rateLimit(deps.db, rule)(c, next);
    });
  }
  // Areas residents use without an account; routes inside that need more declare it themselves.
  for (const area of ['/health', '/taxonomy', '/municipalities', '/resources', '/search', '/match', '/docs', '/hsds'])
    api.use(area, publicRoute()).use(`${area}/*`, publicRoute());
  // Residents' writes that change nothing stored: matching and search queries.
  api.on('POST', ['/match', '/search/multi-search'], publicRoute()).use('/openapi.json', publicRoute());
  api
    .use('/admin/*', localTokenRoute())
    .route('/health', healthRoutes(deps))
    .route('/taxonomy', taxonomyRoutes())
    .route('/hsds', hsdsRoutes(deps))
    .route('/municipalities', municipalityRoutes(deps))
    .route('/', editingRoutes(deps))
    .route('/resources', resourceRoutes(deps))
    .route('/search', searchRoutes(deps))
    .route('/match', matchRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/', authRoutes(deps))
    .route('/accounts', accountRoutes(deps))
    .route('/audit', auditRoutes(deps))
    .route('/cases', caseRoutes(deps.db, referrals))
    .route('/referrals', referralRoutes(deps.db, referrals, deps.origin))
    .route('/followups', followupRoutes(deps.db, referrals))
    .route('/', gapRoutes(deps.db))
    .route('/', openApiRoutes());
  const app = new Hono<AuthEnv>().route('/api', api);
  app.notFound(notFound);
  app.onError((err, c) => onError(err, c, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
