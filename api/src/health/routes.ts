import { Hono } from 'hono';
import { meiliHealthy } from '@norishiro/indexer';
import type { AppDeps } from '../deps.ts';

export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const [meili, database] = await Promise.all([
      meiliHealthy(deps.meili),
      deps.db.query('select 1').then(
        () => true,
        () => false,
      ),
    ]);
    const ok = meili && database;
    return c.json(
      { status: ok ? 'ok' : 'degraded', meilisearch: { ok: meili }, database: { ok: database, kind: deps.db.kind } },
      ok ? 200 : 503,
    );
  });
}
