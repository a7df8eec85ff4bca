import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type TestBrowser } from './support/browser.ts';
import type { RunningService } from './support/server.ts';
import { addAccount, expectAccessible, signIn, useService } from './support/suite.ts';

const HIMI = '162051';
const STAFF = { email: 'editor@example.test', password: 'editor-password-1' };
const HOST = { email: 'keyaki@example.test', password: 'host-password-123' };

/**
 * The editing pages as staff, a host and residents use them: messages at the field, a
 * resident's note put into the record from the review queue, a host's change accepted,
 * a note dismissed with a reason, a resource retired; each seen on the public page.
 */
describe('resource editing pages (e2e, real service)', () => {
  let svc: RunningService;
  let browser: TestBrowser;
  let page: Page;
  /** Three resources of one city: corrected by a note, changed by its host, retired. */
  let [noted, hosted, retired] = ['', '', ''];
  const problems: string[] = [];

  useService((s, b) => ([svc, browser] = [s, b]));

  beforeAll(async () => {
    page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => m.text().includes('Content Security Policy') && problems.push(m.text()));
    const list = (await (await fetch(`${svc.url}/api/resources?municipality=${HIMI}&limit=3`)).json()) as {
      hits: { id: string }[];
    };
    [noted, hosted, retired] = list.hits.map((h) => h.id) as [string, string, string];
    const user = (who: typeof STAFF, name: string, role: string, extra: string[] = []) =>
      addAccount(
        svc,
        ['--email', who.email, '--name', name, '--role', role, '--municipality', HIMI, ...extra],
        who.password,
      );
    user(STAFF, '氷見 編集', 'staff');
    user(HOST, 'けやき 運営', 'host', ['--resource', hosted]);
  }, 240_000);

  const open = (path: string) => page.goto(svc.url + path, { waitUntil: 'load' });

  const signInAs = (who: typeof STAFF) => signIn(page, svc, who.email, who.password);

  async function tellMistake(id: string, text: string) {
    await open(`/resources/${id}`);
    await page.getByRole('button', { name: 'まちがいを 知らせる' }).click();
    await page.getByLabel(/どこが ちがいますか/).fill(text);
    await page.getByRole('button', { name: '送る' }).click();
    await page.getByText('ありがとうございます').waitFor();
  }

  const reviewItem = (text: string) => page.locator('section.item', { has: page.getByText(text) });

  it('residents send notes without an account, and a host sends a change that waits for staff', async () => {
    await page.context().clearCookies();
    await tellMistake(noted, '電話番号は 0766-74-1111 です');
    await tellMistake(hosted, 'ここは もう やっていない と思います');

    await signInAs(HOST);
    await open(`/staff/resources/${hosted}`);
    await page.getByLabel('説明').fill('けやき文庫の 読み聞かせ（受け入れ先より）');
    await page.getByRole('button', { name: '変更を送る' }).click();
    await page.getByText('変更を送りました').waitFor();

    await page.context().clearCookies();
    await open(`/resources/${hosted}`);
    expect(await page.getByText('けやき文庫の 読み聞かせ').count()).toBe(0);
  });

  it('a wrong value is refused with its message next to the field', async () => {
    await signInAs(STAFF);
    await open(`/staff/resources/${noted}`);
    const url = page.getByLabel('ウェブサイト');
    await url.fill('not a url');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('URL の形が正しくありません').waitFor();
    const describedBy = await url.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain('URL の形が正しくありません');
    await expectAccessible(page, 'editing-field-error');
    await url.fill('');
  });

  it('staff put a resident’s note into the record from the review queue; the history says so', async () => {
    await open('/staff/review');
    const note = reviewItem('電話番号は 0766-74-1111 です');
    await note.waitFor();
    await expectAccessible(page, 'editing-review');
    await note.getByRole('link', { name: '直して採用する' }).click();
    await page.waitForURL(/suggestion=/);
    await page.getByRole('complementary').getByText('電話番号は 0766-74-1111 です').waitFor();
    await expectAccessible(page, 'editing-from-note');
    await page.getByLabel('電話番号').fill('0766-74-1111');
    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('住民の知らせを採用しました').waitFor();
    expect(new URL(page.url()).searchParams.has('suggestion')).toBe(false);
    await page.getByRole('tab', { name: /変更履歴/ }).click();
    await page.getByRole('heading', { name: /住民の知らせを反映/ }).waitFor();
    await page.getByRole('cell', { name: '電話 0766-74-1111' }).first().waitFor();
    await expectAccessible(page, 'editing-history-note');

    await open('/staff/review');
    await reviewItem('ここは もう やっていない').waitFor();
    expect(await reviewItem('電話番号は 0766-74-1111 です').count()).toBe(0);
  });

  it('a host’s change is shown beside the present value and published when staff accept it', async () => {
    const change = reviewItem('受け入れ先からの変更');
    await change.getByRole('rowheader', { name: '説明' }).waitFor();
    await change.getByRole('cell', { name: 'けやき文庫の 読み聞かせ（受け入れ先より）' }).waitFor();
    await change.getByRole('button', { name: '採用', exact: true }).click();
    await page.getByText('採用しました').waitFor();
    expect(await page.getByText('受け入れ先からの変更').count()).toBe(0);
  });

  it('a note is dismissed only with a reason', async () => {
    const note = reviewItem('ここは もう やっていない');
    await note.getByRole('button', { name: '見送る' }).click();
    await page.getByText('見送る理由を書いてください').waitFor();
    await note.getByLabel(/見送る理由/).fill('担当課に確認したところ、続いている');
    await note.getByRole('button', { name: '見送る' }).click();
    await page.getByText('見送りました').waitFor();
    await page.getByText('確認待ちはありません').waitFor();
  });

  it('a retired resource keeps its page, saying it has ended', async () => {
    await open(`/staff/resources/${retired}`);
    await page.getByLabel('終了の理由').fill('令和7年3月で終了（担当課より）');
    await page.getByRole('button', { name: '終了にする' }).click();
    await page.getByText('終了にしました').waitFor();
    await expectAccessible(page, 'editing-retired');
  });

  it('residents see every accepted change on the public pages', async () => {
    await page.context().clearCookies();
    await open(`/resources/${noted}`);
    await page.getByText('0766-74-1111').first().waitFor();
    await open(`/resources/${hosted}`);
    await page.getByText('けやき文庫の 読み聞かせ（受け入れ先より）').waitFor();
    await open(`/resources/${retired}`);
    await page.getByText('この 資源は 終了しました').waitFor();
    await screenshot(page, 'editing-retired-public');
  });

  it('raised no script errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
