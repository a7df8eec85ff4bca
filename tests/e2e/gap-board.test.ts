import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, type TestBrowser } from './support/browser.ts';
import { REPO_ROOT, startService, type RunningService } from './support/server.ts';

const built = existsSync(join(REPO_ROOT, 'web', 'build', 'handler.js'));
const HIMI = '162051';

/**
 * A coordinator's match finds nothing fitting, they record the gap; staff take it to the
 * 構築会議, open the report, print it to PDF and download the CSV; both match the records.
 */
describe('gap board and the 構築会議 report (e2e, real service)', () => {
  let svc: RunningService;
  let browser: TestBrowser;

  beforeAll(async () => {
    if (!built) throw new Error('web/build がありません: 先に `pnpm --filter @norishiro/web build` を実行してください');
    [svc, browser] = await Promise.all([startService(), launchBrowser()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  }, 30_000);

  const addUser = (email: string, role: string, password: string) => {
    const r = spawnSync(
      'npx',
      [
        'tsx',
        'api/src/cli/admin.ts',
        'user',
        'add',
        '--email',
        email,
        '--name',
        role,
        '--role',
        role,
        '--municipality',
        HIMI,
      ],
      {
        cwd: REPO_ROOT,
        input: `${password}\n`,
        env: { ...process.env, DATA_DIR: svc.dataDir },
        encoding: 'utf8',
      },
    );
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
  };

  async function signIn(email: string, password: string): Promise<Page> {
    const page = await browser.newPage();
    await page.context().clearCookies();
    await page.goto(`${svc.url}/staff/login`);
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(/\/staff$/);
    return page;
  }

  async function accessible(page: Page, name: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    await screenshot(page, name);
  }

  it('from a match with no fit to the printed report and its CSV', async () => {
    addUser('coord@example.test', 'coordinator', 'coord-password-1');
    addUser('staff@example.test', 'staff', 'staff-password-1');

    const coord = await signIn('coord@example.test', 'coord-password-1');
    await coord.goto(`${svc.url}/staff/cases`);
    await coord.getByLabel('不登校').first().check();
    await coord.getByLabel('子ども').first().check();
    await coord.getByRole('button', { name: 'ケースを作る' }).click();
    await coord.waitForURL(/\/staff\/cases\/[^/]+$/);
    await coord.getByRole('button', { name: 'この人の紹介先をさがす' }).click();
    await coord.getByRole('button', { name: '不足として記録' }).click();
    await coord.getByText('不足として記録しました').waitFor();

    const staff = await signIn('staff@example.test', 'staff-password-1');
    await staff.goto(`${svc.url}/staff/gaps`);
    const gap = staff.locator('section.gap').first();
    await gap.getByText('不登校').waitFor();
    await expect.poll(() => gap.locator('h2').textContent()).toContain('3未満');
    await accessible(staff, 'staff-gaps');
    await gap.getByLabel('次の状態').selectOption({ label: '構築会議で検討' });
    await gap.getByLabel('コメント').fill('12月の構築会議で扱う');
    await gap.getByRole('button', { name: '記録する' }).click();
    await staff.getByText('記録しました').waitFor();
    await staff.locator('section.gap').first().getByText('12月の構築会議で扱う').waitFor();

    await staff.goto(`${svc.url}/staff/reports/kochiku`);
    await staff.getByRole('heading', { name: /構築会議の報告/ }).waitFor();
    await accessible(staff, 'staff-kochiku-report');
    const summary = await staff.locator('.summary').textContent();
    expect(summary).toContain('不足の記録: 3未満 件（1 種類）');
    expect(summary).toContain('構築会議で検討中: 1');

    const dir = mkdtempSync(join(tmpdir(), 'nori-report-'));
    await staff.emulateMedia({ media: 'print' });
    await staff.pdf({ path: join(dir, 'report.pdf'), landscape: true, format: 'A4' });
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('構築会議の報告');
    expect(text).toContain('3未満');
    expect(text).toContain('不登校');
    await staff.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('link', { name: '不足の一覧 CSV' }).click(),
    ]);
    const csvPath = join(dir, 'gaps.csv');
    await download.saveAs(csvPath);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    const cols = rows[1]!.split(',');
    expect(cols[3]).toContain('不登校');
    expect(cols[9]).toBe('3未満');
    expect(cols[10]).toBe('構築会議で検討');
  });
});
