import { Hono } from 'hono';
import { indexLag } from '@norishiro/indexer';
import type { Health } from '@norishiro/data';
import type { AppDeps } from '../deps.ts';

/** Health answers within this, whatever its dependencies do. */
export const HEALTH_BUDGET_MS = 1_500;
/** Comparing the index with the database reads every document: reuse a result this long. */
const LAG_REUSE_MS = 2_000;

/** Resolves to the check's value, or undefined if it fails or takes longer than the budget. */
function within<T>(check: Promise<T>, ms = HEALTH_BUDGET_MS): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([check.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}

/** `current`, `behind, N changes` (the database is ahead: the follower is catching up) or `unknown`. */
const describeLag = (changes: number | undefined) =>
  changes === undefined ? 'unknown' : changes === 0 ? 'current' : `behind, ${changes} changes`;

/**
 * Healthy means usable: Meilisearch answers a query on the live index (a corrupt index
 * still passes Meilisearch's own /health), and the database answers. It also says whether
 * the index holds what the database does; being behind is reported, not a failure.
 */
export function healthRoutes(deps: AppDeps) {
  let lag: { at: number; changes: Promise<number | undefined> } | undefined;
  const changes = () => {
    if (!lag || Date.now() - lag.at > LAG_REUSE_MS)
      lag = {
        at: Date.now(),
        changes: within(indexLag(deps.db, deps.meili, deps.indexName).then((l) => l.changes)),
      };
    return lag.changes;
  };
  return new Hono().get('/', async (c) => {
    const [meili, index, database, behind] = await Promise.all([
      within(deps.meili.health().then((h) => h.status === 'available')),
      within(
        deps.meili
          .index(deps.indexName)
          .search('', { limit: 1, attributesToRetrieve: ['id'] })
          .then(() => true),
      ),
      within(deps.db.query('select 1').then(() => true)),
      changes(),
    ]);
    const ok = !!meili && !!index && !!database;
    const body: Health = {
      status: ok ? 'ok' : 'degraded',
      meilisearch: { ok: !!meili, index: index ? 'answers' : 'not answering' },
      database: { ok: !!database, kind: deps.db.kind },
      index: describeLag(behind),
    };
    return c.json(body, ok ? 200 : 503);
  });
}
