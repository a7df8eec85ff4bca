import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, cookiesOf, signIn, signedInUser, TEST_PASSWORD, type TestUser } from '../support/auth.ts';
import { databaseKinds } from '../support/services.ts';
import { firstBrokenRow, readChain } from '@norishiro/api';

const HIMI = '162051';
const ENA = '212105';

describe.each(databaseKinds())('accounts and sessions on %s', (kind) => {
  let t: TestApp;
  let staff: TestUser;
  beforeAll(async () => {
    t = await appWithInventories(kind);
    staff = await signedInUser(t, 'staff', [HIMI]);
  });
  afterAll(() => t.close());

  it('a signed-in staff member sees who they are; a resident gets 401', async () => {
    const me = await t.app.request('/api/me', as(staff));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ role: 'staff', municipalities: [HIMI] });
    expect((await t.app.request('/api/me')).status).toBe(401);
  });

  it('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const res = await signIn(t, staff.email);
    const cookie = res.headers.getSetCookie().find((c) => c.includes('session_token'))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('a wrong password is refused and both attempts are in the audit log', async () => {
    const bad = await signIn(t, staff.email, 'wrong-password-1');
    expect(bad.status).toBe(401);
    const rows = await readChain(t.db);
    expect(rows.some((r) => r.action === 'sign_in' && r.outcome === 'denied' && r.actorId === staff.id)).toBe(true);
    expect(rows.some((r) => r.action === 'sign_in' && r.outcome === 'ok' && r.actorId === staff.id)).toBe(true);
    expect(firstBrokenRow(rows)).toBeUndefined();
  });

  it('there is no self sign-up', async () => {
    const res = await t.app.request(
      '/api/auth/sign-up/email',
      as(undefined, {
        method: 'POST',
        body: JSON.stringify({ email: 'x@example.test', password: TEST_PASSWORD, name: 'x' }),
      }),
    );
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('staff create a coordinator for their city only, who sets a password by the one-time link', async () => {
    const other = await t.app.request(
      '/api/accounts',
      as(staff, {
        method: 'POST',
        body: JSON.stringify({ email: 'c1@example.test', name: 'C', role: 'coordinator', municipalities: [ENA] }),
      }),
    );
    expect(other.status).toBe(403);
    const res = await t.app.request(
      '/api/accounts',
      as(staff, {
        method: 'POST',
        body: JSON.stringify({
          email: 'c2@example.test',
          name: '調整 花子',
          role: 'coordinator',
          municipalities: [HIMI],
        }),
      }),
    );
    expect(res.status).toBe(201);
    const { setPasswordUrl } = (await res.json()) as { setPasswordUrl: string };
    const token = new URL(setPasswordUrl).searchParams.get('token')!;
    const set = await t.app.request(
      '/api/account/password',
      as(undefined, { method: 'POST', body: JSON.stringify({ token, password: TEST_PASSWORD }) }),
    );
    expect(set.status).toBe(200);
    const again = await t.app.request(
      '/api/account/password',
      as(undefined, { method: 'POST', body: JSON.stringify({ token, password: TEST_PASSWORD }) }),
    );
    expect(again.status).toBe(403);
    expect((await signIn(t, 'c2@example.test')).status).toBe(200);
  });

  it('a disabled account loses its session and cannot sign in again', async () => {
    const coordinator = await signedInUser(t, 'coordinator', [HIMI]);
    const off = await t.app.request(`/api/accounts/${coordinator.id}/disable`, as(staff, { method: 'POST' }));
    expect(off.status).toBe(200);
    expect((await t.app.request('/api/me', as(coordinator))).status).toBe(401);
    const again = await signIn(t, coordinator.email);
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(cookiesOf(again)).not.toMatch(/session_token=[^;]+/);
  });

  it('a state-changing request from another site is refused', async () => {
    const res = await t.app.request('/api/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', cookie: staff.cookie },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('staff export their audit log as CSV with a BOM and Japanese headers', async () => {
    const res = await t.app.request('/api/audit?format=csv', as(staff));
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('日時');
    expect(text).toContain('sign_in');
  });
});

describe.each(databaseKinds())('hosts on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories(kind);
  });
  afterAll(() => t.close());

  it('a host is linked only to resources of their municipality', async () => {
    const staff = await signedInUser(t, 'staff', [HIMI]);
    const [himi] = await t.db.query<{ id: string }>('select id from resources where municipality = $1 limit 1', [HIMI]);
    const [ena] = await t.db.query<{ id: string }>('select id from resources where municipality = $1 limit 1', [ENA]);
    const create = (resources: string[], email: string) =>
      t.app.request(
        '/api/accounts',
        as(staff, {
          method: 'POST',
          body: JSON.stringify({ email, name: '受け入れ先', role: 'host', municipalities: [HIMI], resources }),
        }),
      );
    const wrong = await create([ena!.id], 'host-wrong@example.test');
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error.message).toContain(ena!.id);
    const ok = await create([himi!.id], 'host-ok@example.test');
    expect(ok.status).toBe(201);
    expect((await ok.json()).account.resources).toEqual([himi!.id]);
  });
});
