import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithInventories, type TestApp } from '../support/app.ts';

type RouteEntry = { method: string; path: string };

/**
 * The OpenAPI document is what other tools build on: every endpoint a client can call is
 * in it, with the same method. Sign-in is better-auth's own surface and is described by
 * better-auth, so `/api/auth/*` is the one area left out.
 */
describe('the OpenAPI document covers the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t.close());

  it('every route of the app is documented with its method', async () => {
    const spec = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const missing = (t.app.routes as RouteEntry[])
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.startsWith('/api/auth/'))
      .map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:([^/{}]+)(\{[^}]*\})?/g, '{$1}') }))
      .filter((r) => !spec.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});
