import type { PGlite, Transaction } from '@electric-sql/pglite';
import {
  PostgresAdapter,
  PostgresDialect,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';
import type { Pool } from 'pg';
import type { Db } from '@norishiro/indexer';

/**
 * PGlite runs one transaction at a time behind a callback API; Kysely opens transactions
 * with begin/commit calls. This connection bridges the two: `begin` enters PGlite's
 * transaction and parks it until `commit` or `rollback` releases it.
 */
class PgliteConnection implements DatabaseConnection {
  private tx: Transaction | undefined;
  private settle: ((commit: boolean) => void) | undefined;
  private finished: Promise<unknown> | undefined;

  constructor(private readonly pg: PGlite) {}

  async begin(): Promise<void> {
    await new Promise<void>((entered, failed) => {
      this.finished = this.pg
        .transaction(async (tx: Transaction) => {
          this.tx = tx;
          entered();
          const commit = await new Promise<boolean>((r) => (this.settle = r));
          if (!commit) await tx.rollback();
        })
        .catch(failed);
    });
  }

  async end(commit: boolean): Promise<void> {
    this.settle?.(commit);
    try {
      await this.finished;
    } finally {
      this.tx = undefined;
      this.settle = undefined;
      this.finished = undefined;
    }
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await (this.tx ?? this.pg).query<R>(query.sql, [...query.parameters]);
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on PGlite');
  }
}

class PgliteDriver implements Driver {
  constructor(private readonly pg: PGlite) {}
  async init() {}
  async acquireConnection() {
    return new PgliteConnection(this.pg);
  }
  async beginTransaction(c: DatabaseConnection) {
    await (c as PgliteConnection).begin();
  }
  async commitTransaction(c: DatabaseConnection) {
    await (c as PgliteConnection).end(true);
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await (c as PgliteConnection).end(false);
  }
  async releaseConnection() {}
  async destroy() {}
}

/** Kysely over the service's one database connection, for better-auth's adapter. */
export function dialectFor(db: Db): Dialect {
  if (db.kind === 'postgres') return new PostgresDialect({ pool: db.native as Pool });
  const pg = db.native as PGlite;
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new PgliteDriver(pg),
    createQueryCompiler: () => new PostgresQueryCompiler(),
    createIntrospector: (k: Kysely<unknown>) => new PostgresIntrospector(k),
  };
}
