import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openPglite } from '@norishiro/indexer';
import { REPO_ROOT } from '../e2e/support/server.ts';
import { testMeili } from '../support/services.ts';

/** Real files published by 焼津市 (222127), a city outside the five plans: see tests/fixtures/opendata/yaizu/SOURCE.md. */
const YAIZU = join(REPO_ROOT, 'tests/fixtures/opendata/yaizu');
const PUBLIC = join(YAIZU, '222127_public_facility-59773.csv');
const WELFARE = join(YAIZU, '222127_facilities_welfare.csv');

describe('自治体標準オープンデータセット from a city the directory does not have yet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'any-city-'));
  const index = `any_city_${process.pid}`;
  const env = {
    ...process.env,
    DATA_DIR: join(dir, 'data'),
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX: index,
  };
  const mapping = join(dir, 'mapping.json');
  writeFileSync(
    mapping,
    JSON.stringify({
      rules: [
        { match: { field: '備考', includes: '福祉会館' }, categories: ['salon'], targets: ['anyone'], stages: [2] },
      ],
      default: { categories: ['consultation'], targets: ['anyone'], stages: [1] },
    }),
  );
  const run = (script: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      env,
      encoding: 'utf8',
    });
    return { code: r.status, out: r.stdout + r.stderr, stdout: r.stdout };
  };
  const indexCli = (...args: string[]) => run('indexer/src/cli.ts', ...args);
  const admin = (...args: string[]) => run('api/src/cli/admin.ts', ...args);
  const yaizuResources = async () => {
    const db = await openPglite(join(dir, 'data', 'pg'));
    try {
      return await db.query<{ id: string; name: string }>(
        `select id, data->>'name' as name from resources where municipality = '222127' order by id`,
      );
    } finally {
      await db.close();
    }
  };
  afterAll(async () => {
    await testMeili().deleteIndexIfExists(index);
    rmSync(dir, { recursive: true, force: true });
  });

  it('before the city is added, every row is refused with how to add it, nothing is imported, and the run fails', async () => {
    const text = indexCli('--csv', PUBLIC, '--mapping', mapping);
    expect(text.code).toBe(1);
    expect(text.out).toContain('pnpm admin municipality add 222127');
    expect(text.out).toContain('何も取り込んでいません');
    const json = indexCli('--csv', PUBLIC, '--mapping', mapping, '--json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as { imported: boolean; rejected: { where: string; reason: string }[] };
    expect(parsed.imported).toBe(false);
    expect(parsed.rejected).toHaveLength(230);
    expect(parsed.rejected[0]!.reason).toContain('pnpm admin municipality add 222127');
    expect(await yaizuResources()).toEqual([]);
  }, 120_000);

  it('`pnpm admin municipality add` takes the name, prefecture and city hall from the national list', () => {
    const added = admin('municipality', 'add', '222127');
    expect(added.code, added.out).toBe(0);
    expect(added.out).toContain('静岡県焼津市（222127）を加えました');
    expect(admin('municipality', 'add', '222127').out).toContain('すでに登録されています');
    const wrong = admin('municipality', 'add', '222128');
    expect(wrong.code).toBe(2);
    expect(wrong.out).toContain('検査数字');
  }, 120_000);

  it('then both real lists import, and the facility written 0000011063 in one and 11063 in the other is one resource', async () => {
    const publicList = indexCli('--csv', PUBLIC, '--mapping', mapping, '--json');
    expect(publicList.code, publicList.out).toBe(0);
    expect((JSON.parse(publicList.stdout) as { added: number }).added).toBeGreaterThan(200);
    const welfare = indexCli('--csv', WELFARE, '--mapping', mapping);
    expect(welfare.code, welfare.out).toBe(0);
    const resources = await yaizuResources();
    const welship = resources.filter((r) => r.name.includes('総合福祉会館'));
    expect(welship).toEqual([{ id: '222127-od-fac-11063', name: '総合福祉会館（ウェルシップ）' }]);
    expect(new Set(resources.map((r) => r.id)).size).toBe(resources.length);
  }, 120_000);
});
