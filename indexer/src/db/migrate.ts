import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './connect.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Two instances booting on one server would otherwise apply the same file twice. */
const MIGRATION_LOCK = 7_243_000;

/**
 * Applies versioned `NNN_name.sql` files once each, in order, in one transaction that holds
 * an advisory lock: a second instance waits, then finds nothing left to do.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec(
    'create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())',
  );
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = new Set(
      (await tx.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version),
    );
    const pending = readdirSync(dir)
      .filter((f) => /^\d+_.+\.sql$/.test(f) && !done.has(f))
      .sort();
    for (const file of pending) {
      for (const statement of splitStatements(readFileSync(`${dir}${file}`, 'utf8'))) await tx.query(statement);
      await tx.query('insert into schema_migrations(version) values ($1)', [file]);
    }
    return pending;
  });
}

/**
 * Statements end at a semicolon at the end of a line, except inside a `$$` function body,
 * which may hold semicolons of its own. Line comments are dropped.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const rawLine of sql.split('\n')) {
    const line = inBody ? rawLine : rawLine.replace(/--.*$/, '');
    if (((line.match(/\$\$/g) ?? []).length & 1) === 1) inBody = !inBody;
    current += line + '\n';
    if (!inBody && /;\s*$/.test(line)) {
      statements.push(current.replace(/;\s*$/, '').trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements.filter(Boolean);
}
