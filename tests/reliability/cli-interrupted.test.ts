import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, startService, type RunningService } from '../e2e/support/server.ts';
import { tempDir } from './support.ts';

/** Under the 5,000 hits the search API counts, so totals stay exact. */
const ROWS = 4_500;
const IZU = '222224';
const HEADER =
  '全国地方公共団体コード,ID,地方公共団体名,名称,名称_カナ,名称_英字,POIコード,所在地_連結表記,所在地_都道府県,所在地_市区町村,所在地_町字,所在地_番地以下,建物名等（方書）,緯度,経度,電話番号,内線番号,法人番号,団体名,利用可能曜日,開始時間,終了時間,利用可能日時特記事項,説明,バリアフリー情報,URL,備考';

/** A made-up facility list, large enough that importing it takes the service a while. */
function writeLargeCsv(dir: string): { csv: string; mapping: string } {
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `${IZU},X-${i},伊豆市,架空の集会所${i},,,,,,,,,,,,,,,,火曜日,10:00,12:00,,,,,`,
  );
  const csv = join(dir, 'large.csv');
  const mapping = join(dir, 'mapping.json');
  writeFileSync(csv, [HEADER, ...rows].join('\n'));
  writeFileSync(
    mapping,
    JSON.stringify({ rules: [], default: { categories: ['salon'], targets: ['anyone'], stages: [2] } }),
  );
  return { csv, mapping };
}

/** `pnpm index` as a user runs it; `onOutput` sees what it prints as it prints it. */
function indexCli(
  dataDir: string,
  args: string[],
  onOutput: (all: string) => void = () => {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'indexer/src/cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const seen = (d: Buffer) => {
      out += d.toString();
      onOutput(out);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const totalResources = async (svc: RunningService) =>
  ((await (await fetch(`${svc.url}/api/resources?perPage=1`)).json()) as { total: number }).total;

describe('`pnpm index` when the service it hands the work to dies mid-run', () => {
  const dir = tempDir('norishiro-cli-');
  const dataDir = join(dir, 'data');
  let svc: RunningService | undefined;
  afterAll(async () => {
    await svc?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says so plainly, exits 1, and a restart converges: all of the import or none of it, and a rerun finishes it', async () => {
    const { csv, mapping } = writeLargeCsv(dir);
    svc = await startService({ dataDir });
    const before = await totalResources(svc);
    const victim = svc.pid;
    let killed = false;
    const run = await indexCli(dataDir, ['--csv', csv, '--mapping', mapping], (out) => {
      if (killed || !out.includes('作業を渡します')) return;
      killed = true;
      // The service is then reading or writing the batch: 4,500 rows take it seconds.
      setTimeout(() => process.kill(-victim, 'SIGKILL'), 500);
    });
    expect(killed).toBe(true);
    expect(run.out).toContain('途中で止まりました');
    expect(run.out).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.code).toBe(1);

    await svc.stop();
    svc = await startService({ dataDir });
    const health = (await (await fetch(`${svc.url}/api/health`)).json()) as { index: string };
    expect(health.index).toBe('current');
    expect([before, before + ROWS]).toContain(await totalResources(svc));

    const rerun = await indexCli(dataDir, ['--csv', csv, '--mapping', mapping]);
    expect(rerun.code).toBe(0);
    expect(await totalResources(svc)).toBe(before + ROWS);
  }, 600_000);
});
