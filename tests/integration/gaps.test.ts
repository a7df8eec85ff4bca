import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, signedInUser, type TestUser } from '../support/auth.ts';
import { databaseKinds } from '../support/services.ts';

const HIMI = '162051';
const post = (t: TestApp, u: TestUser, path: string, body: unknown) =>
  t.app.request(path, as(u, { method: 'POST', body: JSON.stringify(body) }));
const patch = (t: TestApp, u: TestUser, path: string, body: unknown) =>
  t.app.request(path, as(u, { method: 'PATCH', body: JSON.stringify(body) }));
const thisMonth = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

describe.each(databaseKinds())('gap board on %s', (kind) => {
  let t: TestApp;
  let coordinator: TestUser;
  let staff: TestUser;
  beforeAll(async () => {
    t = await appWithInventories(kind);
    coordinator = await signedInUser(t, 'coordinator', [HIMI]);
    staff = await signedInUser(t, 'staff', [HIMI]);
  });
  afterAll(() => t.close());

  const need = {
    municipality: HIMI,
    district: '稲積地区',
    stage: 1,
    situations: ['school_refusal', 'children'],
    categories: ['ibasho'],
    timeBands: ['weekday_day'],
    failedFactor: 'target',
  };

  it('the same need recorded four times this month is one record counted four times', async () => {
    for (let i = 0; i < 4; i++)
      expect(
        (
          await post(t, coordinator, '/api/gaps', {
            ...need,
            situations: i % 2 ? ['children', 'school_refusal'] : need.situations,
          })
        ).status,
      ).toBe(201);
    const list = await (await t.app.request('/api/gaps', as(staff))).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ count: 4, status: 'new', district: '稲積地区' });
  });

  it('a hand-written gap that looks like it names a person is held back until confirmed', async () => {
    const manual = { municipality: HIMI, description: '山田さん宅の近くに夜の居場所がない', source: 'manual' };
    const res = await post(t, staff, '/api/gaps', manual);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('人の名前のような書き方があります');
    expect((await post(t, staff, '/api/gaps', { ...manual, description: '稲積地区に夜の居場所がない' })).status).toBe(
      201,
    );
  });

  it('staff walk a gap through the 構築会議 to 解消, with comments; coordinators cannot', async () => {
    const [gap] = await (await t.app.request('/api/gaps?district=稲積地区&category=ibasho', as(staff))).json();
    expect((await patch(t, coordinator, `/api/gaps/${gap.id}`, { to: 'council' })).status).toBe(403);
    expect(
      (await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'council', comment: '11月の構築会議で扱う' })).status,
    ).toBe(200);
    expect((await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'in_progress' })).status).toBe(400);
    expect(
      (await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'in_progress', owner: '福祉課', due: '2027-03-31' })).status,
    ).toBe(200);
    const done = await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'resolved', resolvedBy: '162051-staff-abc' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({
      status: 'resolved',
      owner: '福祉課',
      comments: [expect.objectContaining({ text: '11月の構築会議で扱う' })],
    });
  });

  it('coverage and the report hide counts under 3, in JSON, CSV and XLSX', async () => {
    await post(t, coordinator, '/api/gaps', {
      municipality: HIMI,
      district: '宮田地区',
      categories: ['work_experience'],
    });
    const cov = await (
      await t.app.request(`/api/coverage?municipality=${HIMI}&by=district_category`, as(staff))
    ).json();
    expect(cov.cells).toContainEqual(expect.objectContaining({ row: '宮田地区', col: '就労体験', gaps: '3未満' }));
    expect(cov.cells).toContainEqual(expect.objectContaining({ row: '稲積地区', col: '居場所', gaps: 4 }));

    const q = `municipality=${HIMI}&from=${thisMonth().slice(0, 8)}01&to=${thisMonth()}`;
    const report = await (await t.app.request(`/api/reports/kochiku?${q}`, as(staff))).json();
    expect(report.summary).toMatchObject({ records: 6, resolved: 1 });
    expect(report.resolved).toHaveLength(1);

    const csv = await t.app.request(`/api/reports/kochiku?${q}&format=csv`, as(staff));
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('記録した月');
    expect(text).toContain('3未満');
    const counts = text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(',')[9]);
    expect(counts).toContain('3未満');
    expect(counts.filter((n) => n === '1' || n === '2')).toEqual([]);

    const xlsx = await t.app.request(`/api/reports/kochiku?${q}&format=xlsx`, as(staff));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概要',
      '不足の上位',
      '地区×分類',
      '資源の追加・変更',
      '紹介の結果',
      '解消した不足',
    ]);
    expect(book.getWorksheet('概要')!.getRow(4).getCell(2).value).toBe(6);
  });

  it('another city’s staff see none of it', async () => {
    const other = await signedInUser(t, 'staff', ['212105']);
    expect(await (await t.app.request('/api/gaps', as(other))).json()).toEqual([]);
    expect((await t.app.request(`/api/coverage?municipality=${HIMI}`, as(other))).status).toBe(404);
  });
});
