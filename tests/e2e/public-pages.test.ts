import axe from 'axe-core';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, seriousViolations, waitForMap, type TestBrowser } from './support/browser.ts';
import { type RunningService } from './support/server.ts';
import { useService } from './support/suite.ts';

// Issue 13, the public pages: each point checked in Chromium on a desktop and on a phone.
const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const HIMI = '162051';
const ENA = '212105';
const TOMONIKO = '212105-tomoniko';
/** No department in the plan, filed at 氷見's city hall. */
const INOCHI = '162051-inochi-no-button';

describe('public pages (e2e, real service)', () => {
  let svc: RunningService;
  let browser: TestBrowser;
  const pageErrors: string[] = [];

  useService((s, b) => ([svc, browser] = [s, b]));

  async function open(path: string, vp: { width: number; height: number }, before?: (p: Page) => Promise<void>) {
    const page = await browser.newPage({ width: vp.width, height: vp.height });
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    await before?.(page);
    await page.goto(svc.url + path, { waitUntil: 'load' });
    return page;
  }

  /** Requests the page makes to the resource list while `during` runs. */
  async function countListRequests(page: Page, during: () => Promise<void>): Promise<number> {
    let n = 0;
    const on = (r: Request) => void (new URL(r.url()).pathname.startsWith('/api/resources') && n++);
    page.on('request', on);
    await during();
    page.off('request', on);
    return n;
  }

  async function axeRule(page: Page, rule: string): Promise<string[]> {
    await page.evaluate(axe.source);
    return page.evaluate(async (id) => {
      const w = window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { nodes: { target: string[] }[] }[] }> };
      };
      const res = await w.axe.run(document, { runOnly: { type: 'rule', values: [id] } });
      return res.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')));
    }, rule);
  }

  const text = async (page: Page, selector = 'main') => (await page.locator(selector).textContent()) ?? '';

  /** The page has hydrated: save buttons are enabled once the browser has read the saved list. */
  const hydrated = (page: Page) => page.locator('button.save:not([disabled])').first().waitFor();

  async function openFilters(page: Page) {
    await hydrated(page);
    const filters = page.locator('details.filters');
    if ((await filters.getAttribute('open')) === null) await filters.locator('summary').click();
  }

  describe.each(VIEWPORTS)('$name ($width×$height)', (vp) => {
    it('search: words over the limit are not sent, the reason is in Japanese, the words stay', async () => {
      const page = await open('/search', vp);
      const box = page.getByLabel(/さがす ことば/);
      await page.waitForFunction(() => document.querySelector('ol.hits')?.children.length);
      const long = 'いばしょ'.repeat(51);
      const sent = await countListRequests(page, async () => {
        await box.fill(long);
        await page.waitForTimeout(2000);
      });
      expect(sent).toBe(0);
      const alert = page.getByRole('alert');
      await expect(alert.textContent()).resolves.toContain('200文字まで');
      expect(await box.inputValue()).toBe(long);
      await screenshot(page, `public-search-long-${vp.name}`);

      // The same words in a shared link.
      const deep = await open(`/search?q=${encodeURIComponent(long)}`, vp);
      const deepText = await text(deep);
      expect(deepText).toContain('200文字まで');
      expect(deepText).not.toMatch(/MeiliSearch|Error/);
      expect(await deep.getByLabel(/さがす ことば/).inputValue()).toBe(long);
      await page.close();
      await deep.close();
    });

    it('search: a failed request stops, says why in Japanese and keeps the words', async () => {
      const page = await open('/search?q=%E3%82%B5%E3%83%AD%E3%83%B3', vp);
      await page.route('**/api/resources?*', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: '検索エンジンが応答しません' } }),
        }),
      );
      const box = page.getByLabel(/さがす ことば/);
      const sent = await countListRequests(page, async () => {
        await box.fill('居場所');
        await page.waitForTimeout(2500);
      });
      expect(sent).toBe(1);
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        '検索できませんでした：検索エンジンが応答しません',
      );
      expect(await box.inputValue()).toBe('居場所');
      await page.close();
    });

    it('search: state in the URL survives Back; paging; filters come before the results', async () => {
      const page = await open('/search', vp);
      await page.getByLabel(/さがす ことば/).fill('相談');
      await page.waitForURL(/q=%E7%9B%B8%E8%AB%87/);
      await openFilters(page);
      const filters = page.locator('details.filters');
      await page
        .getByRole('group', { name: '市町村' })
        .getByRole('checkbox', { name: /氷見市/ })
        .check();
      await page.waitForURL(/city=162051/);
      const status = page.getByRole('status').first();
      await expect.poll(() => status.textContent()).toMatch(/\d+件 みつかりました/);
      const firstHit = page.locator('ol.hits > li').first();
      const filtersBox = await filters.boundingBox();
      const hitBox = await firstHit.boundingBox();
      expect(filtersBox!.y).toBeLessThan(hitBox!.y);
      await firstHit.locator('h3 a').click();
      await page.waitForURL(/\/resources\//);
      await page.goBack();
      await page.waitForURL(/\/search\?q=%E7%9B%B8%E8%AB%87&city=162051/);
      expect(await page.getByLabel(/さがす ことば/).inputValue()).toBe('相談');

      // Paging: the whole directory is more than one page; the next page is a link.
      const all = await open('/search', vp);
      await expect(all.getByRole('status').first().textContent()).resolves.toMatch(/1〜20件目/);
      await all.getByRole('link', { name: /次の 20件/ }).click();
      await all.waitForURL(/page=2/);
      await expect.poll(() => all.getByRole('status').first().textContent()).toMatch(/21〜40件目/);
      await screenshot(all, `public-search-page2-${vp.name}`);
      await page.close();
      await all.close();
    });

    it('search: hiragana widens recall without flooding it', async () => {
      const count = async (q: string) => {
        const page = await open(`/search?q=${encodeURIComponent(q)}`, vp);
        const m = (await page.getByRole('status').first().textContent())?.match(/(\d+)件/);
        await page.close();
        return Number(m?.[1]);
      };
      const kana = await count('にんちしょう');
      const kanji = await count('認知症');
      expect(kana).toBeGreaterThan(0);
      expect(kana).toBeLessThanOrEqual(kanji + 2);
      expect(await count('じゅうにちょう')).toBeGreaterThan(0);
    });

    it('a place with no contact and no department still says whom to ask, with the city website as the city’s', async () => {
      const page = await open(`/resources/${INOCHI}`, vp);
      const section = page.locator('section', { has: page.getByRole('heading', { name: '問い合わせ' }) });
      const body = (await section.textContent()) ?? '';
      expect(body).toContain('氷見市役所の 福祉の窓口');
      const site = section.getByRole('link', { name: /氷見市の ホームページ（市の 総合的な 窓口です/ });
      await expect(site.getAttribute('href')).resolves.toBe('https://www.city.himi.toyama.jp/');
      // The plan, not the hashed seed file; the plan's words without markdown.
      const main = await text(page);
      expect(main).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      expect(main).toContain('氷見市の 社協の研修資料（令和3年度）');
      expect(main).not.toContain('**');
      await screenshot(page, `public-resource-ask-${vp.name}`);
      await page.close();

      const tomoniko = await open(`/resources/${TOMONIKO}`, vp);
      await expect(tomoniko.locator('main').textContent()).resolves.toContain('恵那市 社会福祉課（福祉企画室）');
      await tomoniko.close();
    });

    it('contacts staff entered come first, with tel: links, and a known address gives directions', async () => {
      const page = await open('/', vp);
      await page.route(`**/api/resources/${TOMONIKO}`, async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as { resource: Record<string, unknown> };
        body.resource.contact = { phone: '0573-00-0000', address: '岐阜県恵那市岩村町（テスト用の住所）' };
        await route.fulfill({ response: res, json: body });
      });
      // Client-side navigation: the browser loads the resource through the API.
      await hydrated(page);
      await page.evaluate((id) => {
        const a = document.createElement('a');
        a.href = `/resources/${id}`;
        a.textContent = 'go';
        document.body.append(a);
        a.click();
      }, TOMONIKO);
      await page.waitForURL(/tomoniko/);
      const tel = page.getByRole('link', { name: '0573-00-0000' });
      await expect(tel.getAttribute('href')).resolves.toBe('tel:0573000000');
      const ways = page.locator('ul.ways > li');
      await expect(ways.first().textContent()).resolves.toContain('市の担当者が 確かめて 登録');
      const directions = page.getByRole('link', { name: /行きかたを しらべる/ });
      await expect(directions.getAttribute('href')).resolves.toContain(encodeURIComponent('岐阜県恵那市岩村町'));
      await page.close();
    });

    it('filters keep unknowns after confirmed matches, marked, unless confirmed only is asked', async () => {
      const page = await open(`/?city=${HIMI}&day=wed`, vp);
      const cards = page.locator('ol.cards > li');
      await expect.poll(() => cards.count()).toBeGreaterThan(0);
      await expect(cards.first().textContent()).resolves.toContain('曜日は要確認');
      const free = await open(`/?city=${HIMI}&free=1`, vp);
      await expect.poll(() => free.locator('ol.cards > li').count()).toBeGreaterThan(0);
      await expect(free.locator('ol.cards > li').first().textContent()).resolves.toContain('費用は要確認');
      await free.close();
      const strict = await open(`/?city=${HIMI}&day=wed&confirmed=1`, vp);
      const body = await text(strict);
      expect(body).toContain('みつかりませんでした');
      expect(body).toContain('「わかっているところだけ」を はずすと');
      await screenshot(strict, `public-filter-empty-${vp.name}`);
      await strict.close();
      await page.close();
    });

    it('cards give the hours and say いま開いています only when it is (Asia/Tokyo)', async () => {
      const at = async (iso: string) => {
        const page = await open(`/?city=${ENA}&district=${encodeURIComponent('岩村町')}&day=tue`, vp, (p) =>
          p.clock.setFixedTime(new Date(iso)),
        );
        const card = page.locator(`#card-${TOMONIKO}`);
        await card.waitFor();
        // 「いま開いています」 is worked out in the browser, on its clock: read it after hydration.
        await hydrated(page);
        const t = (await card.textContent()) ?? '';
        await page.close();
        return t;
      };
      const night = await at('2026-11-24T21:11:00+09:00');
      expect(night).toContain('火曜 10:00–15:00');
      expect(night).not.toContain('いま開いています');
      expect(night).not.toContain('開いています');
      const day = await at('2026-11-24T11:00:00+09:00');
      expect(day).toContain('いま開いています');
    });

    it('distances to approximate points say so; unknown locations show none; the order is stated', async () => {
      const page = await open(`/?city=${HIMI}&district=${encodeURIComponent('稲積地区')}`, vp);
      const cards = page.locator('ol.cards > li');
      await expect.poll(() => cards.count()).toBeGreaterThan(0);
      const all = (await cards.allTextContents()).join('\n');
      expect(all).toMatch(/約[\d.]+km・おおよそ|1km未満・おおよそ/);
      expect(all).not.toContain('すぐ近く');
      expect(all).toContain('場所は計画に書かれていません');
      await expect(page.getByTestId('order').textContent()).resolves.toContain('稲積地区の代表地点から 近い順');
      await page.close();

      const none = await open('/', vp);
      await expect(none.getByTestId('order').textContent()).resolves.toContain('並び順：名前の順');
      await none.close();
    });

    it('planned and considered entries are never shown as open', async () => {
      const page = await open(`/?city=${ENA}`, vp, (p) => p.clock.setFixedTime(new Date('2026-11-24T11:00:00+09:00')));
      const cards = page.locator('ol.cards > li, ol.others > li');
      await expect.poll(() => cards.count()).toBeGreaterThan(0);
      for (const t of await cards.allTextContents())
        if (/開設予定|検討中/.test(t)) {
          expect(t).toContain('まだ開いていません');
          expect(t).not.toContain('いま開いています');
        }
      await page.close();
    });

    it('もっと見る shows the total and the rest; city, district and filters survive Back', async () => {
      const page = await open('/', vp);
      await hydrated(page);
      // The places list; programmes and services have their own list below it.
      const cards = page.locator('ol.cards:not(.others) > li');
      await expect.poll(() => cards.count()).toBe(20);
      const more = page.getByRole('button', { name: /もっと見る（20 \/ \d+件）/ });
      const total = Number((await more.textContent())?.match(/\/ (\d+)件/)?.[1]);
      await more.click();
      await expect.poll(() => cards.count()).toBe(Math.min(40, total));
      expect(page.url()).toContain('places=40');

      await page.getByLabel('市町村', { exact: true }).selectOption(ENA);
      await page.waitForURL(/city=212105/);
      await page.getByLabel('地区', { exact: true }).selectOption('岩村町');
      await page.waitForURL(/district=/);
      await openFilters(page);
      await page.getByLabel('曜日', { exact: true }).selectOption('mon');
      await page.waitForURL(/day=mon/);
      const first = cards.first();
      await expect.poll(() => first.locator('h3').textContent()).toContain('トモニコ');
      await first.locator('h3 a').click();
      await page.waitForURL(/\/resources\//);
      await page.goBack();
      await page.waitForURL(/city=212105.*day=mon/);
      await expect(page.getByLabel('地区', { exact: true }).inputValue()).resolves.toBe('岩村町');
      await expect(page.getByLabel('曜日', { exact: true }).inputValue()).resolves.toBe('mon');
      await expect.poll(() => first.locator('h3').textContent()).toContain('トモニコ');
      await page.close();
    });

    it('the map: offline basemap and glyphs from our origin, keyboard markers, stacked points list, notice below', async () => {
      const served: string[] = [];
      const page = await open(`/?city=${HIMI}`, vp, async (p) => {
        p.on('response', (r) => {
          const path = new URL(r.url()).pathname;
          if (path.startsWith('/offline/') && r.ok()) served.push(decodeURIComponent(path));
        });
      });
      await waitForMap(page);
      expect(served).toContain('/offline/basemap.json');
      expect(served).toContain('/offline/glyphs/Noto Sans Bold/0-255.pbf');
      // Keyboard: every drawn point or cluster is a button; the city-hall stack opens a list.
      const keys = page.locator('.keys button');
      await expect.poll(() => keys.count()).toBeGreaterThan(0);
      const labels = await keys.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
      const stackIndex = labels.findIndex((l) => /件の まとまり|同じ地点に/.test(l));
      expect(stackIndex).toBeGreaterThan(-1);
      await keys.nth(stackIndex).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: /この地点の \d+件/ });
      await dialog.waitFor();
      expect(await dialog.getByRole('link').count()).toBeGreaterThan(1);
      await screenshot(page, `public-map-stack-${vp.name}`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      // The notice is under the map, never over its markers.
      const note = await page.locator('.map-wrap .note').boundingBox();
      const area = await page.locator('.map-area').boundingBox();
      expect(note!.y).toBeGreaterThanOrEqual(area!.y + area!.height - 1);
      expect(await axeRule(page, 'landmark-unique')).toEqual([]);
      await page.close();
    });

    it('on a phone the filters are a closed drawer at the top and the map comes before the list', async () => {
      const page = await open(`/?city=${HIMI}`, vp);
      await waitForMap(page);
      const filters = page.locator('details.filters');
      const mapTop = (await page.locator('.map-box').boundingBox())!.y;
      const listTop = (await page.locator('ol.cards').first().boundingBox())!.y;
      if (vp.width < 700) {
        expect(await filters.getAttribute('open')).toBeNull();
        expect(mapTop).toBeLessThan(listTop);
        expect(mapTop).toBeLessThan(900);
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      await screenshot(page, `public-home-${vp.name}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });

    it('saved list on the device, furigana on demand, share, print without the map', async () => {
      const page = await open(`/resources/${TOMONIKO}`, vp);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await hydrated(page);
      await page.getByRole('button', { name: /を保存$/ }).click();
      await expect(page.getByRole('button', { name: /を保存$/ }).getAttribute('aria-pressed')).resolves.toBe('true');
      await page.getByRole('button', { name: 'ふりがな' }).click();
      await expect(page.locator('h1 rt').textContent()).resolves.toMatch(/^[ぁ-んー\s]+$/);
      await expect(page.getByRole('link', { name: 'LINEで送る' }).getAttribute('href')).resolves.toContain(
        encodeURIComponent(`/resources/${TOMONIKO}`),
      );
      await waitForMap(page);
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.map-block').isVisible()).resolves.toBe(false);
      await expect(page.locator('.legend').isVisible()).resolves.toBe(false);
      await screenshot(page, `public-resource-print-${vp.name}`);
      await page.emulateMedia({ media: 'screen' });
      const saved = await open('/saved', vp);
      await expect.poll(() => saved.locator('ol.saved > li').count()).toBe(1);
      await expect(saved.locator('ol.saved').textContent()).resolves.toContain('トモニコ');
      await saved.getByRole('button', { name: /外す/ }).click();
      await expect.poll(() => saved.locator('ol.saved > li').count()).toBe(0);
      await page.close();
      await saved.close();
    });

    it('a Japanese 404 for any unknown page, and a favicon', async () => {
      const page = await browser.newPage(vp);
      const res = await page.goto(`${svc.url}/no-such-page`);
      expect(res?.status()).toBe(404);
      const body = await text(page);
      expect(body).toContain('ページが みつかりません');
      expect(body).not.toContain('Not Found');
      expect((await page.request.get(`${svc.url}/favicon.ico`)).status()).toBe(200);
      await page.close();
    });
  });

  it('raised no script errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
