import { spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { openPglite, type Db } from './connect.ts';

/**
 * A backup is the database's own format: PGlite's data directory as a gzipped tar (what
 * `PGlite.create({ loadDataDir })` reads back), or `pg_dump --format=custom` for a server,
 * so an operator can also restore it with the standard PostgreSQL tools.
 */
export type BackupKind = 'pglite' | 'postgres';

export class BackupError extends Error {}

export const BACKUP_KIND_LABEL: Record<BackupKind, string> = {
  pglite: '同梱のデータベース（PGlite）',
  postgres: 'PostgreSQL サーバー（pg_dump 形式）',
};

/** What the first bytes of a file say it is: a pg_dump custom archive starts `PGDMP`, PGlite's tar is gzipped. */
export function backupKindOf(file: string): BackupKind | undefined {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgres';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  return undefined;
}

/** Written beside the target and renamed into place, so a crash or a full disk never leaves half a backup under FILE. */
function writeWhole(file: string, write: (partial: string) => Promise<void>): Promise<void> {
  const partial = `${file}.partial`;
  return write(partial).then(
    () => renameSync(partial, file),
    (e: unknown) => {
      rmSync(partial, { force: true });
      throw e;
    },
  );
}

/** pg_dump and pg_restore from PATH, or from the newest Debian server package when PATH lacks them. */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter))
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const newest = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', name)))
    .sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin', name) : undefined;
}

/** The password goes through the child's environment, never its command line (readable in /proc by any user). */
function connectionFor(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

function runTool(name: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const bin = findPgTool(name);
  if (!bin)
    throw new BackupError(
      `${name} が見つかりません。PostgreSQL のクライアント（Debian なら postgresql-client）を入れてから、もう一度実行してください。`,
    );
  const { dbname, env } = connectionFor(url);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, `--dbname=${dbname}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', (e) => reject(new BackupError(`${name} を起動できませんでした: ${e.message}`)));
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new BackupError(
              `${name} が失敗しました（終了コード ${code}）: ${stderr.trim() || '理由は出力されませんでした'}`,
            ),
          ),
    );
  });
}

/** Writes a backup of the open database to FILE (mode 0600: it holds pseudonymous case data). */
export async function backupDatabase(db: Db, file: string, databaseUrl?: string): Promise<BackupKind> {
  if (db.kind === 'pglite') {
    const pg = db.native as { dumpDataDir(compression: 'gzip'): Promise<Blob> };
    await writeWhole(file, async (partial) => {
      const tar = await pg.dumpDataDir('gzip');
      writeFileSync(partial, Buffer.from(await tar.arrayBuffer()), { mode: 0o600 });
    });
    return 'pglite';
  }
  if (!databaseUrl) throw new BackupError('DATABASE_URL がないため、PostgreSQL サーバーのバックアップを取れません。');
  await writeWhole(file, async (partial) => {
    writeFileSync(partial, '', { mode: 0o600 });
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${partial}`], databaseUrl);
  });
  return 'postgres';
}

/** A gzipped tar that PGlite can load: it must hold PG_VERSION at its root. */
export function checkPgliteArchive(file: string): void {
  let tar: Buffer;
  try {
    tar = gunzipSync(readFileSync(file));
  } catch {
    throw new BackupError(`${file} は壊れているか、途中までしか書かれていません（gzip として読めません）。`);
  }
  const names: string[] = [];
  for (let at = 0; at + 512 <= tar.length;) {
    const name = tar.toString('utf8', at, at + 100).replace(/\0.*$/s, '');
    if (!name) break;
    names.push(name);
    const size = parseInt(
      tar
        .toString('latin1', at + 124, at + 136)
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    at += 512 + Math.ceil(size / 512) * 512;
  }
  if (!names.some((n) => /(^|\/)PG_VERSION$/.test(n)))
    throw new BackupError(
      `${file} は Norishiro のバックアップではありません（データベースのファイルが入っていません）。`,
    );
}

/** Loads a PGlite backup into DIR, which must not hold a database yet. */
export async function restorePglite(file: string, dir: string): Promise<Db> {
  return openPglite(dir, new Blob([new Uint8Array(readFileSync(file))]));
}

/** Replaces the server database's objects with the backup's, all or nothing. */
export function restorePostgres(file: string, databaseUrl: string): Promise<void> {
  return runTool(
    'pg_restore',
    ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', file],
    databaseUrl,
  );
}

/** A database the service has started on at least once: restoring over it needs `--replace`. */
export async function hasSchema(db: Db): Promise<boolean> {
  const [row] = await db.query<{ found: boolean }>(
    `select exists (select 1 from information_schema.tables where table_schema = 'public' and table_name = 'schema_migrations') as found`,
  );
  return Boolean(row?.found);
}
