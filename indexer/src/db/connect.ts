import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** The one database interface: PGlite and a real PostgreSQL server run the same SQL. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** The driver underneath (a PGlite instance or a pg Pool), for the auth query builder. */
  readonly native: unknown;
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `loadDataDir` fills an empty DATA_DIR from a backup (PGlite's gzipped tar). */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir ? await PGlite.create(dataDir, { loadDataDir }) : await PGlite.create({ loadDataDir });
  return {
    kind: 'pglite',
    native: pg,
    query: async <T>(sql: string, params?: unknown[]) => (await pg.query<T>(sql, params)).rows,
    exec: async (sql) => void (await pg.exec(sql)),
    transaction: (fn) =>
      pg.transaction((tx) => fn({ query: async <T>(sql: string, p?: unknown[]) => (await tx.query<T>(sql, p)).rows })),
    close: () => pg.close(),
  };
}

export async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  await pool.query('select 1');
  return {
    kind: 'postgres',
    native: pool,
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({
          query: async <T>(sql: string, p?: unknown[]) => (await client.query(sql, p)).rows as T[],
        });
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback');
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** DATABASE_URL selects a server; otherwise PGlite keeps its files under DATA_DIR/pg. */
export function openDb(config: { DATABASE_URL?: string; DATA_DIR: string }): Promise<Db> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL) : openPglite(join(config.DATA_DIR, 'pg'));
}
