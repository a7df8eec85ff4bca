import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { REPO_ROOT } from '../e2e/support/server.ts';

/** Beside the tests, so that the generated client resolves openapi-fetch like any test file. */
const OUT = join(REPO_ROOT, 'tests/.generated', `client-${process.pid}`);

/** What a third party writes against the generated types: five calls, each typed end to end. */
const CLIENT = `import createClient from 'openapi-fetch';
import type { paths } from './openapi.ts';

export async function fiveCalls(fetch: (request: Request) => Promise<Response>) {
  const api = createClient<paths>({ baseUrl: 'http://localhost', fetch });
  const health = await api.GET('/api/health');
  const taxonomy = await api.GET('/api/taxonomy');
  const list = await api.GET('/api/resources', {
    params: { query: { municipality: '162051', category: ['ibasho'], perPage: 5, free: true } },
  });
  const firstId: string = list.data?.hits[0]?.id ?? '';
  const one = await api.GET('/api/resources/{id}', { params: { path: { id: firstId } } });
  const match = await api.POST('/api/match', { body: { municipality: '162051', stage: 1, situations: ['hikikomori'] } });
  return {
    status: health.data?.status,
    categories: Object.keys(taxonomy.data?.categories ?? {}).length,
    listed: list.data?.hits.map((h) => ({ id: h.id, municipality: h.municipality, categories: h.categories })) ?? [],
    name: one.data?.resource.name,
    matched: match.data?.results.length ?? 0,
  };
}
`;

describe('a client generated from the OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(async () => {
    await t.close();
    rmSync(OUT, { recursive: true, force: true });
  });

  it('type-checks against the document and makes five working calls', async () => {
    const doc = await (await t.app.request('/api/openapi.json')).json();
    mkdirSync(OUT, { recursive: true });
    // A field with a default may be left out of a request, so a default does not make it required.
    writeFileSync(join(OUT, 'openapi.ts'), astToString(await openapiTS(doc, { defaultNonNullable: false })));
    writeFileSync(join(OUT, 'client.ts'), CLIENT);
    const tsc = spawnSync(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/typescript/bin/tsc'),
        '--ignoreConfig',
        '--noEmit',
        '--strict',
        '--target',
        'es2022',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--allowImportingTsExtensions',
        '--skipLibCheck',
        join(OUT, 'client.ts'),
      ],
      { encoding: 'utf8', cwd: join(REPO_ROOT, 'tests') },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');

    const { fiveCalls } = (await import(join(OUT, 'client.ts'))) as {
      fiveCalls: (f: (r: Request) => Promise<Response>) => Promise<Record<string, unknown>>;
    };
    const result = await fiveCalls((request) => Promise.resolve(t.app.request(request)));
    expect(result.status).toBe('ok');
    expect(result.categories).toBeGreaterThan(5);
    const listed = result.listed as { municipality: string; categories: string[] }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((h) => h.municipality === '162051' && h.categories.includes('ibasho'))).toBe(true);
    expect(result.name).toBeTruthy();
    expect(result.matched).toBeGreaterThan(0);
  });
});
