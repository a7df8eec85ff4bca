import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, firstBrokenRow, readChain, runAdmin } from '@norishiro/api';
import type { Db } from '@norishiro/indexer';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { databaseKinds } from '../support/services.ts';

const who = { userId: 'u-test', role: 'staff' as const, ip: '192.0.2.1' };

async function verify(t: TestApp): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runAdmin(
    {
      db: t.db,
      auth: t.deps.auth,
      config: undefined as never,
      origin: 'http://localhost',
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
      stdin: async () => '',
      cwd: process.cwd(),
      inService: false,
    },
    ['audit', 'verify'],
  );
  return { code, out: lines.join('\n') };
}

const tamper = async (db: Db, sql: string) => {
  await db.exec('alter table audit_log disable trigger audit_log_no_change');
  await db.exec(sql);
  await db.exec('alter table audit_log enable trigger audit_log_no_change');
};

describe.each(databaseKinds())('audit chain on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories(kind);
  });
  afterAll(() => t.close());

  it('concurrent appends make one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.db.transaction((tx) => audit(tx, who, { action: 'case_read', objectType: 'case', objectId: `c${i}` })),
      ),
    );
    const rows = await readChain(t.db);
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(firstBrokenRow(rows)).toBeUndefined();
    expect(await verify(t)).toMatchObject({ code: 0 });
  });

  it('rows cannot be changed or deleted through SQL', async () => {
    await expect(t.db.query(`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('delete from audit_log where seq = 1')).rejects.toThrow(/append-only/);
  });

  it('`pnpm admin audit verify` names the first row someone edited behind the trigger’s back', async () => {
    const [original] = await t.db.query<{ object_id: string }>('select object_id from audit_log where seq = 7');
    await tamper(t.db, `update audit_log set object_id = 'someone-else' where seq = 7`);
    const result = await verify(t);
    expect(result.code).toBe(1);
    expect(result.out).toContain('行 7');
    await tamper(t.db, `update audit_log set object_id = '${original!.object_id}' where seq = 7`);
    expect(await verify(t)).toMatchObject({ code: 0 });
  });

  it('and a deleted row', async () => {
    await tamper(t.db, 'delete from audit_log where seq = 12');
    const result = await verify(t);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/行 1[23]/);
  });
});
