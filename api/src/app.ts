import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { adminRoutes } from './admin/routes.ts';
import type { AppDeps } from './deps.ts';
import { HttpError, notFound, onError } from './errors.ts';
import { healthRoutes } from './health/routes.ts';
import { matchRoutes } from './match/routes.ts';
import { municipalityRoutes } from './municipalities/routes.ts';
import { openApiRoutes } from './openapi/routes.ts';
import { resourceRoutes } from './resources/routes.ts';
import { searchRoutes } from './search/routes.ts';
import { taxonomyRoutes } from './taxonomy/routes.ts';

const MAX_BODY_BYTES = 64 * 1024;
/** Import batches from the local CLI are larger than any browser request. */
const MAX_ADMIN_BODY_BYTES = 64 * 1024 * 1024;

const limit = (maxSize: number) =>
  bodyLimit({
    maxSize,
    onError: () => {
      throw new HttpError('payload_too_large', `リクエストが大きすぎます（${Math.round(maxSize / 1024)}KB まで）`);
    },
  });

/** The API under /api; config and services are injected, so tests call `app.request()`. */
export function createApp(deps: AppDeps) {
  const api = new Hono()
    .use('/admin/*', limit(MAX_ADMIN_BODY_BYTES))
    .use('*', async (c, next) => (c.req.path.startsWith('/api/admin/') ? next() : limit(MAX_BODY_BYTES)(c, next)))
    .route('/health', healthRoutes(deps))
    .route('/taxonomy', taxonomyRoutes())
    .route('/municipalities', municipalityRoutes(deps))
    .route('/resources', resourceRoutes(deps))
    .route('/search', searchRoutes(deps))
    .route('/match', matchRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/', openApiRoutes());
  const app = new Hono().route('/api', api);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export type App = ReturnType<typeof createApp>;
