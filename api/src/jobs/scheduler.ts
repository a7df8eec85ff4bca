import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '@norishiro/indexer';

export interface Job {
  name: string;
  everySeconds: number;
  run(db: Db): Promise<void>;
}

/** Claims the job if it is due; of many instances polling, exactly one gets each period. */
export async function claimDue(db: Queryable, job: Job, instance: string): Promise<boolean> {
  await db.query(`insert into scheduled_jobs (name, next_run) values ($1, now()) on conflict (name) do nothing`, [
    job.name,
  ]);
  const claimed = await db.query(
    `update scheduled_jobs set next_run = now() + make_interval(secs => $2), last_run = now(), last_instance = $3
     where name = $1 and next_run <= now() returning name`,
    [job.name, job.everySeconds, instance],
  );
  return claimed.length > 0;
}

/**
 * Each instance asks the database now and then which jobs are due; the claim is the lock,
 * so the work happens once however many instances run. A failed run waits for its next
 * period and is logged.
 */
export function startScheduler(
  db: Db,
  jobs: readonly Job[],
  opts: { pollMs?: number; log?: (line: string) => void } = {},
): () => Promise<void> {
  const instance = randomBytes(6).toString('hex');
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = (async () => {
      for (const job of jobs) {
        try {
          if (await claimDue(db, job, instance)) await job.run(db);
        } catch (e) {
          opts.log?.(`定期処理 ${job.name} が失敗しました: ${(e as Error).message}`);
        }
      }
    })();
  };
  const timer = setInterval(tick, opts.pollMs ?? 60_000);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
