import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cipherFrom, firstBrokenRow, readChain, ReferralService, scoped } from '@norishiro/api';
import { inventoryBatch, migrate, openPglite, openPostgres, upsertMunicipalities, type Db } from '@norishiro/indexer';
import { REPO_ROOT } from '../e2e/support/server.ts';

const ROUNDS = 4;

async function seed(db: Db): Promise<{ resourceId: string; caseId: string }> {
  await migrate(db);
  const batch = inventoryBatch();
  await upsertMunicipalities(db, batch.municipalities);
  const r = batch.resources.find((x) => x.municipality === '162051')!;
  await db.query(`insert into resources (id, municipality, data, imported, origin) values ($1, $2, $3, $3, 'test')`, [
    r.id,
    r.municipality,
    r,
  ]);
  const service = new ReferralService(db, cipherFrom(Buffer.alloc(32, 7)));
  const actor = {
    userId: 'seed',
    email: 's@example.test',
    name: 'seed',
    role: 'coordinator' as const,
    municipalities: ['162051'],
    resources: [],
    ip: 'test',
  };
  const c = await service.createCase(scoped(db, actor), {
    municipality: '162051',
    members: [{ relation: 'self', profile: {} as never }],
  });
  return { resourceId: r.id, caseId: c.id };
}

/** Every referral is whole: its status is the last status its events record, and its creation is audited. */
async function expectWhole(db: Db) {
  const broken = await db.query<{ id: string }>(
    `select r.id from referrals r
     where r.status is distinct from (select e.to_status from referral_events e where e.referral_id = r.id and e.kind = 'status' order by e.id desc limit 1)
        or r.version <> (select count(*) from referral_events e where e.referral_id = r.id)`,
  );
  expect(broken).toEqual([]);
  const [{ referrals, audited }] = (await db.query<{ referrals: number; audited: number }>(
    `select (select count(*)::int from referrals) as referrals,
            (select count(*)::int from audit_log where action = 'referral_create') as audited`,
  )) as [{ referrals: number; audited: number }];
  expect(audited).toBe(referrals);
  expect(firstBrokenRow(await readChain(db))).toBeUndefined();
}

async function killMidway(target: string, resourceId: string, caseId: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/support/referral-worker.ts', target, resourceId, caseId],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 900)));
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

describe('killing the service mid-change leaves whole referrals', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('on PGlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crash-pglite-'));
    dirs.push(dir);
    let db = await openPglite(dir);
    const { resourceId, caseId } = await seed(db);
    await db.close();
    for (let round = 0; round < ROUNDS; round++) {
      await killMidway(dir, resourceId, caseId);
      db = await openPglite(dir);
      await expectWhole(db);
      await db.close();
    }
    db = await openPglite(dir);
    const [{ n }] = (await db.query<{ n: number }>('select count(*)::int as n from referrals')) as [{ n: number }];
    await db.close();
    expect(n).toBeGreaterThan(0);
  });

  it.skipIf(!inject('postgresUrl'))('on PostgreSQL', async () => {
    const server = inject('postgresUrl')!;
    const name = `crash_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(server);
    await admin.exec(`create database ${name}`);
    await admin.close();
    const url = server.replace(/\/postgres$/, `/${name}`);
    let db = await openPostgres(url);
    const { resourceId, caseId } = await seed(db);
    await db.close();
    for (let round = 0; round < ROUNDS; round++) {
      await killMidway(url, resourceId, caseId);
      db = await openPostgres(url);
      await expectWhole(db);
      await db.close();
    }
  });
});
