import type { Db, Queryable } from '@norishiro/indexer';
import { pruneRateLimits } from '../security/rate-limit.ts';
import { applyRetention } from './retention.ts';
import type { Job } from './scheduler.ts';

/** Sessions past their idle timeout and spent one-time links are dead weight. */
async function pruneExpired(db: Queryable) {
  await db.query(`delete from "session" where "expiresAt" < now()`);
  await db.query(`delete from account_tokens where expires_at < now() - interval '30 days'`);
  await db.query(`delete from "verification" where "expiresAt" < now()`);
}

/** Every periodic job of the service. */
export const JOBS: Job[] = [
  { name: 'prune-rate-limits', everySeconds: 10 * 60, run: pruneRateLimits },
  { name: 'prune-expired-sessions', everySeconds: 60 * 60, run: pruneExpired },
  {
    name: 'case-retention',
    everySeconds: 24 * 60 * 60,
    run: async (db: Db) => void (await db.transaction((tx) => applyRetention(tx))),
  },
];
