import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng } from '@norishiro/indexer';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, signedInUser, type TestUser } from '../support/auth.ts';
import { fuzzer, type Spec } from '../support/fuzz.ts';

const REQUESTS = 2_400;

/**
 * Requests generated from our own OpenAPI document, anonymous and signed in as each role:
 * whatever arrives, the answer is never a 5xx and always a JSON error with a message when it
 * fails (ours, or Meilisearch's own shape on the search proxy).
 */
describe('fuzzing every documented route', () => {
  let t: TestApp;
  let users: (TestUser | undefined)[];
  beforeAll(async () => {
    t = await appWithInventories('pglite');
    users = [undefined];
    for (const role of ['coordinator', 'host', 'staff', 'admin'] as const)
      users.push(await signedInUser(t, role, ['162051']));
  });
  afterAll(() => t.close());

  it(`${REQUESTS} generated requests: zero 5xx, every failure in the error shape`, async () => {
    const spec = (await (await t.app.request('/api/openapi.json')).json()) as Spec;
    const rand = prng(20261124);
    const next = fuzzer(spec, rand);
    const server: string[] = [];
    const shapeless: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      const r = next();
      // Admin routes answer only the local token; the CLI hand-off would run real commands.
      if (r.path.startsWith('/api/admin/')) continue;
      const user = users[i % users.length];
      const res = await t.app.request(r.path, as(user, { method: r.method, headers: r.headers, body: r.body }));
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const what = `${r.method} ${r.path.slice(0, 120)} ${r.body?.slice(0, 120) ?? ''} → ${res.status}`;
      if (res.status >= 500) server.push(what);
      if (res.status >= 400 && (res.headers.get('content-type') ?? '').includes('application/json')) {
        const body = (await res.json()) as { error?: { message?: unknown }; message?: unknown };
        if (typeof body.error?.message !== 'string' && typeof body.message !== 'string') shapeless.push(what);
      } else await res.arrayBuffer();
    }
    const sent = [...statuses.values()].reduce((a, b) => a + b, 0);
    console.log(`fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(sent).toBeGreaterThanOrEqual(2_000);
    expect(server).toEqual([]);
    expect(shapeless).toEqual([]);
    // The run reached past validation: some requests were accepted, many refused.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].some((s) => s === 400)).toBe(true);
  }, 600_000);
});
