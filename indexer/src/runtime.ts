import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { Config } from './config.ts';
import { openDb, type Db } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { meiliClient, meiliHealthy } from './meili/client.ts';
import { startEmbeddedMeili, type EmbeddedMeili } from './meili/launcher.ts';

export class UnavailableError extends Error {}
export class DataDirBusyError extends Error {}
/** DATA_DIR cannot be written (read-only, no permission) or its disk is full. */
export class DataDirError extends UnavailableError {}

export interface Runtime {
  config: Config;
  db: Db;
  meili: Meilisearch;
  meiliUrl: string;
  meiliKey: string | undefined;
  indexName: string;
  /** The supervised child when Meilisearch is embedded. */
  embedded?: EmbeddedMeili;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Where the embedded Meilisearch's supervisor reports exits, restarts and wiped files. */
  log?: (line: string) => void;
  /** Restart an embedded Meilisearch that answers nothing for this long; off when absent. */
  meiliHangMs?: number;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** When a process started (Linux: clock ticks since boot), so a reused pid is told apart. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

interface LockRecord {
  pid: number;
  started?: string;
}

function readLock(file: string): LockRecord {
  const text = readFileSync(file, 'utf8').trim();
  try {
    const record = JSON.parse(text) as LockRecord;
    if (typeof record === 'object' && record && Number.isInteger(record.pid)) return record;
  } catch {
    // The first format: the pid alone.
  }
  return { pid: Number(text) };
}

/**
 * Embedded PGlite and Meilisearch let one process own DATA_DIR. The lock records the pid and
 * its start time; a lock left by a process that died, or whose pid now belongs to a process
 * started later, is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'norishiro.lock');
  const record = JSON.stringify({ pid: process.pid, started: startTime(process.pid) });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, record, { flag: 'wx' });
      const release = () => rmSync(file, { force: true });
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = readLock(file);
      const reused = owner.started !== undefined && startTime(owner.pid) !== owner.started;
      if (owner.pid && owner.pid !== process.pid && alive(owner.pid) && !reused) {
        const command = commandLine(owner.pid);
        if (owner.started === undefined && command !== undefined && !/\bnode\b|tsx/.test(command))
          throw new DataDirBusyError(
            `ロックファイル ${file} は pid ${owner.pid} を指していますが、そのプロセス（${command}）は Norishiro ではありません。` +
              `前回の Norishiro が異常終了して残ったファイルです。この DATA_DIR を使う Norishiro（サービス・pnpm index・pnpm admin）が` +
              `どれも動いていないことを確かめてから ${file} を削除し、もう一度実行してください。`,
          );
        throw new DataDirBusyError(
          `別の Norishiro のプロセス（pid ${owner.pid}）が ${dataDir} を使っています。そのプロセスを止めるか、` +
            'サービスが起動中ならそのまま実行してください（作業はサービスに渡されます）。' +
            `そのプロセスが Norishiro でないことが確かなときだけ、${file} を削除してください。`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(`${dataDir} をロックできませんでした。`);
}

const FULL = /No space left on device|os error 28/i;
const READ_ONLY = /Read-only file system|os error (13|30)/i;

/** Errors from any layer (node:fs, PGlite, Meilisearch's output), as one plain sentence. */
export function dataDirProblem(e: unknown, dataDir: string): DataDirError | undefined {
  const codes: string[] = [];
  const messages: string[] = [];
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    codes.push(String((c as { code?: unknown }).code ?? ''));
    messages.push(String((c as Error).message ?? ''));
  }
  const all = messages.join(' ');
  const full = codes.includes('ENOSPC') || FULL.test(all);
  const readOnly = codes.some((c) => ['EROFS', 'EACCES', 'EPERM'].includes(c)) || READ_ONLY.test(all);
  if (full)
    return new DataDirError(
      `${dataDir} のディスクがいっぱいです。空きを作ってから（または DATA_DIR に空きのある場所を指定して）もう一度起動してください。`,
    );
  if (readOnly)
    return new DataDirError(
      `${dataDir} に書き込めません（読み取り専用か、権限がありません）。書き込めるフォルダを DATA_DIR に指定してください。`,
    );
  return undefined;
}

/**
 * Before anything is started: DATA_DIR must exist (created if needed) and take a write. A
 * folder this created is removed again when it cannot be used, so nothing is left behind.
 */
function checkDataDir(dataDir: string): () => void {
  let created: string | undefined;
  try {
    created = mkdirSync(dataDir, { recursive: true });
    const probe = join(dataDir, `.write-test-${process.pid}`);
    try {
      const fd = openSync(probe, 'w');
      try {
        writeSync(fd, Buffer.alloc(64 * 1024));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } finally {
      rmSync(probe, { force: true });
    }
  } catch (e) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw dataDirProblem(e, dataDir) ?? e;
  }
  return () => {
    if (created && existsSync(created)) rmSync(created, { recursive: true, force: true });
  };
}

/** How long start-up waits for an external Meilisearch to answer /health. */
export const MEILI_CONNECT_TIMEOUT_MS = 5_000;

async function connectMeili(config: Config, opts: RuntimeOptions) {
  if (config.MEILI_URL) {
    const client = meiliClient(config.MEILI_URL, config.MEILI_MASTER_KEY, { timeoutMs: MEILI_CONNECT_TIMEOUT_MS });
    if (!(await meiliHealthy(client))) {
      throw new UnavailableError(
        `MEILI_URL の Meilisearch（${config.MEILI_URL}）が ${MEILI_CONNECT_TIMEOUT_MS / 1000} 秒以内に応答しません。` +
          'Meilisearch が起動しているか、URL が正しいかを確かめてください（MEILI_URL を消すと同梱のものを使います）。',
      );
    }
    return {
      client: meiliClient(config.MEILI_URL, config.MEILI_MASTER_KEY),
      url: config.MEILI_URL,
      key: config.MEILI_MASTER_KEY,
      stop: async () => {},
    };
  }
  const embedded = await startEmbeddedMeili(config.DATA_DIR, { log: opts.log, hangMs: opts.meiliHangMs });
  return {
    client: meiliClient(embedded.url, embedded.masterKey),
    url: embedded.url,
    key: embedded.masterKey,
    embedded,
    stop: embedded.stop,
  };
}

async function connectDb(config: Config): Promise<Db> {
  try {
    const db = await openDb(config);
    await migrate(db);
    return db;
  } catch (e) {
    if (!config.DATABASE_URL) {
      const disk = dataDirProblem(e, config.DATA_DIR);
      if (disk) throw disk;
    }
    const where = config.DATABASE_URL
      ? 'DATABASE_URL の PostgreSQL サーバー'
      : `同梱のデータベース（${join(config.DATA_DIR, 'pg')}）`;
    throw new UnavailableError(`${where}を開けませんでした: ${(e as Error).message}`);
  }
}

/** Opens the database (migrated) and Meilisearch, embedded or external, as configured. */
export async function openRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const needsLock = !config.DATABASE_URL || !config.MEILI_URL;
  const cleanups: (() => Promise<void> | void)[] = [];
  // Only a start that fails removes a DATA_DIR it created; close() keeps it.
  let removeIfNew = () => {};
  try {
    if (needsLock) {
      removeIfNew = checkDataDir(config.DATA_DIR);
      cleanups.unshift(lockDataDir(config.DATA_DIR));
    }
    const meili = await connectMeili(config, opts).catch((e: unknown) => {
      throw (needsLock && dataDirProblem(e, config.DATA_DIR)) || e;
    });
    cleanups.unshift(meili.stop);
    const db = await connectDb(config);
    cleanups.unshift(() => db.close());
    return {
      config,
      db,
      meili: meili.client,
      meiliUrl: meili.url,
      meiliKey: meili.key,
      indexName: config.MEILI_INDEX,
      embedded: meili.embedded,
      close: async () => {
        for (const fn of cleanups) await fn();
      },
    };
  } catch (e) {
    for (const fn of cleanups) await Promise.resolve(fn()).catch(() => undefined);
    removeIfNew();
    throw e;
  }
}

/** How a running service tells a CLI in another process to hand it the work. */
export interface ServiceRecord {
  pid: number;
  url: string;
  token: string;
  /** The Meilisearch the service uses, so Meilisearch-only work can go straight to it. */
  meiliUrl: string;
}

export const serviceFile = (dataDir: string) => join(dataDir, 'service.json');

export function writeServiceRecord(dataDir: string, record: ServiceRecord): () => void {
  const file = serviceFile(dataDir);
  writeFileSync(file, JSON.stringify(record), { mode: 0o600 });
  const remove = () => rmSync(file, { force: true });
  process.once('exit', remove);
  return remove;
}

export function readServiceRecord(dataDir: string): ServiceRecord | undefined {
  const file = serviceFile(dataDir);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as ServiceRecord;
    return alive(record.pid) ? record : undefined;
  } catch {
    return undefined;
  }
}
