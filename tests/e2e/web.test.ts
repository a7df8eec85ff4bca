import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, waitForMap, type TestBrowser } from './support/browser.ts';
import { type RunningService } from './support/server.ts';
import { useService } from './support/suite.ts';

// The whole service, as `pnpm start` runs it: the API plus the built web app (web/build
// must exist; the root test script builds it first), tile-less map style, fresh data.

describe('web app (e2e, real service)', () => {
  let svc: RunningService;
  let browser: TestBrowser;
  const pageErrors: string[] = [];

  useService((s, b) => ([svc, browser] = [s, b]));

  async function open(path: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage(viewport);
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    await page.goto(svc.url + path, { waitUntil: 'load' });
    return page;
  }

  async function expectAccessible(page: Page, name: string) {
    const violations = await seriousViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
  }

  it('a resident finds a 居場所 near 恵那市岩村町 and opens it', async () => {
    const page = await open('/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
    await page.getByLabel('市町村', { exact: true }).selectOption({ label: '岐阜県 恵那市' });
    await page.getByLabel('地区', { exact: true }).selectOption('岩村町');
    await page.getByRole('checkbox', { name: /^居場所/ }).check();
    const first = page.locator('ol.cards > li').first();
    await expect.poll(() => first.locator('h3').textContent(), { timeout: 15_000 }).toContain('トモニコ');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain('岩村町');
    // Approximate location and the open-on-day line are shown on the card.
    await expect(first.textContent()).resolves.toContain('おおよその位置');
    await expect(first.locator('.open-line').textContent()).resolves.toMatch(/曜/);
    // Choosing a day gives that day's hours.
    await page.getByLabel('曜日', { exact: true }).selectOption('mon');
    await expect.poll(() => first.locator('.open-line').textContent()).toContain('月曜 10:00–15:00');
    await waitForMap(page);
    await expect(page.locator('[data-map-fallback]').first().getAttribute('data-map-fallback')).resolves.toBe('true');
    // Hovering a card highlights it (and its marker).
    await first.hover();
    await expect(first.locator('article').getAttribute('class')).resolves.toContain('active');
    await screenshot(page, 'resident-ena-iwamura');
    await expectAccessible(page, '/');

    await first.getByRole('link').click();
    await page.waitForURL(/\/resources\/212105-tomoniko$/);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('トモニコ');
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('おおよその位置');
    expect(body).toContain('計画の記述');
    expect(body).toMatch(/最後に確認した日\s*2026年11月23日/);
    expect(body).toContain('計画に記載なし');
    await expect(page.getByRole('button', { name: 'URLをコピー' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('#share-url').inputValue()).resolves.toMatch(/\/resources\/212105-tomoniko$/);
    await waitForMap(page);
    await screenshot(page, 'resource-tomoniko');
    await expectAccessible(page, '/resources/[id]');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.share').isVisible()).resolves.toBe(false);
    await screenshot(page, 'resource-tomoniko-print');
    await page.close();
  }, 120_000);

  it('works on a 375 px phone screen', async () => {
    const page = await open('/?city=212105&district=%E5%B2%A9%E6%9D%91%E7%94%BA', { width: 375, height: 800 });
    await expect.poll(() => page.locator('ol.cards > li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await waitForMap(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'resident-phone-375');
    await page.close();
    const res = await open('/resources/212105-tomoniko', { width: 375, height: 800 });
    await waitForMap(res);
    expect(
      await res.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(res, 'resource-phone-375');
    await res.close();
  }, 90_000);

  it('a hiragana search finds a kanji name', async () => {
    const page = await open('/search');
    await page.getByLabel(/さがす ことば/).fill('ごくらくしょくどう');
    const first = page.locator('ol.hits > li').first();
    await expect.poll(() => first.locator('h3').textContent(), { timeout: 15_000 }).toContain('極楽食堂');
    // Facets are listed with counts.
    await expect(page.getByRole('group', { name: '場所の種類' }).isVisible()).resolves.toBe(true);
    await page.getByLabel(/さがす ことば/).fill('相談');
    await expect.poll(() => page.locator('ol.hits mark').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, 'search-soudan');
    await expectAccessible(page, '/search');
    await page.close();
  }, 90_000);

  it('a coordinator enters a profile and sees explained matches', async () => {
    const page = await open('/match');
    await page.getByLabel('市町村（必須）').selectOption({ label: '岐阜県 恵那市' });
    await page.getByLabel('地区', { exact: true }).selectOption('岩村町');
    await page.getByLabel('年齢').fill('24');
    await page.getByRole('checkbox', { name: 'ひきこもり' }).check();
    await page.getByRole('checkbox', { name: '若者' }).check();
    await page.getByRole('radio', { name: /つながる/ }).check();
    await page.getByRole('checkbox', { name: '居場所' }).check();
    await page.getByRole('checkbox', { name: '月曜 午後' }).check();
    await page.getByRole('checkbox', { name: '水曜 午後' }).check();
    await page.getByLabel(/自由に書いて/).fill('料理、カフェ');
    await page.getByRole('button', { name: '合う場所を さがす' }).click();
    const results = page.locator('ol.results > li');
    await expect.poll(() => results.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = results.first();
    await expect(first.textContent()).resolves.toMatch(/合う度合い\s*\d+%/);
    expect(await first.locator('.factors .reason').count()).toBeGreaterThan(0);
    expect(((await first.locator('.reason').first().textContent()) ?? '').length).toBeGreaterThan(3);
    // The profile is nowhere but in the page: not in the URL, not in storage.
    expect(page.url()).toBe(`${svc.url}/match`);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await waitForMap(page);
    await screenshot(page, 'match-results');
    await expectAccessible(page, '/match');
    await page.close();
  }, 90_000);

  it('a profile with no good match shows the gap banner', async () => {
    const page = await open('/match');
    await page.getByLabel('市町村（必須）').selectOption({ label: '新潟県 柏崎市' });
    await page.getByLabel('移動できる距離').selectOption('2');
    await page.getByLabel('年齢').fill('35');
    await page.getByRole('checkbox', { name: 'ひとり親' }).check();
    await page.getByRole('checkbox', { name: '障がいのある人' }).check();
    await page.getByRole('radio', { name: /働く/ }).check();
    await page.getByRole('checkbox', { name: '就労体験' }).check();
    await page.getByRole('checkbox', { name: '日曜 夜' }).check();
    await page.getByRole('checkbox', { name: '車いすで 利用できる' }).check();
    await page.getByRole('checkbox', { name: '子ども連れで 参加する' }).check();
    await page.getByRole('button', { name: '合う場所を さがす' }).click();
    const banner = page.getByRole('alert').filter({ hasText: '足りない' });
    await expect.poll(() => banner.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(((await banner.first().textContent()) ?? '').length).toBeGreaterThan(20);
    await screenshot(page, 'match-gap');
    await expectAccessible(page, '/match (gap)');
    await page.close();
  }, 90_000);

  it('an unknown resource shows a Japanese 404 page', async () => {
    const page = await browser.newPage();
    const res = await page.goto(`${svc.url}/resources/212105-does-not-exist`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toContain('みつかりません');
    await expectAccessible(page, '404');
    await page.close();
  }, 60_000);

  it('opening a resource puts focus on its name, for keyboard and screen-reader users', async () => {
    const page = await open('/resources/162051-fukushi-soudan-support-center');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('ふくし相談');
  });

  it('a place outside the city, an old merged id and a role each say what they are', async () => {
    const outside = await open('/resources/212105-cafe-takarabako');
    const text = (await outside.locator('main').textContent()) ?? '';
    expect(text).toContain('市外（中津川市）');
    expect(text).not.toContain('恵那市のどこか');
    expect(text).toContain('地図には 出していません');
    expect(text).toMatch(/計画の時点\s*令和6年1月/);
    await expect(outside.locator('.map-box').count()).resolves.toBe(0);
    await screenshot(outside, 'resource-outside-city');
    await expectAccessible(outside, '/resources/[id] 市外');
    await outside.close();

    const merged = await open('/resources/222224-kosodate-shien-center-nakaizu');
    await expect(merged.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('ひよこくらぶ');
    await expect(merged.locator('main').textContent()).resolves.toContain(
      '以前の ID「222224-kosodate-shien-center-nakaizu」は この 資源に まとめました',
    );
    await merged.close();

    const role = await open('/resources/152056-seikatsu-shien-coordinator');
    const roleText = (await role.locator('main').textContent()) ?? '';
    expect(roleText).toContain('役割（人）です');
    expect(roleText).toContain('7人 配置されています');
    expect(roleText).not.toContain('7か所');
    await screenshot(role, 'resource-role');
    await role.close();
  }, 90_000);

  it('/api/docs is an interactive reference from our own origin: parameters, Try it out, a real answer', async () => {
    const page = await browser.newPage();
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(svc.url) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    page.on('pageerror', (e) => pageErrors.push(`/api/docs: ${e.message}`));
    await page.goto(`${svc.url}/api/docs`, { waitUntil: 'load' });
    const operation = page.locator('#operations-default-getResources, [id$="-getResources"]').first();
    await operation.waitFor({ timeout: 20_000 });
    await operation.locator('.opblock-summary').first().click();
    await expect.poll(() => operation.locator('.parameters tr[data-param-name="perPage"]').count()).toBe(1);
    // The try-it panel is open from the start (tryItOutEnabled): fill a parameter and send.
    await operation.locator('tr[data-param-name="municipality"] input').fill('162051');
    await operation.getByRole('button', { name: 'Execute' }).click();
    await expect
      .poll(() => operation.locator('.live-responses-table tbody .response-col_status').first().textContent(), {
        timeout: 15_000,
      })
      .toContain('200');
    await screenshot(page, 'api-docs');
    expect(elsewhere).toEqual([]);
  });

  it('raised no script errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
