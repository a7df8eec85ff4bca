import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, type TestBrowser } from './browser.ts';
import { REPO_ROOT, startService, type RunningService } from './server.ts';

/**
 * One real service (as `pnpm start` runs it) and one Chromium for a describe block, handed
 * to `use` once both are up and stopped after the block. The web app must be built.
 */
export function useService(use: (svc: RunningService, browser: TestBrowser) => void): void {
  let svc: RunningService | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'web', 'build', 'handler.js')))
      throw new Error('web/build がありません: 先に `pnpm --filter @norishiro/web build` を実行してください');
    [svc, browser] = await Promise.all([startService(), launchBrowser()]);
    use(svc, browser);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await svc?.stop();
  }, 30_000);
}

/** axe finds no serious or critical problem on the page; a screenshot is kept to look at. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  await screenshot(page, name);
}

/** `pnpm admin user add …` against the running service (the command is handed to it). */
export function addAccount(svc: RunningService, args: readonly string[], password: string): void {
  const r = spawnSync('npx', ['tsx', 'api/src/cli/admin.ts', 'user', 'add', ...args], {
    cwd: REPO_ROOT,
    input: `${password}\n`,
    env: { ...process.env, DATA_DIR: svc.dataDir },
    encoding: 'utf8',
  });
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0);
}

/** Signs in through the login form of the page's own browser context. */
export async function signIn(page: Page, svc: RunningService, email: string, password: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${svc.url}/staff/login`);
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
  await page.waitForURL(/\/staff$/);
}
