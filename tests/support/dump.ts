import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Db } from '@norishiro/indexer';
import { findPgBin } from './postgres.ts';

/**
 * Everything a database holds, as bytes an attacker with a backup would see: `pg_dump` of a
 * PostgreSQL database, or PGlite's whole data directory as an uncompressed tar.
 */
export async function databaseDump(db: Db): Promise<Buffer> {
  if (db.kind === 'pglite') {
    const tar = await (db.native as { dumpDataDir(c: 'none'): Promise<Blob> }).dumpDataDir('none');
    return Buffer.from(await tar.arrayBuffer());
  }
  const [row] = await db.query<{ name: string }>('select current_database() as name');
  const url = inject('postgresUrl')!.replace(/\/postgres$/, `/${row!.name}`);
  const dump = spawnSync(join(findPgBin()!, 'pg_dump'), ['--data-only', url], { maxBuffer: 1 << 30 });
  if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.toString()}`);
  return dump.stdout;
}

/** Files under a directory (the search engine's data) that contain the given text. */
export function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  const found: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = join(dir, entry);
    if (statSync(file).isFile() && readFileSync(file).includes(needle)) found.push(entry);
  }
  return found;
}
