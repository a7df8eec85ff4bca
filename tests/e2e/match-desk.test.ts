import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, type TestBrowser } from './support/browser.ts';
import { type RunningService } from './support/server.ts';
import { useService } from './support/suite.ts';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('matching desk (e2e): households, keyboard, wording', () => {
  let svc: RunningService;
  let browser: TestBrowser;

  useService((s, b) => ([svc, browser] = [s, b]));
  async function open(size: (typeof SIZES)[number]): Promise<Page> {
    const page = await browser.newPage({ width: size.width, height: size.height });
    await page.goto(`${svc.url}/match`, { waitUntil: 'load' });
    return page;
  }

  for (const size of SIZES) {
    it(`世帯 mode shows members side by side, what they share and the household gap (${size.name})`, async () => {
      const page = await open(size);
      await page.getByRole('radio', { name: /世帯/ }).check();
      await page.getByLabel('市町村（必須）').selectOption({ label: '岐阜県 恵那市' });
      const members = page.locator('fieldset.member');
      await members.nth(0).getByLabel('年齢').fill('45');
      await members.nth(0).getByText(/^状況/).click();
      await members.nth(0).getByRole('checkbox', { name: 'ひきこもり' }).check();
      await members.nth(0).getByLabel('行きたい場所の種類').selectOption({ label: '居場所' });
      await members.nth(0).getByText('空いている時間').click();
      for (const d of ['月', '火', '水', '木', '金'])
        await members
          .nth(0)
          .getByRole('checkbox', { name: `${d}曜 夜` })
          .check();
      await members.nth(1).getByLabel('年齢').fill('76');
      await page.getByRole('button', { name: '世帯で さがす' }).click();
      const columns = page.locator('section.member');
      await expect.poll(() => columns.count(), { timeout: 20_000 }).toBe(2);
      await expect(columns.nth(0).locator('h3').textContent()).resolves.toContain('本人（1人目）');
      await expect(columns.nth(1).locator('h3').textContent()).resolves.toContain('母（2人目）');
      const gap = page.getByRole('alert').filter({ hasText: '世帯として' });
      await expect(gap.textContent()).resolves.toContain('居場所');
      await expect(page.getByRole('heading', { name: /共通する 場所/ }).count()).resolves.toBe(1);
      await screenshot(page, `match-household-${size.name}`);
      const violations = await seriousViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      await page.close();
    }, 90_000);
  }

  it('Enter in any field searches: the keyboard never has to reach the button', async () => {
    const page = await open(SIZES[0]);
    await page.getByLabel('市町村（必須）').selectOption({ label: '富山県 氷見市' });
    await page.getByRole('radio', { name: /役割を試す/ }).check();
    await page.getByLabel(/自由に書いて/).fill('農作業');
    await page.getByRole('checkbox', { name: '無料がよい' }).focus();
    await page.keyboard.press('Enter');
    const first = page.locator('ol.results > li').first();
    await expect.poll(() => first.locator('h3').textContent(), { timeout: 20_000 }).toContain('就労体験');
    await expect(
      page.locator('.actions button[type=submit]').evaluate((b) => getComputedStyle(b.parentElement!).position),
    ).resolves.toBe('sticky');
    await page.close();
  }, 90_000);

  it('no location: no stray separator, no 「すぐ近く」, the reason says no place was given, ties shown as 同点', async () => {
    const page = await open(SIZES[1]);
    await page.getByLabel('市町村（必須）').selectOption({ label: '静岡県 伊豆市' });
    await page.getByLabel('年齢').fill('80');
    await page.getByRole('checkbox', { name: '居場所' }).check();
    await page.getByRole('button', { name: '合う場所を さがす' }).click();
    const results = page.locator('ol.results > li');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(3);
    const metas = await results.locator('.meta').allTextContents();
    for (const m of metas) {
      expect(m.trim().startsWith('・')).toBe(false);
      expect(m).not.toContain('すぐ近く');
    }
    await expect(results.first().textContent()).resolves.toContain('住まいの場所が指定されていないため');
    await expect(page.locator('.badge.tie').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('「足りない」と判断する きまり').count()).resolves.toBe(1);
    await expect(page.locator('ol.results').textContent()).resolves.not.toMatch(
      /の人の人|若者の人|要確認です（日時は要確認）/,
    );
    await screenshot(page, 'match-no-location-phone');
    await page.close();
  }, 90_000);
});
