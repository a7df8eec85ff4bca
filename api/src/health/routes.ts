import { Hono } from 'hono';
import type { AppDeps } from '../deps.ts';

/** Health answers within this, whatever its dependencies do. */
export const HEALTH_BUDGET_MS = 1_500;

/** Resolves to false if the check fails or takes longer than the budget. */
function within(check: Promise<unknown>, ms = HEALTH_BUDGET_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([
    check.then(
      () => true,
      () => false,
    ),
    late,
  ]).finally(() => clearTimeout(timer));
}

/**
 * Healthy means usable: Meilisearch answers a query on the live index (a corrupt index
 * still passes Meilisearch's own /health), and the database answers.
 */
export function healthRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const [meili, index, database] = await Promise.all([
      within(
        deps.meili.health().then((h) => (h.status === 'available' ? true : Promise.reject(new Error('unavailable')))),
      ),
      within(deps.meili.index(deps.indexName).search('', { limit: 1, attributesToRetrieve: ['id'] })),
      within(deps.db.query('select 1')),
    ]);
    const ok = meili && index && database;
    return c.json(
      {
        status: ok ? 'ok' : 'degraded',
        meilisearch: { ok: meili, index: index ? 'answers' : 'not answering' },
        database: { ok: database, kind: deps.db.kind },
      },
      ok ? 200 : 503,
    );
  });
}
