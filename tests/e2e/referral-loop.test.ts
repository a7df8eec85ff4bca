import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type TestBrowser } from './support/browser.ts';
import type { RunningService } from './support/server.ts';
import { addAccount, expectAccessible, signIn, useService } from './support/suite.ts';

const HIMI = '162051';

/**
 * The whole loop with three accounts: a coordinator's case and match, a referral on the
 * person's consent, the host accepting and recording the first visit, follow-ups, the
 * 紹介票 as a PDF, the outcome for staff; then again on a 支援会議's authority.
 */
describe('referral loop (e2e, real service)', () => {
  let svc: RunningService;
  let browser: TestBrowser;
  const problems: string[] = [];

  useService((s, b) => ([svc, browser] = [s, b]));
  const adminCli = (args: string[], password: string) => addAccount(svc, args, password);

  /** Each person in a browser context of their own, so three can be signed in at once. */
  async function as(email: string, password: string): Promise<Page> {
    const context = await browser.context.browser()?.newContext();
    const page = context ? await context.newPage() : await browser.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    await signIn(page, svc, email, password);
    return page;
  }

  it('case → match → referral with 本人同意 → host accepts and records the visit → follow-ups → 紹介票 → outcome', async () => {
    adminCli(
      [
        '--email',
        'coord@example.test',
        '--name',
        '氷見 コーディネーター',
        '--role',
        'coordinator',
        '--municipality',
        HIMI,
      ],
      'coord-password-1',
    );
    adminCli(
      ['--email', 'staff@example.test', '--name', '氷見 職員', '--role', 'staff', '--municipality', HIMI],
      'staff-password-1',
    );
    const page = await as('coord@example.test', 'coord-password-1');

    await page.goto(`${svc.url}/staff/cases`);
    await page.getByLabel('ひきこもり').first().check();
    await page.getByLabel('興味・関心（「、」で区切る）').fill('囲碁');
    await page.getByRole('button', { name: 'ケースを作る' }).click();
    await page.waitForURL(/\/staff\/cases\/[^/]+$/);
    await expectAccessible(page, 'staff-case');
    await page.getByRole('button', { name: 'この人の紹介先をさがす' }).click();
    const first = page.locator('ol.results > li').first();
    await first.waitFor();
    const resourceId = (await first.locator('a').first().getAttribute('href'))!.split('/').pop()!;
    const resourceName = (await first.locator('a').first().textContent())!.trim();
    await first.getByRole('button', { name: 'この資源に紹介する' }).click();
    await page.getByLabel('同意を得た人').fill('氷見 コーディネーター');
    await page.getByLabel('方法').selectOption('written');
    await page
      .getByLabel('興味・関心')
      .uncheck()
      .catch(() => undefined);
    await expectAccessible(page, 'staff-referral-form');
    await page.getByRole('button', { name: '紹介する', exact: true }).click();
    await page.waitForURL(/\/staff\/referrals\/[^/]+$/);
    const referralUrl = page.url();
    await page.getByText('紹介済み').first().waitFor();
    await expectAccessible(page, 'staff-referral');

    adminCli(
      [
        '--email',
        'host@example.test',
        '--name',
        '受け入れ 先',
        '--role',
        'host',
        '--municipality',
        HIMI,
        '--resource',
        resourceId,
      ],
      'host-password-12',
    );
    const host = await as('host@example.test', 'host-password-12');
    await host.goto(`${svc.url}/staff/referrals`);
    await expectAccessible(host, 'host-referrals');
    await host.locator('tbody a').first().click();
    await host.waitForURL(referralUrl);
    expect(await host.getByText('囲碁').count()).toBe(0);
    for (const [status, extra] of [
      ['受け入れ先が確認', undefined],
      ['見学・体験の日が決定', '2026-12-02'],
      ['参加開始', undefined],
    ] as const) {
      await host.getByLabel('次の状態').selectOption({ label: status });
      if (extra) await host.getByLabel('見学・体験の日').fill(extra);
      await host.getByRole('button', { name: '記録する' }).click();
      await host.getByText(`「${status}」にしました。`).waitFor();
    }
    await host.getByRole('button', { name: '担当者に支援を依頼する' }).click();
    await host.getByText('担当者に支援を依頼しました').waitFor();
    await expectAccessible(host, 'host-referral');

    await page.goto(`${svc.url}/staff/today`);
    await page.getByText('受け入れ先から支援の依頼がありました').waitFor();
    await expectAccessible(page, 'staff-today');
    await page.goto(referralUrl);
    await page.getByRole('heading', { name: '定着支援の確認' }).waitFor();
    expect(await page.locator('text=予定').count()).toBeGreaterThanOrEqual(3);

    await page.goto(`${referralUrl}/print`);
    await expectAccessible(page, 'staff-referral-print');
    const dir = mkdtempSync(join(tmpdir(), 'nori-pdf-'));
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(dir, 'sheet.pdf'), format: 'A4' });
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'sheet.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toContain('紹介票');
    expect(text).toContain(resourceName.slice(0, 6));
    expect(text).toContain('2026-12-02');
    expect(text).not.toContain('囲碁');

    const staff = await as('staff@example.test', 'staff-password-1');
    await staff.goto(`${svc.url}/staff/referrals`);
    await staff.getByRole('heading', { name: '資源ごとの結果' }).waitFor();
    await staff
      .getByRole('row', { name: new RegExp(resourceName.slice(0, 6)) })
      .last()
      .getByText('3未満')
      .first()
      .waitFor();
    await expectAccessible(staff, 'staff-outcomes');

    // Staff set the city's own 定着支援 schedule; a wrong entry is explained, not lost.
    await staff.getByRole('link', { name: '自治体の設定' }).click();
    const days = staff.getByLabel(/定着支援の確認の日/);
    expect(await days.inputValue()).toBe('14、30、90');
    await days.fill('0、60');
    await staff.getByRole('button', { name: '保存する' }).click();
    await staff
      .getByRole('alert')
      .getByText(/1日後以降/)
      .waitFor();
    await days.fill('７、60');
    await staff.getByRole('button', { name: '保存する' }).click();
    await staff.getByText('保存しました').waitFor();
    expect(await days.inputValue()).toBe('7、60');
    await expectAccessible(staff, 'staff-settings');
  });

  it('a second referral on the authority of a 支援会議 shares the profile without consent', async () => {
    const page = await as('coord@example.test', 'coord-password-1');
    await page.goto(`${svc.url}/staff/cases`);
    await page.locator('tbody a').first().click();
    await page.getByRole('button', { name: 'この人の紹介先をさがす' }).click();
    await page.locator('ol.results > li').first().getByRole('button', { name: 'この資源に紹介する' }).click();
    await page.getByLabel('支援会議（社会福祉法第106条の6）').check();
    await page.getByLabel('支援会議の日').fill('2026-11-18');
    await page.getByLabel(/受け入れ先は支援会議の構成員/).check();
    await page.getByRole('button', { name: '紹介する', exact: true }).click();
    await page.waitForURL(/\/staff\/referrals\/[^/]+$/);
    await page.getByText('支援会議（社会福祉法第106条の6）').waitFor();
    await page.getByText('ひきこもり').first().waitFor();
  });

  it('the matching desk opens filled with a case member’s profile, and keeps nothing afterwards', async () => {
    const page = await as('coord@example.test', 'coord-password-1');
    await page.goto(`${svc.url}/staff/cases`);
    await page.locator('tbody a').first().click();
    await page.getByRole('button', { name: 'マッチングの画面で条件を変えてさがす' }).click();
    await page.waitForURL(/\/match$/);
    await page.getByText('ケースの世帯員の状況を入れて さがしました').waitFor();
    expect(await page.getByLabel('市町村（必須）').inputValue()).toBe(HIMI);
    expect(await page.getByLabel('ひきこもり').first().isChecked()).toBe(true);
    expect(await page.getByLabel('自由に書いてください', { exact: false }).inputValue()).toBe('囲碁');
    await page.locator('#results-heading ~ *').first().waitFor();
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain('囲碁');
    expect(page.url()).not.toContain('囲碁');
    // A coordinator may record the need as a gap from the desk itself.
    await page.getByRole('button', { name: '不足として記録' }).click();
    await page.getByText('不足として記録しました').waitFor();
    await expectAccessible(page, 'match-desk-from-case');
  });

  it('raised no script errors', () => expect(problems).toEqual([]));
});
