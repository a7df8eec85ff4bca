import type { Meilisearch } from 'meilisearch';
import type { Db } from '../db/connect.ts';
import { meiliUnavailable } from '../meili/http.ts';
import { dropStaleBuilds } from '../meili/sync.ts';
import { catchUpIndex } from './sync-index.ts';

export interface FollowerOptions {
  /** Time between checks; a check reads every document, cheap at directory sizes. */
  everyMs?: number;
  /** A build index older than this is an orphan of a crash (a rebuild takes about a minute). */
  staleBuildMs?: number;
  log?: (line: string) => void;
}

/**
 * Keeps the search index converging on the database without a restart. The database
 * commits first, so any failure on the index side (Meilisearch out of disk, restarting,
 * wiped after corruption) leaves the index behind; this retries until it is not. Every
 * process follows the index it serves: with a shared Meilisearch the repairs are the same
 * idempotent writes, and each process's embedded one needs its own.
 */
export function followIndex(
  deps: { db: Db; meili: Meilisearch; indexName: string },
  opts: FollowerOptions = {},
): { stop(): Promise<void> } {
  const everyMs = opts.everyMs ?? 10_000;
  const log = opts.log ?? (() => {});
  let lastProblem: string | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();

  const once = async () => {
    try {
      const dropped = await dropStaleBuilds(deps.meili, deps.indexName, opts.staleBuildMs ?? 15 * 60_000);
      if (dropped.length) log(`作りかけのまま残っていた索引を削除しました: ${dropped.join(', ')}`);
      const changes = await catchUpIndex(deps.db, deps.meili, deps.indexName);
      if (changes > 0) log(`検索索引がデータベースより遅れていたため、${changes} 件の変更を反映しました`);
      lastProblem = undefined;
    } catch (e) {
      // An outage is logged by whoever watches Meilisearch; a new kind of failure once here.
      const problem = meiliUnavailable(e) ? 'unavailable' : (e as Error).message;
      if (problem !== lastProblem && problem !== 'unavailable')
        log(`検索索引をデータベースに合わせられませんでした。${everyMs / 1000} 秒ごとにやり直します: ${problem}`);
      lastProblem = problem;
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      pass = once().finally(schedule);
    }, everyMs);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
