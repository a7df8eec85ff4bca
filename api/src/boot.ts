import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import {
  dropStaleBuilds,
  inventoryBatch,
  PHASE_LABELS,
  runImport,
  syncIndex,
  writeServiceRecord,
  type Runtime,
} from '@norishiro/indexer';

export class PortInUseError extends Error {}

/**
 * The port is checked before anything is loaded: a second start must not open DATA_DIR,
 * start Meilisearch or migrate only to fail at the very end.
 */
export async function ensurePortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  }).catch((e: NodeJS.ErrnoException) => {
    throw portError(e, port) ?? e;
  });
}

export function portError(e: NodeJS.ErrnoException, port: number): PortInUseError | undefined {
  if (e.code === 'EADDRINUSE')
    return new PortInUseError(
      `ポート ${port} はほかのプログラム（別の Norishiro かもしれません）が使っています。` +
        `そのプログラムを止めるか、PORT=${port + 1} のように別のポートを指定してください。`,
    );
  if (e.code === 'EACCES')
    return new PortInUseError(`ポート ${port} を使う権限がありません。1024 以上のポートを PORT に指定してください。`);
  return undefined;
}

/** A build index is only ever this process's own when Meilisearch is embedded. */
const STALE_BUILD_MS_SHARED = 15 * 60_000;

/** On an empty database, load the plans' inventories so a new user sees the directory at once. */
export async function prepareData(rt: Runtime, log: (line: string) => void): Promise<void> {
  const stale = await dropStaleBuilds(rt.meili, rt.indexName, rt.embedded ? 0 : STALE_BUILD_MS_SHARED);
  if (stale.length) log(`前回の作りかけの索引を削除しました: ${stale.join(', ')}`);
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
