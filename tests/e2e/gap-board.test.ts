import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type TestBrowser } from './support/browser.ts';
import type { RunningService } from './support/server.ts';
import { addAccount, expectAccessible, signIn, useService } from './support/suite.ts';
import { parseCsv } from '../support/csv.ts';

const HIMI = '162051';

/**
 * A coordinator's match finds nothing fitting, they record the gap; staff take it to the
 * 構築会議, open the report, print it to PDF and download the CSV; both match the records.
 */
describe('gap board and the 構築会議 report (e2e, real service)', () => {
  let svc: RunningService;
  let browser: TestBrowser;

  useService((s, b) => ([svc, browser] = [s, b]));

  const addUser = (email: string, role: string, password: string) =>
    addAccount(svc, ['--email', email, '--name', role, '--role', role, '--municipality', HIMI], password);

  async function as(email: string, password: string): Promise<Page> {
    const page = await browser.newPage();
    await signIn(page, svc, email, password);
    return page;
  }

  it('from a match with no fit to the printed report and its CSV', async () => {
    addUser('coord@example.test', 'coordinator', 'coord-password-1');
    addUser('staff@example.test', 'staff', 'staff-password-1');

    const coord = await as('coord@example.test', 'coord-password-1');
    await coord.goto(`${svc.url}/staff/cases`);
    await coord.getByLabel('不登校').first().check();
    await coord.getByLabel('子ども').first().check();
    await coord.getByRole('button', { name: 'ケースを作る' }).click();
    await coord.waitForURL(/\/staff\/cases\/[^/]+$/);
    await coord.getByRole('button', { name: 'この人の紹介先をさがす' }).click();
    await coord.getByRole('button', { name: '不足として記録' }).click();
    await coord.getByText('不足として記録しました').waitFor();

    const staff = await as('staff@example.test', 'staff-password-1');
    await staff.goto(`${svc.url}/staff/gaps`);
    const gap = staff.locator('section.gap').first();
    await gap.getByText('不登校').waitFor();
    await expect.poll(() => gap.locator('h2').textContent()).toContain('3未満');
    await expectAccessible(staff, 'staff-gaps');
    await gap.getByLabel('次の状態').selectOption({ label: '構築会議で検討' });
    await gap.getByLabel('コメント').fill('12月の構築会議で扱う');
    await gap.getByRole('button', { name: '記録する' }).click();
    await staff.getByText('記録しました').waitFor();
    await staff.locator('section.gap').first().getByText('12月の構築会議で扱う').waitFor();

    // A gap written by hand: text that looks like a name is pointed out before it is saved.
    await staff.getByText('懇談会などで分かった不足を手で記録する').click();
    await staff.getByLabel('足りないもの', { exact: false }).fill('山田さんの近くに夜の居場所がない');
    await staff.getByText('人の名前のような書き方があります').waitFor();
    await staff.getByLabel('足りないもの', { exact: false }).fill('夜に通える居場所が地区にない');
    await staff.locator('details.manual').getByLabel('就労体験').check();
    await staff.locator('details.manual').getByRole('button', { name: '記録する', exact: true }).click();
    await staff.getByText('夜に通える居場所が地区にない').waitFor();

    // The coverage map: district points under the resource layer, the same figures in a table.
    await staff.getByRole('link', { name: '地図' }).click();
    await staff.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
    await staff.getByRole('table', { name: /地区ごとの不足と実施中の資源/ }).waitFor();
    expect(await staff.getByRole('row', { name: /地図に置けない記録/ }).textContent()).toContain('3未満');
    await expectAccessible(staff, 'staff-gaps-map');
    await staff.getByRole('link', { name: '分類×時間帯の表' }).click();
    await staff.getByRole('columnheader', { name: '計' }).waitFor();
    await staff.locator('.plot svg').waitFor();

    await staff.goto(`${svc.url}/staff/reports/kochiku`);
    await staff.getByRole('heading', { name: /構築会議の報告/ }).waitFor();
    await expectAccessible(staff, 'staff-kochiku-report');
    const summary = await staff.locator('.summary').textContent();
    expect(summary).toContain('不足の記録: 3未満 件（2 種類）');
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
    const [header, ...rows] = parseCsv(csv);
    expect(header![9]).toBe('件数');
    expect(rows).toHaveLength(2);
    const fromMatch = rows.find((r) => r[3]!.includes('不登校'))!;
    expect(fromMatch[9]).toBe('3未満');
    expect(fromMatch[10]).toBe('構築会議で検討');
    const byHand = rows.find((r) => r[8] === '夜に通える居場所が地区にない')!;
    expect(byHand[2]).toBe('就労体験');
    expect(byHand[10]).toBe('新規');
  });
});
