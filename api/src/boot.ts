import { randomBytes } from 'node:crypto';
import {
  inventoryBatch,
  PHASE_LABELS,
  runImport,
  syncIndex,
  writeServiceRecord,
  type Runtime,
} from '@norishiro/indexer';

/** On an empty database, load the plans' inventories so a new user sees the directory at once. */
export async function prepareData(rt: Runtime, log: (line: string) => void): Promise<void> {
  const [{ n }] = (await rt.db.query<{ n: number }>('select count(*)::int as n from resources')) as [{ n: number }];
  if (n === 0) {
    log('初回起動: 計画の資源台帳をデータベースと検索索引に読み込みます…');
    const summary = await runImport(rt, inventoryBatch(), {
      onProgress: (phase, done, total) =>
        total > 0 && done === total && log(`  ${PHASE_LABELS[phase]}: ${done}/${total}`),
    });
    log(`  ${summary.added} 件を登録しました（${summary.seconds.toFixed(1)} 秒）`);
  } else {
    const sync = await syncIndex(rt.db, rt.meili, rt.indexName);
    if (sync.rebuilt) log(`検索索引をデータベースから作り直しました（${sync.documents} 件）`);
  }
}

/**
 * The first kana query after a Meilisearch start loads its dictionary (1–1.5 s); pay that
 * before serving rather than on a resident's first search.
 */
export async function warmUp(rt: Runtime): Promise<void> {
  await rt.meili
    .index(rt.indexName)
    .search('いばしょ', { limit: 1 })
    .catch(() => undefined);
}

export function announce(rt: Runtime, url: string): { token: string; remove: () => void } {
  const token = randomBytes(24).toString('base64url');
  return {
    token,
    remove: writeServiceRecord(rt.config.DATA_DIR, { pid: process.pid, url, token, meiliUrl: rt.meiliUrl }),
  };
}
