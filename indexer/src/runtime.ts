import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { Config } from './config.ts';
import { openDb, type Db } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { meiliClient, meiliHealthy } from './meili/client.ts';
import { startEmbeddedMeili } from './meili/launcher.ts';

export class UnavailableError extends Error {}
export class DataDirBusyError extends Error {}

export interface Runtime {
  config: Config;
  db: Db;
  meili: Meilisearch;
  meiliUrl: string;
  meiliKey: string | undefined;
  indexName: string;
  close(): Promise<void>;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Embedded PGlite and Meilisearch let one process own DATA_DIR. The lock records its pid;
 * a lock left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'norishiro.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      const release = () => rmSync(file, { force: true });
      process.once('exit', release);
      return () => {
        process.off('exit', release);
        release();
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && alive(owner)) {
        throw new DataDirBusyError(
          `Another Norishiro process (pid ${owner}) is using ${dataDir}. Stop it, or run this while the service is up so the work is handed to it.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new DataDirBusyError(`Could not lock ${dataDir}`);
}

async function connectMeili(config: Config) {
  if (config.MEILI_URL) {
    const client = meiliClient(config.MEILI_URL, config.MEILI_MASTER_KEY);
    if (!(await meiliHealthy(client))) {
      throw new UnavailableError(
        `Meilisearch at ${config.MEILI_URL} is unreachable. Check MEILI_URL, or unset it to use the embedded one.`,
      );
    }
    return { client, url: config.MEILI_URL, key: config.MEILI_MASTER_KEY, stop: async () => {} };
  }
  const embedded = await startEmbeddedMeili(config.DATA_DIR);
  return {
    client: meiliClient(embedded.url, embedded.masterKey),
    url: embedded.url,
    key: embedded.masterKey,
    stop: embedded.stop,
  };
}

async function connectDb(config: Config): Promise<Db> {
  try {
    const db = await openDb(config);
    await migrate(db);
    return db;
  } catch (e) {
    const where = config.DATABASE_URL
      ? 'the PostgreSQL server in DATABASE_URL'
      : `the embedded database in ${config.DATA_DIR}/pg`;
    throw new UnavailableError(`Could not open ${where}: ${(e as Error).message}`);
  }
}

/** Opens the database (migrated) and Meilisearch, embedded or external, as configured. */
export async function openRuntime(config: Config): Promise<Runtime> {
  const needsLock = !config.DATABASE_URL || !config.MEILI_URL;
  const unlock = needsLock ? lockDataDir(config.DATA_DIR) : () => {};
  const cleanups: (() => Promise<void> | void)[] = [unlock];
  try {
    const meili = await connectMeili(config);
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
      close: async () => {
        for (const fn of cleanups) await fn();
      },
    };
  } catch (e) {
    for (const fn of cleanups) await fn();
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
