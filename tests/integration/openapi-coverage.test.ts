import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { endpoints, type RouteEntry } from '../support/routes.ts';
import { REPO_ROOT } from '../e2e/support/server.ts';

type Spec = { paths: Record<string, Record<string, { operationId?: string; security?: Record<string, unknown>[] }>> };
const toOpenApiPath = (path: string) => path.replace(/:([^/{}]+)(\{[^}]*\})?/g, '{$1}');

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
      .map((r) => ({ method: r.method.toLowerCase(), path: toOpenApiPath(r.path) }))
      .filter((r) => !spec.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('each operation has a unique operationId and says the authorisation its route declares', async () => {
    const spec = (await (await t.app.request('/api/openapi.json')).json()) as Spec;
    const ids = Object.values(spec.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const wrong = endpoints(t.app.routes as RouteEntry[])
      .filter((e) => e.path.startsWith('/api/') && !e.path.startsWith('/api/auth/'))
      .flatMap((e) => {
        const op = spec.paths[toOpenApiPath(e.path)]?.[e.method.toLowerCase()];
        const declared = e.own ?? e.area;
        const documented = op?.security?.map((s) => Object.keys(s)[0]) ?? [];
        const expected = declared === 'public' ? [] : declared === 'local-token' ? ['adminToken'] : ['session'];
        return op && JSON.stringify(documented) !== JSON.stringify(expected)
          ? [`${e.method} ${e.path}: declared ${declared}, documented ${JSON.stringify(documented)}`]
          : [];
      });
    expect(wrong).toEqual([]);
  });

  it('every response has a body schema, so a generated client never gets `never`', async () => {
    const spec = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>
      >;
    };
    const bare = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        Object.entries(op.responses)
          .filter(([status, r]) => status !== '204' && !Object.values(r.content ?? {}).some((c) => c.schema))
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(bare).toEqual([]);
  });

  it('passes `redocly lint --extends=recommended` with zero errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, await (await t.app.request('/api/openapi.json')).text());
      const lint = spawnSync(
        process.execPath,
        [
          join(REPO_ROOT, 'tests/node_modules/@redocly/cli/bin/cli.js'),
          'lint',
          '--extends=recommended',
          '--format=json',
          file,
        ],
        { encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
      );
      const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number } };
      expect(report.totals.errors, lint.stdout.slice(0, 2000)).toBe(0);
      expect(lint.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
