import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HSDS_TABLES, importHsds, inventoryBatch, tablePath, type HsdsTabular } from '@norishiro/indexer';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { parseCsv } from '../support/csv.ts';
import { REPO_ROOT } from '../e2e/support/server.ts';

/** openreferral/specification, branch 3.0, commit 279fd2eb3552c349bf698c07c00cc25f5fc8249b (see SOURCE.md). */
const SPEC = join(REPO_ROOT, 'tests/fixtures/hsds-spec');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/** The spec's own example check closes every object: no property the schema does not name. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = strict(v);
  if (out.properties && out.type === 'object' && out.additionalProperties === undefined)
    out.additionalProperties = false;
  return out;
}

/** A validator per schema file, as published and in the strict form. */
function validators(form: 'published' | 'strict') {
  // The schemas carry Frictionless keywords (constraints, core…) that JSON Schema ignores.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const base = 'https://hsds.test/schema/';
  // tabular.json refers to the table schemas as siblings ("funding.json"), so it sits beside them.
  const idOf = (dir: string, f: string) =>
    dir === 'schema' || f === 'tabular.json' ? base + f : `${base}compiled/${f}`;
  const load = (dir: string) =>
    readdirSync(join(SPEC, dir))
      .filter((f) => f.endsWith('.json') && f !== 'openapi.json')
      .forEach((f) => {
        const schema = readJson(join(SPEC, dir, f));
        ajv.addSchema(form === 'strict' ? (strict(schema) as object) : schema, idOf(dir, f));
      });
  load('schema');
  load('schema/compiled');
  return (name: string): ValidateFunction => ajv.getSchema(`${base}${name}`)!;
}

const failures = (validate: ValidateFunction, items: readonly unknown[]) =>
  items.flatMap((item) => (validate(item) ? [] : [{ id: (item as { id?: string }).id, errors: validate.errors }]));

const FORMS = ['published', 'strict'] as const;

describe('HSDS 3.0 against the official schema files', () => {
  let t: TestApp;
  const get = async (path: string) => {
    const res = await t.app.request(path);
    expect(res.status, path).toBe(200);
    return res.json();
  };
  beforeAll(async () => {
    t = await appWithInventories('pglite');
  });
  afterAll(() => t.close());

  it.each(FORMS)('every service of /api/hsds/services is a valid service_list item (%s)', async (form) => {
    const page = await get('/api/hsds/services?per_page=1000');
    expect(page.total_items).toBeGreaterThan(170);
    expect(page.contents).toHaveLength(page.total_items);
    expect(failures(validators(form)('compiled/service_list.json'), page.contents)).toEqual([]);
  });

  it.each(FORMS)('every /api/hsds/services/{id} is a valid nested service (%s)', async (form) => {
    const page = await get('/api/hsds/services?per_page=1000');
    const nested = await Promise.all(page.contents.map((s: { id: string }) => get(`/api/hsds/services/${s.id}`)));
    expect(failures(validators(form)('compiled/service.json'), nested)).toEqual([]);
  });

  it.each(FORMS)('organizations, taxonomies and terms are valid (%s)', async (form) => {
    const v = validators(form);
    const organizations = (await get('/api/hsds/organizations?per_page=1000')).contents;
    const taxonomies = (await get('/api/hsds/taxonomies?per_page=1000')).contents;
    const terms = (await get('/api/hsds/taxonomy_terms?per_page=1000')).contents;
    expect(failures(v('compiled/organization_list.json'), organizations)).toEqual([]);
    expect(failures(v('taxonomy.json'), taxonomies)).toEqual([]);
    expect(failures(v('taxonomy_term.json'), terms)).toEqual([]);
  });

  it('pages are HSDS pages, and a Norishiro id names the same service', async () => {
    const first = await get('/api/hsds/services?per_page=10');
    const second = await get('/api/hsds/services?per_page=10&page=2');
    expect(first).toMatchObject({ page_number: 1, size: 10, first_page: true, last_page: false, empty: false });
    expect(second.contents[0].id).not.toBe(first.contents[0].id);
    const byOurId = await get('/api/hsds/services/162051-fukushi-soudan-support-center');
    expect(byOurId.name).toBeTruthy();
    expect(byOurId.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.app.request('/api/hsds/services/nope')).status).toBe(404);
    expect((await t.app.request('/api/hsds/services?per_page=0')).status).toBe(400);
  });

  it('times are Japan time and recurring rules start somewhere; approximate places say so in words', async () => {
    const services = (await get('/api/hsds/services?per_page=1000&full=true')).contents as {
      schedules: { opens_at?: string; timezone?: number; interval?: number; dtstart?: string }[];
      service_at_locations: { location: { description?: string; attributes: unknown[] } }[];
    }[];
    const schedules = services.flatMap((s) => s.schedules);
    const timed = schedules.filter((s) => s.opens_at);
    expect(timed.length).toBeGreaterThan(0);
    for (const s of timed) {
      expect(s.timezone).toBe(9);
      expect(s.opens_at).toMatch(/\+09:00$/);
    }
    for (const s of schedules.filter((x) => x.interval)) expect(s.dtstart).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const descriptions = services.flatMap((s) => s.service_at_locations.map((l) => l.location.description ?? ''));
    expect(descriptions.some((d) => d.includes('おおよその位置'))).toBe(true);
  });

  it('every taxonomy uri and term_uri answers with that taxonomy or term', async () => {
    const taxonomies = (await get('/api/hsds/taxonomies?per_page=1000')).contents as { id: string; uri: string }[];
    const terms = (await get('/api/hsds/taxonomy_terms?per_page=1000')).contents as { id: string; term_uri: string }[];
    for (const x of [
      ...taxonomies.map((t) => ({ id: t.id, url: t.uri })),
      ...terms.map((t) => ({ id: t.id, url: t.term_uri })),
    ]) {
      const path = new URL(x.url).pathname;
      expect((await get(path)).id).toBe(x.id);
    }
  });
});

describe('pnpm index --export-hsds and --hsds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hsds-export-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = {
    ...process.env,
    DATA_DIR: join(dir, 'data'),
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX: `hsds_cli_${process.pid}`,
    ORIGIN: 'https://norishiro.example',
  };
  const index = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'indexer/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout + r.stderr, stdout: r.stdout };
  };

  it("writes compiled/tabular.json, valid as published and strict, and a data package of the spec's tables", () => {
    const out = join(dir, 'export');
    expect(index().code).toBe(0);
    const exported = index('--export-hsds', out);
    expect(exported.code, exported.out).toBe(0);
    const tabular = readJson(join(out, 'compiled/tabular.json')) as unknown as HsdsTabular;
    for (const form of FORMS) {
      const validate = validators(form)('tabular.json');
      expect(validate(tabular), `${form}: ${JSON.stringify(validate.errors?.slice(0, 5))}`).toBe(true);
    }
    expect(tabular.service.length).toBeGreaterThan(170);

    const ours = readJson(join(out, 'datapackage.json')) as {
      resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
    };
    const official = readJson(join(SPEC, 'datapackage.json')) as typeof ours;
    for (const table of HSDS_TABLES) {
      const mine = ours.resources.find((r) => r.name === table)!;
      const theirs = official.resources.find((r) => r.name === table)!;
      expect(mine.path).toBe(theirs.path);
      expect(mine.schema.fields.map((f) => f.name)).toEqual(theirs.schema.fields.map((f) => f.name));
      const rows = parseCsv(readFileSync(join(out, tablePath(table)), 'utf8'));
      expect(rows[0]).toEqual(theirs.schema.fields.map((f) => f.name));
      expect(rows.length - 1).toBe(tabular[table].length);
    }
  });

  it("imports the spec's own examples into the city named, and says what it left out", () => {
    const municipalities = inventoryBatch().municipalities;
    for (const file of ['service_full.json', 'service_list.json', 'tabular.json']) {
      const data = readJson(join(SPEC, 'examples', file));
      const nameless = importHsds(data, { municipalities, fileName: file, today: '2026-11-24' });
      expect(
        nameless.inventories.flatMap((i) => i.resources),
        file,
      ).toEqual([]);
      expect(nameless.issues[0]?.message, file).toContain('--municipality');
      const named = importHsds(data, { municipalities, municipality: '222224', fileName: file, today: '2026-11-24' });
      expect(named.issues, file).toEqual([]);
      const resources = named.inventories.flatMap((i) => i.resources);
      expect(resources.length, file).toBeGreaterThan(0);
      expect(resources.every((r) => r.municipality === '222224' && r.source.file === file)).toBe(true);
    }
  });

  it('a run that rejects anything exits non-zero, in text and in --json', () => {
    const file = join(SPEC, 'examples/service_full.json');
    const text = index('--hsds', file);
    expect(text.code).toBe(1);
    expect(text.out).toContain('--municipality');
    const json = index('--hsds', file, '--json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { rejected: { reason: string }[] };
    expect(parsed.rejected.length).toBeGreaterThan(0);
    const ok = index('--hsds', file, '--municipality', '222224', '--json');
    expect(ok.code, ok.out).toBe(0);
    expect((JSON.parse(ok.stdout) as { added: number }).added).toBeGreaterThan(0);
  });
});
