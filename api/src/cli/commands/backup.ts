import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BACKUP_KIND_LABEL,
  backupDatabase,
  backupKindOf,
  BackupError,
  checkPgliteArchive,
  hasSchema,
  lockDataDir,
  migrate,
  openDb,
  openRuntime,
  restorePglite,
  restorePostgres,
  syncIndex,
  type Config,
  type Db,
} from '@norishiro/indexer';
import { cipherFrom, readDataKey } from '../../crypto/fields.ts';
import { AdminUsageError, type AdminCommand, type AdminContext } from '../command.ts';

function fileArg(args: string[], flags: Record<string, { type: 'boolean' }> = {}) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: flags, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AdminUsageError((e as Error).message);
  }
  if (parsed.positionals.length !== 1) throw new AdminUsageError('ファイルを1つ指定してください。');
  return { file: parsed.positionals[0]!, flags: parsed.values as Record<string, boolean | undefined> };
}

const megabytes = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`;

const KEY_NOTE =
  'ケースの世帯員や紹介メモは暗号化されており、その鍵（DATA_DIR/data.key または NORISHIRO_DATA_KEY）はバックアップに含まれません。' +
  '鍵はバックアップとは別の安全な場所に保管してください。鍵がないと、復元してもそれらは読めません。';

export const backup: AdminCommand = {
  usage: 'backup FILE [--force]',
  summary:
    'データベース全体を FILE に保存します（同梱のデータベースはそのファイル一式、PostgreSQL サーバーは pg_dump 形式）。サービスの起動中でも取れます。--force で既存のファイルを上書き',
  async run(ctx, args) {
    const { file: arg, flags } = fileArg(args, { force: { type: 'boolean' } });
    const file = resolve(ctx.cwd, arg);
    if (existsSync(file) && !flags.force)
      throw new AdminUsageError(`${file} はすでにあります。上書きするときは --force を付けてください。`);
    ctx.err('バックアップを書いています…');
    try {
      const kind = await backupDatabase(ctx.db, file, ctx.config.DATABASE_URL);
      ctx.out(`バックアップを書きました: ${file}（${BACKUP_KIND_LABEL[kind]}、${megabytes(file)}）`);
    } catch (e) {
      if (!(e instanceof BackupError)) throw e;
      ctx.err(e.message);
      return 1;
    }
    ctx.out(KEY_NOTE);
    return 0;
  },
};

function checkKind(file: string, config: Config) {
  if (!existsSync(file)) throw new AdminUsageError(`${file} が見つかりません。`);
  const kind = backupKindOf(file);
  const want = config.DATABASE_URL ? 'postgres' : 'pglite';
  if (!kind) throw new BackupError(`${file} は Norishiro のバックアップではありません。`);
  if (kind !== want)
    throw new BackupError(
      `${file} は${BACKUP_KIND_LABEL[kind]}のバックアップで、いまの設定（${BACKUP_KIND_LABEL[want]}）には戻せません。` +
        (want === 'postgres'
          ? 'DATABASE_URL を外して同梱のデータベースに戻してください。'
          : 'DATABASE_URL にバックアップ元と同じ種類のサーバーを指定してください。'),
    );
  if (kind === 'pglite') checkPgliteArchive(file);
  return kind;
}

/**
 * PGlite loads a backup only into an empty directory: the current one is moved aside (never
 * deleted) and put back if loading fails.
 */
async function restoreIntoDataDir(ctx: AdminContext, file: string, replace: boolean): Promise<void> {
  const dataDir = ctx.config.DATA_DIR;
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const pgDir = join(dataDir, 'pg');
  let aside: string | undefined;
  try {
    if (existsSync(join(pgDir, 'PG_VERSION')) && !replace)
      throw new AdminUsageError(
        `${dataDir} にはすでにデータベースがあります。置き換えるときは --replace を付けてください（いまのものは残して脇に移します）。`,
      );
    ctx.err(`${BACKUP_KIND_LABEL.pglite}のバックアップを読み込んでいます…`);
    if (existsSync(pgDir)) {
      aside = `${pgDir}.before-restore-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
      renameSync(pgDir, aside);
    }
    try {
      const db = await restorePglite(file, pgDir);
      await migrate(db).finally(() => db.close());
    } catch (e) {
      rmSync(pgDir, { recursive: true, force: true });
      if (aside) renameSync(aside, pgDir);
      aside = undefined;
      throw e;
    }
    if (aside) ctx.err(`それまでのデータベースは ${aside} に残しました。確かめてから消してください。`);
  } finally {
    unlock();
  }
}

async function restoreIntoServer(ctx: AdminContext, file: string, replace: boolean): Promise<void> {
  const db = await openDb(ctx.config);
  try {
    if ((await hasSchema(db)) && !replace)
      throw new AdminUsageError(
        'DATABASE_URL のデータベースにはすでに Norishiro のデータがあります。置き換えるときは --replace を付けてください。',
      );
  } finally {
    await db.close();
  }
  ctx.err(`${BACKUP_KIND_LABEL.postgres}のバックアップを読み込んでいます…`);
  ctx.err('Norishiro のサービスをすべて止めてから復元してください（動いているインスタンスの書き込みは失われます）。');
  await restorePostgres(file, ctx.config.DATABASE_URL!);
}

/** Sealed fields written under another key cannot be opened: say so now, not when a coordinator opens a case. */
async function sealedReadable(db: Db, ctx: AdminContext): Promise<boolean> {
  const [row] = await db.query<{ sealed: string }>(
    'select members_sealed as sealed from cases where members_sealed is not null limit 1',
  );
  if (!row) return true;
  const key = readDataKey(process.env, ctx.config.DATA_DIR);
  try {
    if (key) cipherFrom(key).open(row.sealed);
    return Boolean(key);
  } catch {
    return false;
  }
}

async function summary(db: Db): Promise<string> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  let rows = 0;
  for (const t of tables)
    rows += Number((await db.query<{ n: number }>(`select count(*)::int as n from "${t.name}"`))[0]!.n);
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from resources');
  return `表 ${tables.length} 個・${rows} 行（資源 ${r!.n} 件）`;
}

export const restore: AdminCommand = {
  usage: 'restore FILE [--replace]',
  summary:
    '`pnpm admin backup` のファイルからデータベースを戻し、検索索引をそこから作り直します。サービスを止めてから実行してください。データベースがすでにあるときは --replace',
  offline: true,
  async run(ctx, args) {
    const { file: arg, flags } = fileArg(args, { replace: { type: 'boolean' } });
    const file = resolve(ctx.cwd, arg);
    try {
      const kind = checkKind(file, ctx.config);
      if (kind === 'pglite') await restoreIntoDataDir(ctx, file, !!flags.replace);
      else await restoreIntoServer(ctx, file, !!flags.replace);
    } catch (e) {
      if (!(e instanceof BackupError)) throw e;
      ctx.err(e.message);
      return 1;
    }
    const rt = await openRuntime(ctx.config);
    try {
      ctx.err('検索索引をデータベースから作り直しています…');
      const index = await syncIndex(rt.db, rt.meili, rt.indexName, {
        force: true,
        onProgress: (done, total) => ctx.err(`  検索索引 ${done}/${total}`),
      });
      ctx.out(`復元しました: ${await summary(rt.db)}。検索索引は ${index.documents} 件で作り直しました。`);
      if (!(await sealedReadable(rt.db, ctx))) {
        ctx.err(
          'ただし、ケースの暗号化された項目をいまの鍵では読めません。バックアップ元の data.key を DATA_DIR に置くか、' +
            '同じ NORISHIRO_DATA_KEY を設定してからサービスを起動してください。',
        );
        return 1;
      }
      return 0;
    } finally {
      await rt.close();
    }
  },
};
