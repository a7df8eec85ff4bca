import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP } from 'otpauth';
import { createApp, createDeps, type App } from '@norishiro/api';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, cookiesOf, ORIGIN, signIn, signedInUser, TEST_PASSWORD } from '../support/auth.ts';
import { authorizeAt, startOidcProvider, type LocalOidc } from '../support/oidc.ts';
import { databaseKinds, testMeili } from '../support/services.ts';
import { createAccount } from '@norishiro/api';

const HIMI = '162051';
const post = (body: unknown, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ORIGIN, ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

describe.each(databaseKinds())('second factor, OpenID Connect and sign-in limits on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories(kind);
  });
  afterAll(() => t.close());

  it('with TOTP switched on, a password alone no longer opens a session', async () => {
    const staff = await signedInUser(t, 'staff', [HIMI]);
    const enable = await t.app.request('/api/auth/two-factor/enable', post({ password: TEST_PASSWORD }, staff.cookie));
    expect(enable.status).toBe(200);
    const { totpURI } = (await enable.json()) as { totpURI: string };
    const secret = new URL(totpURI).searchParams.get('secret')!;
    const code = () => new TOTP({ secret, digits: 6, period: 30 }).generate();
    const confirm = await t.app.request(
      '/api/auth/two-factor/verify-totp',
      post({ code: code() }, `${staff.cookie}; ${cookiesOf(enable)}`),
    );
    expect(confirm.status).toBe(200);

    const first = await signIn(t, staff.email);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ twoFactorRedirect: true });
    const pending = cookiesOf(first);
    expect((await t.app.request('/api/me', as({ ...staff, cookie: pending }))).status).toBe(401);
    const wrong = await t.app.request('/api/auth/two-factor/verify-totp', post({ code: '000000' }, pending));
    expect(wrong.status).toBe(401);
    const second = await t.app.request('/api/auth/two-factor/verify-totp', post({ code: code() }, pending));
    expect(second.status).toBe(200);
    const me = await t.app.request('/api/me', as({ ...staff, cookie: cookiesOf(second) }));
    expect(me.status).toBe(200);
  });

  it('repeated wrong passwords from one address are refused with 429', async () => {
    const limited = createApp(
      createDeps({ db: t.db, meili: testMeili(), indexName: 'unused', signInLimit: { window: 60, max: 3 } }),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.request('/api/auth/sign-in/email', {
        ...post({ email: 'nobody@example.test', password: 'wrong-password' }),
        headers: { 'content-type': 'application/json', origin: ORIGIN, 'x-norishiro-client-ip': '198.51.100.7' },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  describe('OpenID Connect against a local provider', () => {
    let oidc: LocalOidc;
    let app: App;
    beforeAll(async () => {
      oidc = await startOidcProvider(`${ORIGIN}/api/auth/callback/oidc`);
      app = createApp(
        createDeps({
          db: t.db,
          meili: testMeili(),
          indexName: 'unused',
          origin: ORIGIN,
          oidc: {
            issuer: oidc.issuer,
            clientId: oidc.clientId,
            clientSecret: oidc.clientSecret,
            label: '市の職員アカウント',
          },
        }),
      );
    });
    afterAll(() => oidc.close());

    async function viaProvider(subject: string) {
      const start = await app.request('/api/auth/sign-in/social', post({ provider: 'oidc', callbackURL: '/staff' }));
      expect(start.status).toBe(200);
      const { url } = (await start.json()) as { url: string };
      const callback = new URL(await authorizeAt(url, subject));
      return app.request(callback.pathname + callback.search, {
        headers: { cookie: cookiesOf(start), origin: ORIGIN },
        redirect: 'manual',
      });
    }

    it('a person an admin added signs in with the city’s account', async () => {
      await createAccount(t.db, t.deps.auth, {
        email: 'oidc-staff@example.test',
        name: 'OIDC 職員',
        role: 'staff',
        municipalities: [HIMI],
      });
      oidc.users.set('entra-123', { email: 'oidc-staff@example.test', name: 'OIDC 職員' });
      const done = await viaProvider('entra-123');
      expect(done.status).toBe(302);
      expect(done.headers.get('location')).toMatch(/\/staff$/);
      const me = await app.request('/api/me', { headers: { cookie: cookiesOf(done) } });
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({
        email: 'oidc-staff@example.test',
        role: 'staff',
        municipalities: [HIMI],
      });
    });

    it('someone the provider knows but no admin added gets no session', async () => {
      oidc.users.set('entra-999', { email: 'stranger@example.test', name: '知らない人' });
      const done = await viaProvider('entra-999');
      expect(done.headers.get('location') ?? '').not.toMatch(/\/staff$/);
      expect(cookiesOf(done)).not.toMatch(/session_token=[^;]+/);
    });
  });
});
