import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createApp, createDeps } from '@norishiro/api';
import { inventoryBatch, migrate, openPglite, openPostgres, runImport, type Db } from '@norishiro/indexer';
import { as, signedInUser, type TestUser } from '../support/auth.ts';
import type { TestApp } from '../support/app.ts';
import { databaseKinds, testMeili, uniqueIndex } from '../support/services.ts';
import { REPO_ROOT } from '../e2e/support/server.ts';

const HIMI = '162051';
const KEY = randomBytes(32);

const post = (t: TestApp, user: TestUser, path: string, body: unknown) =>
  t.app.request(path, as(user, { method: 'POST', body: JSON.stringify(body) }));

/** What a municipality's staff would have after a week of use: accounts, a case, a referral, a gap, audit rows. */
async function useTheService(db: Db, indexName: string): Promise<void> {
  await migrate(db);
  const meili = testMeili();
  await runImport({ db, meili, indexName }, inventoryBatch());
  const deps = createDeps({ db, meili, indexName, dataKey: KEY });
  const t: TestApp = { app: createApp(deps), deps, db, close: async () => {} };
  const coordinator = await signedInUser(t, 'coordinator', [HIMI]);
  const [{ id: resourceId }] = (await db.query<{ id: string }>(
    'select id from resources where municipality = $1 order by id limit 1',
    [HIMI],
  )) as [{ id: string }];
  const made = await post(t, coordinator, '/api/cases', {
    municipality: HIMI,
    members: [{ relation: 'self', profile: { situations: ['hikikomori'], stage: 1, interests: ['囲碁'] } }],
    contactNote: '平日の午後に電話',
  });
  expect(made.status).toBe(201);
  const referral = await post(t, coordinator, '/api/referrals', {
    caseId: (await made.json()).id,
    member: 0,
    resourceId,
    consent: { basis: 'consent', date: '2026-11-20', method: 'written', obtainedBy: '担当', items: ['stage'] },
  });
  expect(referral.status).toBe(201);
  const gap = await post(t, coordinator, '/api/gaps', {
    municipality: HIMI,
    district: '稲積地区',
    stage: 1,
    situations: ['school_refusal'],
    categories: ['ibasho'],
    timeBands: ['weekday_evening'],
    failedFactor: 'target',
  });
  expect(gap.status).toBe(201);
}

/**
 * Every row of every table, in a stable order: what "nothing was lost" means. The restore
 * rebuilds the index on purpose, so when it last synced is the one value allowed to move.
 */
async function everyTable(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables)
    out[name] = (await db.query(`select * from "${name}"`))
      .map((r) => JSON.stringify(name === 'index_state' ? { ...r, synced_at: undefined } : r))
      .sort();
  return out;
}

function admin(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli/admin.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

const indexedCount = async (indexName: string) => (await testMeili().index(indexName).getStats()).numberOfDocuments;

describe.each(databaseKinds())('pnpm admin backup and restore on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), `backup-${kind}-`));
  const indexName = uniqueIndex('backup');
  afterAll(async () => {
    await testMeili().deleteIndexIfExists(indexName);
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up, survives a wipe, restores every row of every table, and rebuilds the index', async () => {
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'data.key'), KEY.toString('hex'), { mode: 0o600 });
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      MEILI_URL: inject('meiliUrl'),
      MEILI_MASTER_KEY: inject('meiliKey'),
      MEILI_INDEX: indexName,
    };
    let open: () => Promise<Db>;
    let wipe: () => Promise<void>;
    if (kind === 'pglite') {
      open = () => openPglite(join(dataDir, 'pg'));
      wipe = async () => rmSync(join(dataDir, 'pg'), { recursive: true });
    } else {
      const server = inject('postgresUrl')!;
      const name = `backup_${randomBytes(4).toString('hex')}`;
      const root = await openPostgres(server);
      await root.exec(`create database ${name}`);
      await root.close();
      env.DATABASE_URL = server.replace(/\/postgres$/, `/${name}`);
      open = () => openPostgres(env.DATABASE_URL!);
      wipe = async () => {
        const db = await open();
        await db.exec('drop schema public cascade; create schema public');
        await db.close();
      };
    }

    let db = await open();
    await useTheService(db, indexName);
    const before = await everyTable(db);
    await db.close();
    expect(before.cases).toHaveLength(1);
    expect(before.referrals).toHaveLength(1);
    expect(before.audit_log!.length).toBeGreaterThan(2);

    const file = join(dir, 'norishiro.backup');
    const backedUp = admin(env, 'backup', file);
    expect(backedUp.out).toContain('バックアップを書きました');
    expect(backedUp.code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(admin(env, 'backup', file).out).toContain('--force');

    const refused = admin(env, 'restore', file);
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--replace');

    await wipe();
    await testMeili().deleteIndexIfExists(indexName);

    const restored = admin(env, 'restore', file);
    expect(restored.out).toContain('復元しました');
    expect(restored.code).toBe(0);

    db = await open();
    const after = await everyTable(db);
    await db.close();
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(await indexedCount(indexName)).toBe(before.resources!.length);
  });
});

it('a file that is not a backup is refused in plain words, with no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backup-junk-'));
  const junk = join(dir, 'junk.backup');
  writeFileSync(junk, '<html>not a backup</html>');
  const env = { DATA_DIR: join(dir, 'other'), MEILI_URL: inject('meiliUrl'), MEILI_MASTER_KEY: inject('meiliKey') };
  const r = admin(env, 'restore', junk);
  expect(r.code).toBe(1);
  expect(r.out).toContain('Norishiro のバックアップではありません');
  expect(r.out).not.toMatch(/\n\s+at /);
  rmSync(dir, { recursive: true, force: true });
});
