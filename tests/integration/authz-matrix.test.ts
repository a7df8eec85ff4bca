import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions, type Role } from '@norishiro/api';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { endpoints, type RouteEntry } from '../support/routes.ts';
import { as, signedInUser, type TestUser } from '../support/auth.ts';
import { databaseKinds } from '../support/services.ts';
import { OWN, routeFixtures, type Where } from './authz/routes.ts';

const ROLES: Role[] = ['coordinator', 'host', 'staff', 'admin'];

describe.each(databaseKinds())('authorization matrix on %s', (kind) => {
  let t: TestApp;
  const users = new Map<string, TestUser>();
  beforeAll(async () => {
    t = await appWithInventories(kind);
    for (const role of ROLES) users.set(role, await signedInUser(t, role, [OWN]));
  });
  afterAll(() => t.close());

  it('every route declares who may call it (deny by default)', () => {
    const undeclared = endpoints(t.app.routes as RouteEntry[])
      .filter((e) => !(e.own ?? e.area) || (!['GET', 'HEAD'].includes(e.method) && !e.own && e.area === 'public'))
      .map((e) => `${e.method} ${e.path}`);
    expect(undeclared, 'routes without a declared permission (writes in public areas must declare their own)').toEqual(
      [],
    );
  });

  it('every non-public route is in the matrix', () => {
    const missing = endpoints(t.app.routes as RouteEntry[])
      .filter((e) => (e.own ?? e.area) !== 'public' && (e.own ?? e.area) !== 'local-token')
      .map((e) => `${e.method} ${e.path}`)
      .filter((k) => !routeFixtures[k]);
    expect(missing, 'add these to tests/integration/authz/routes.ts').toEqual([]);
  });

  it('each role × municipality × route gets exactly the status it should', async () => {
    const failures: string[] = [];
    for (const e of endpoints(t.app.routes as RouteEntry[])) {
      const declaration = e.own ?? e.area;
      if (declaration === 'public' || declaration === 'local-token' || !declaration) continue;
      const fixture = routeFixtures[`${e.method} ${e.path}`]!;
      const allowed = permissions[declaration] as readonly Role[];
      for (const where of ['own', 'other'] as Where[]) {
        for (const role of [undefined, ...ROLES]) {
          const { path, body } = await fixture.setup(t, where);
          const user = role && users.get(role);
          const res = await t.app.request(
            path,
            as(user, { method: e.method, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
          );
          const expected = !role ? 401 : !allowed.includes(role) ? 403 : fixture.ok(role, where);
          if (res.status !== expected)
            failures.push(
              `${e.method} ${path} as ${role ?? 'resident'} (${where}): ${res.status}, expected ${expected}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
