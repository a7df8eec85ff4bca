import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openPostgres } from '@norishiro/indexer';
import { startService, type RunningService } from '../e2e/support/server.ts';
import { cookiesOf } from '../support/auth.ts';

const server = inject('postgresUrl');

/**
 * Two instances behind a load balancer: one PostgreSQL server, one external Meilisearch,
 * a shared auth secret. Whatever one instance does, the other must see.
 */
describe.skipIf(!server)('two instances on one PostgreSQL and one Meilisearch', () => {
  let a: RunningService;
  let b: RunningService;
  let dbUrl: string;
  const secret = randomBytes(32).toString('hex');

  const post = (svc: RunningService, path: string, body: unknown, cookie = '') =>
    fetch(`${svc.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1', cookie },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const name = `two_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(server!);
    await admin.exec(`create database ${name}`);
    await admin.close();
    dbUrl = server!.replace(/\/postgres$/, `/${name}`);
    const env = {
      DATABASE_URL: dbUrl,
      MEILI_URL: inject('meiliUrl'),
      MEILI_MASTER_KEY: inject('meiliKey'),
      MEILI_INDEX: name,
      NORISHIRO_AUTH_SECRET: secret,
      ORIGIN: 'http://127.0.0.1',
      RATE_LIMIT: 'on',
    };
    a = await startService({ env });
    b = await startService({ env });
  }, 240_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  let adminCookie = '';

  it('an account made on one instance signs in on the other, and the session works on both', async () => {
    const setup = b.log().match(/\/setup\?token=(\S+)/)?.[1] ?? a.log().match(/\/setup\?token=(\S+)/)?.[1];
    expect(setup).toBeTruthy();
    const made = await post(a, '/api/setup', {
      token: setup,
      name: '管理',
      email: 'admin@example.test',
      password: 'two-instance-pass',
    });
    expect([201, 403]).toContain(made.status);
    if (made.status === 403) {
      // B printed its link after A's: that one is the live one.
      const other = a.log().match(/\/setup\?token=(\S+)/)![1];
      expect(
        (
          await post(a, '/api/setup', {
            token: other,
            name: '管理',
            email: 'admin@example.test',
            password: 'two-instance-pass',
          })
        ).status,
      ).toBe(201);
    }
    const signIn = await post(b, '/api/auth/sign-in/email', {
      email: 'admin@example.test',
      password: 'two-instance-pass',
    });
    expect(signIn.status).toBe(200);
    adminCookie = cookiesOf(signIn);
    for (const svc of [a, b])
      expect((await fetch(`${svc.url}/api/me`, { headers: { cookie: adminCookie } })).status).toBe(200);
  });

  it('an account disabled on one instance loses its session on the other within seconds', async () => {
    const created = await post(
      a,
      '/api/accounts',
      { email: 'staff@example.test', name: '職員', role: 'staff', municipalities: ['162051'] },
      adminCookie,
    );
    expect(created.status).toBe(201);
    const { setPasswordUrl, account } = (await created.json()) as { setPasswordUrl: string; account: { id: string } };
    const token = new URL(setPasswordUrl).searchParams.get('token');
    expect((await post(b, '/api/account/password', { token, password: 'staff-password-9' })).status).toBe(200);
    const staffCookie = cookiesOf(
      await post(b, '/api/auth/sign-in/email', { email: 'staff@example.test', password: 'staff-password-9' }),
    );
    expect((await fetch(`${b.url}/api/me`, { headers: { cookie: staffCookie } })).status).toBe(200);
    expect((await post(a, `/api/accounts/${account.id}/disable`, {}, adminCookie)).status).toBe(200);
    await expect
      .poll(async () => (await fetch(`${b.url}/api/me`, { headers: { cookie: staffCookie } })).status, {
        timeout: 10_000,
        interval: 500,
      })
      .toBe(401);
  });

  it('sign-in attempts are counted together across instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await post(i % 2 ? a : b, '/api/auth/sign-in/email', {
        email: 'admin@example.test',
        password: 'wrong-password-x',
      });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
  });

  it('reference data changed through one instance’s database reaches the other’s cache', async () => {
    const before = (await (await fetch(`${b.url}/api/municipalities`)).json()) as unknown[];
    const db = await openPostgres(dbUrl);
    // 焼津市 as an import on another instance would write it.
    await db.query(`insert into municipalities (code, data) values ('222127', $1)`, [
      {
        code: '222127',
        prefecture: '静岡県',
        name: '焼津市',
        reading: 'やいづし',
        cityHall: { lat: 34.8669, lng: 138.3237 },
        districts: [],
      },
    ]);
    await db.close();
    await expect
      .poll(async () => ((await (await fetch(`${b.url}/api/municipalities`)).json()) as unknown[]).length, {
        timeout: 5_000,
      })
      .toBe(before.length + 1);
  });
});
