import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupKindOf, checkPgliteArchive } from '@norishiro/indexer';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, type TestBrowser } from './support/browser.ts';
import { REPO_ROOT, type RunningService } from './support/server.ts';
import { expectAccessible, useService } from './support/suite.ts';

const PASSWORD = 'first-admin-password';

/**
 * A newcomer's first hour: the printed setup URL, the first admin, a staff account made
 * in the UI, its one-time link, and the staff member signing in.
 */
describe('staff accounts (e2e, real service)', () => {
  let svc: RunningService;
  let browser: TestBrowser;
  const problems: string[] = [];

  useService((s, b) => ([svc, browser] = [s, b]));

  async function open(page: Page, path: string) {
    page.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
    page.on('console', (m) => m.text().includes('Content Security Policy') && problems.push(`${path}: ${m.text()}`));
    await page.goto(svc.url + path, { waitUntil: 'load' });
  }

  async function signIn(page: Page, email: string, password: string) {
    await open(page, '/staff/login');
    await page.getByLabel('メールアドレス').fill(email);
    await page.getByLabel('パスワード').fill(password);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(/\/staff(\/accounts)?$/);
  }

  it('the first start prints a one-time setup URL; the admin signs up there and adds a staff member', async () => {
    const setupUrl = svc.log().match(/http:\/\/\S+\/setup\?token=\S+/)?.[0];
    expect(setupUrl, svc.log()).toBeTruthy();
    const page = await browser.newPage();
    await open(page, new URL(setupUrl!).pathname + new URL(setupUrl!).search);
    await expectAccessible(page, 'staff-setup');
    await page.getByLabel('名前').fill('管理 太郎');
    await page.getByLabel('メールアドレス').fill('admin@example.test');
    await page.getByLabel('パスワード（10文字以上）').fill(PASSWORD);
    await page.getByRole('button', { name: '管理者を登録する' }).click();
    await page.waitForURL(/\/staff\/login/);
    await expectAccessible(page, 'staff-login');

    await page.getByLabel('メールアドレス').fill('admin@example.test');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL(/\/staff\/accounts$/);
    await page.getByRole('heading', { name: 'アカウント', exact: true }).waitFor();
    await expectAccessible(page, 'staff-accounts');

    await page.getByLabel('名前').fill('氷見 職員');
    await page.getByLabel('メールアドレス').fill('staff@example.test');
    await page.getByLabel('役割').selectOption('staff');
    await page.getByLabel('氷見市').check();
    await page.getByRole('button', { name: '追加する' }).click();
    const link = await page.locator('code.link').textContent();
    expect(link).toMatch(/\/staff\/password\?token=/);
    await expect.poll(() => page.getByRole('cell', { name: 'staff@example.test' }).count()).toBe(1);

    // The used setup link is dead.
    const again = await browser.newPage();
    await open(again, new URL(setupUrl!).pathname + new URL(setupUrl!).search);
    await again.getByRole('alert').waitFor();
    await again.close();

    const staff = await browser.newPage();
    await staff.context().clearCookies();
    await open(staff, new URL(link!).pathname + new URL(link!).search);
    await expectAccessible(staff, 'staff-set-password');
    await staff.getByLabel('新しいパスワード（10文字以上）').fill('staff-password-123');
    await staff.getByRole('button', { name: '設定する' }).click();
    await staff.waitForURL(/\/staff\/login/);
    await signIn(staff, 'staff@example.test', 'staff-password-123');
    await staff.getByText('市の担当課・事務局として').waitFor();
    // The staff member corrects a resource; residents see it on its page and in search.
    await open(staff, '/staff/resources');
    await expectAccessible(staff, 'staff-resources');
    await staff.getByLabel('名前で絞り込む').fill('ふくし相談');
    await staff
      .getByRole('link', { name: /ふくし相談/ })
      .first()
      .click();
    await staff.waitForURL(/\/staff\/resources\/162051-/);
    const editUrl = new URL(staff.url());
    const id = editUrl.pathname.split('/').pop()!;
    await expectAccessible(staff, 'staff-resource-edit');
    await staff.getByLabel('説明').fill('毎週水曜に けやき手芸の会 をひらいています');
    await staff.getByLabel('電話番号').fill('0766-74-0000');
    const saved = Date.now();
    await staff.getByRole('button', { name: '保存する' }).click();
    await staff
      .getByText('保存しました')
      .waitFor()
      .catch(async (e) => {
        await screenshot(staff, 'staff-resource-save-failed');
        throw new Error(
          `${(e as Error).message}\n${problems.join('\n')}\n${await staff.locator('[role=status], .error').allTextContents()}`,
        );
      });
    await staff.getByRole('tab', { name: /変更履歴/ }).click();
    await staff.getByRole('rowheader', { name: '問い合わせ先' }).waitFor();
    expect(await staff.getByRole('rowheader', { name: '位置' }).count()).toBe(0);
    await expectAccessible(staff, 'staff-resource-history');

    const resident = await browser.newPage();
    await open(resident, `/resources/${id}`);
    await resident.getByText('けやき手芸の会').waitFor();
    await open(resident, `/search?q=${encodeURIComponent('けやき手芸')}`);
    await resident.locator(`a[href="/resources/${id}"]`).first().waitFor({ timeout: 5_000 });
    expect(Date.now() - saved).toBeLessThan(15_000);
    await screenshot(resident, 'staff-edit-in-search');

    // A resident's note lands in the staff's review queue.
    await open(resident, `/resources/${id}`);
    await resident.getByRole('button', { name: 'まちがいを 知らせる' }).click();
    await resident.getByLabel(/どこが ちがいますか/).fill('電話番号が 変わったようです');
    await resident.getByRole('button', { name: '送る' }).click();
    await resident.getByText('ありがとうございます').waitFor();
    await expectAccessible(resident, 'resident-suggestion');
    await open(staff, '/staff/review');
    await staff.getByText('電話番号が 変わったようです').waitFor();
    await expectAccessible(staff, 'staff-review');
    // A resource no plan lists, added by hand: cited as confirmed by this staff member.
    await open(staff, '/staff/resources/new');
    await staff.getByLabel('名称（必須）').fill('夜の居場所（試行）');
    await staff.getByLabel('居場所').check();
    await staff.getByLabel('属性を問わない').check();
    await staff.getByLabel('1. つながる').check();
    await expectAccessible(staff, 'staff-resource-new');
    await staff.getByRole('button', { name: '追加する' }).click();
    await staff.waitForURL(/\/staff\/resources\/162051-staff-/);
    expect(await staff.getByLabel('ファイル（計画）または「職員が確認」').inputValue()).toBe('職員が確認');
    expect(await staff.getByLabel('見出し（計画）または確認した人と日').inputValue()).toContain('氷見 職員');

    await open(staff, '/staff/conflicts');
    await expectAccessible(staff, 'staff-conflicts');
    await open(staff, '/staff/account');
    await expectAccessible(staff, 'staff-account');

    await open(staff, '/staff/audit');
    await staff.getByRole('heading', { name: '操作記録', exact: true }).waitFor();
    await expect.poll(() => staff.getByRole('cell', { name: 'sign_in' }).count()).toBeGreaterThan(0);
    await expectAccessible(staff, 'staff-audit');
  });

  /** `pnpm admin` against the running service: the command is handed to it. */
  function adminCli(args: string[], stdin: string): { code: number; out: string } {
    const r = spawnSync('npx', ['tsx', 'api/src/cli/admin.ts', ...args], {
      cwd: REPO_ROOT,
      input: stdin,
      env: { ...process.env, DATA_DIR: svc.dataDir },
      encoding: 'utf8',
    });
    return { code: r.status ?? 1, out: `${r.stdout}${r.stderr}` };
  }

  it('a coordinator and a host added with `pnpm admin` see only what their role allows', async () => {
    const coordinator = adminCli(
      [
        'user',
        'add',
        '--email',
        'coord@example.test',
        '--name',
        '参加 支援',
        '--role',
        'coordinator',
        '--municipality',
        '162051',
      ],
      'coordinator-pass-1\n',
    );
    expect(coordinator.code, coordinator.out).toBe(0);
    expect(coordinator.out).toContain('起動中のサービス');
    const page = await browser.newPage();
    await page.context().clearCookies();
    await signIn(page, 'coord@example.test', 'coordinator-pass-1');
    await page.getByText('参加支援・相談支援の担当者として').waitFor();
    expect(await page.getByRole('link', { name: '操作記録' }).count()).toBe(0);
    await expectAccessible(page, 'staff-home-coordinator');
    await open(page, '/staff/audit');
    await page.getByText('操作記録を見る権限がありません').waitFor();

    const list = (await (await fetch(`${svc.url}/api/resources?municipality=162051&limit=1`)).json()) as {
      hits: { id: string }[];
    };
    const id = list.hits[0]!.id;
    const host = adminCli(
      [
        'user',
        'add',
        '--email',
        'host@example.test',
        '--name',
        '受け入れ 先',
        '--role',
        'host',
        '--municipality',
        '162051',
        '--resource',
        id,
      ],
      'host-password-12\n',
    );
    expect(host.code, host.out).toBe(0);
    await page.context().clearCookies();
    await signIn(page, 'host@example.test', 'host-password-12');
    await open(page, '/staff/resources');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.locator('tbody a').first().click();
    await page.getByLabel('説明').fill('受け入れ先から: 見学は 平日の 午前に どうぞ');
    expect(await page.getByLabel('名称（必須）').count()).toBe(0);
    await page.getByRole('button', { name: '変更を送る' }).click();
    await page.getByText('変更を送りました').waitFor();
    await expectAccessible(page, 'staff-host-change');
  });

  it('`pnpm admin backup` works while the service runs; `restore` waits until it is stopped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-backup-'));
    try {
      const file = join(dir, 'live.backup');
      const taken = adminCli(['backup', file], '');
      expect(taken.out).toContain('起動中のサービス');
      expect(taken.code).toBe(0);
      expect(backupKindOf(file)).toBe('pglite');
      expect(() => checkPgliteArchive(file)).not.toThrow();
      const refused = adminCli(['restore', '--replace', file], '');
      expect(refused.code).toBe(1);
      expect(refused.out).toContain('サービスを止めてから');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a resident opening a staff page is sent to sign in', async () => {
    const page = await browser.newPage();
    await page.context().clearCookies();
    await open(page, '/staff/accounts');
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/staff/accounts');
  });

  it('pages and API answers carry the security headers', async () => {
    const pageRes = await fetch(`${svc.url}/`);
    expect(pageRes.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect(pageRes.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(pageRes.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const apiRes = await fetch(`${svc.url}/api/health`);
    for (const res of [pageRes, apiRes]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
    expect(apiRes.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('a forged Host header does not steer the server’s own API calls', async () => {
    const res = await fetch(`${svc.url}/resources/162051-fukushi-soudan-support-center`, {
      headers: { host: '127.0.0.1:9' },
    });
    expect(res.status).toBeLessThan(500);
  });

  it('raised no script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
