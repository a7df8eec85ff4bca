import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as v from 'valibot';
import { NewGapSchema, categoryLabels, suppressSmall } from '@norishiro/data';
import { GapService, type Actor } from '@norishiro/api';
import { appWithInventories, type TestApp } from '../support/app.ts';
import { as, signedInUser, type TestUser } from '../support/auth.ts';
import { parseCsv } from '../support/csv.ts';
import { databaseKinds } from '../support/services.ts';

const HIMI = '162051';
const ENA = '212105';
const ATAMI = '222054';
const HIMI_RESOURCE = '162051-fukushi-soudan-support-center';
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
            district: i === 3 ? '稲積' : need.district,
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

  it('a district the city does not have is refused with the names to choose from', async () => {
    const res = await post(t, coordinator, '/api/gaps', { ...need, district: '箱根' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('稲積地区');
  });

  it('a gap written by hand must say what is missing', async () => {
    const res = await post(t, staff, '/api/gaps', { municipality: HIMI, source: 'manual' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('足りないものを一文で');
  });

  it('twenty coordinators recording the same need at once make one record counted twenty times', async () => {
    const service = new GapService(t.db);
    const actor: Actor = {
      userId: 'u-bench',
      email: 'c@example.test',
      name: 'コーディネーター',
      role: 'coordinator',
      municipalities: [ENA],
      resources: [],
      ip: '127.0.0.1',
    };
    const same = v.parse(NewGapSchema, {
      municipality: ENA,
      district: '大井町',
      situations: ['elderly'],
      categories: ['salon'],
    });
    const saved = await Promise.all(Array.from({ length: 20 }, () => service.record(actor, same)));
    expect(new Set(saved.map((s) => s.id)).size).toBe(1);
    expect(Math.max(...saved.map((s) => s.count))).toBe(20);
    const enaStaff = await signedInUser(t, 'staff', [ENA]);
    expect(await (await t.app.request('/api/gaps', as(enaStaff))).json()).toMatchObject([
      { count: 20, categories: ['salon'] },
    ]);
  });

  it('staff walk a gap through the 構築会議 to 解消, with comments; coordinators cannot', async () => {
    const [gap] = await (await t.app.request('/api/gaps?district=稲積地区&category=ibasho', as(staff))).json();
    expect((await patch(t, coordinator, `/api/gaps/${gap.id}`, { to: 'council' })).status).toBe(403);
    const named = await patch(t, staff, `/api/gaps/${gap.id}`, { comment: '山田さんから相談あり' });
    expect(named.status).toBe(400);
    expect(JSON.stringify(await named.json())).toContain('人の名前のような書き方があります');
    expect(
      (await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'council', comment: '11月の構築会議で扱う' })).status,
    ).toBe(200);
    expect((await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'in_progress' })).status).toBe(400);
    expect(
      (await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'in_progress', owner: '福祉課', due: '2027-03-31' })).status,
    ).toBe(200);
    const nowhere = await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'resolved', resolvedBy: '212105-ena-none' });
    expect(nowhere.status).toBe(400);
    expect(JSON.stringify(await nowhere.json())).toContain('この自治体にその ID の資源はありません');
    const done = await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'resolved', resolvedBy: HIMI_RESOURCE });
    expect(done.status).toBe(200);
    expect((await patch(t, staff, `/api/gaps/${gap.id}`, { to: 'dropped', reason: '重複' })).status).toBe(409);
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
    expect(report.resolved).toMatchObject([{ resolvedBy: HIMI_RESOURCE }]);
    expect(report.referralOutcomes).toEqual([]);
    const month = thisMonth().slice(0, 7);
    expect(report.trends.at(-1)).toEqual({ month, recorded: 6, resolved: '3未満' });
    expect(report.trends).toHaveLength(12);
    expect(await (await t.app.request(`/api/gaps/trends?municipality=${HIMI}`, as(staff))).json()).toEqual(
      report.trends,
    );

    const csv = await t.app.request(`/api/reports/kochiku?${q}&format=csv`, as(staff));
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
    expect(header!.slice(0, 3)).toEqual(['記録した月', '地区', '求める分類']);
    const byDistrict = Object.fromEntries(rows.map((r) => [r[1], r]));
    expect(byDistrict['稲積地区']).toMatchObject({ 2: '居場所', 9: '4', 10: '解消' });
    expect(byDistrict['宮田地区']).toMatchObject({ 2: '就労体験', 9: '3未満', 10: '新規' });
    expect(byDistrict['']).toMatchObject({ 8: '稲積地区に夜の居場所がない', 9: '3未満' });
    expect(rows.map((r) => r[9]).filter((n) => n === '1' || n === '2')).toEqual([]);

    const covCsv = parseCsv(
      await (
        await t.app.request(`/api/coverage?municipality=${HIMI}&by=district_category&format=csv`, as(staff))
      ).text(),
    );
    const col = covCsv[0]!.indexOf('居場所（不足）');
    expect(covCsv.find((r) => r[0] === '稲積地区')![col]).toBe('4');
    expect(covCsv.find((r) => r[0] === '宮田地区')!.at(-1)).toBe('3未満');

    const xlsx = await t.app.request(`/api/reports/kochiku?${q}&format=xlsx`, as(staff));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概要',
      '不足の上位',
      '不足の一覧',
      '地区×分類',
      '資源の追加・変更',
      '紹介の結果',
      '解消した不足',
      '月ごとの推移',
    ]);
    expect(book.getWorksheet('概要')!.getRow(4).getCell(2).value).toBe(6);
    const sheet = book.getWorksheet('不足の一覧')!;
    const counts = sheet.getColumn(10).values.slice(2);
    expect(counts).toHaveLength(3);
    expect(counts).toEqual(expect.arrayContaining([4, '3未満']));
    expect(counts.filter((n) => n === 1 || n === 2)).toEqual([]);
    expect(book.getWorksheet('紹介の結果')!.rowCount).toBe(1);
  });

  it('the map puts each district’s gaps on its point and counts the rest apart', async () => {
    const map = await (await t.app.request(`/api/coverage/map?municipality=${HIMI}`, as(staff))).json();
    expect(map.districts).toContainEqual(expect.objectContaining({ name: '稲積地区', gaps: 4 }));
    expect(map.districts.find((d: { name: string }) => d.name === '宮田地区')).toBeUndefined();
    expect(map.unplaced).toBe('3未満');
    expect(map.resources).toContainEqual(expect.objectContaining({ id: HIMI_RESOURCE }));
  });

  it('the report’s kept monthly sums equal the gap rows after records, status changes and deletions', async () => {
    // Recorded again (count grows), moved through statuses, and one month's rows deleted.
    await post(t, coordinator, '/api/gaps', { ...need, categories: ['salon'] });
    await post(t, coordinator, '/api/gaps', { ...need, categories: ['salon'] });
    await t.db.query(`update gaps set status = 'council' where municipality = $1 and categories = '{salon}'`, [HIMI]);
    await t.db.query(
      `insert into gaps (id, municipality, period, key, district, categories, count, status)
       values ('rollup-old-1', $1, '2020-01', 'k1', null, '{ibasho}', 5, 'dropped'),
              ('rollup-old-2', $1, '2020-01', 'k2', '稲積地区', '{ibasho}', 2, 'new')`,
      [HIMI],
    );
    await t.db.query(`delete from gaps where id = 'rollup-old-2'`);
    const sums = (sql: string) =>
      t.db
        .query<{ municipality: string; period: string; k: string; n: string; c: string }>(sql)
        .then((rows) => rows.map((r) => `${r.municipality} ${r.period} ${r.k} ${Number(r.n)} ${Number(r.c)}`).sort());
    const fromRows = await sums(
      `select municipality, period, gap_rollup_key(status, district, categories, situations, time_bands) as k, count(*) as n, sum(count) as c
       from gaps group by 1, 2, 3`,
    );
    const kept = await sums(
      `select municipality, period, e.key as k, e.value->>0 as n, e.value->>1 as c
       from gap_rollup, jsonb_each(cells) e`,
    );
    expect(fromRows.length).toBeGreaterThan(3);
    expect(kept).toEqual(fromRows);
    const forReport = await sums(
      `select municipality, period, gap_rollup_report_key(status, district, categories) as k, count(*) as n,
         sum(count) as c from gaps group by 1, 2, 3`,
    );
    expect(
      await sums(
        `select municipality, period, e.key as k, e.value->>0 as n, e.value->>1 as c
         from gap_rollup, jsonb_each(report_cells) e`,
      ),
    ).toEqual(forReport);
    await t.db.query(`delete from gaps where id = 'rollup-old-1'`);
  });

  it('each coverage view totals every record (not 見送り) once per row, whatever its axes', async () => {
    const rowTotals = async (sql: string) =>
      new Map(
        (await t.db.query<{ row: string; n: string }>(sql, [HIMI])).map((r) => [r.row, suppressSmall(Number(r.n))]),
      );
    const live = `from gaps where municipality = $1 and status <> 'dropped'`;
    const byDistrict = await rowTotals(
      `select coalesce(district, '指定なし') as row, sum(count) as n ${live} group by 1`,
    );
    const byCategory = await rowTotals(
      `select c as row, sum(count) as n
       from gaps, unnest(case when categories = '{}' then array['指定なし'] else categories end) c
       where municipality = $1 and status <> 'dropped' group by 1`,
    );
    const label = (code: string) => categoryLabels[code as keyof typeof categoryLabels]?.ja ?? code;
    for (const [by, expected] of [
      ['district_category', byDistrict],
      ['district_situation', byDistrict],
      ['category_timeband', new Map([...byCategory].map(([c, n]) => [label(c), n]))],
    ] as const) {
      const table = await (await t.app.request(`/api/coverage?municipality=${HIMI}&by=${by}`, as(staff))).json();
      const gaps = new Map(
        (table.totals as { row: string; gaps: number | string }[])
          .filter((r) => r.gaps !== 0)
          .map((r) => [r.row, r.gaps]),
      );
      expect(gaps, by).toEqual(expected);
    }
  });

  it('without referral records on this instance the report says so rather than failing', async () => {
    await t.db.exec('drop table referrals cascade');
    const q = `municipality=${HIMI}&from=${thisMonth().slice(0, 8)}01&to=${thisMonth()}`;
    const report = await (await t.app.request(`/api/reports/kochiku?${q}`, as(staff))).json();
    expect(report.referralOutcomes).toBeNull();
    const xlsx = await t.app.request(`/api/reports/kochiku?${q}&format=xlsx`, as(staff));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.getWorksheet('紹介の結果')!.getRow(2).getCell(1).value).toBe('紹介の記録はまだありません');
  });

  it('every gap route is in the OpenAPI document with its schemas', async () => {
    const spec = await (await t.app.request('/api/openapi.json')).json();
    for (const path of [
      '/api/gaps',
      '/api/gaps/{id}',
      '/api/gaps/trends',
      '/api/coverage',
      '/api/coverage/map',
      '/api/reports/kochiku',
    ])
      expect(spec.paths[path], path).toBeDefined();
    expect(spec.components.schemas.NewGap.properties.timeBands).toBeDefined();
    expect(spec.components.schemas.NewGap.properties.caseCode).toBeUndefined();
    expect(spec.paths['/api/reports/kochiku'].get.parameters.map((p: { name: string }) => p.name)).toEqual([
      'municipality',
      'from',
      'to',
      'format',
    ]);
  });

  it('another city’s staff see none of it', async () => {
    const other = await signedInUser(t, 'staff', [ATAMI]);
    expect(await (await t.app.request('/api/gaps', as(other))).json()).toEqual([]);
    expect((await t.app.request(`/api/coverage?municipality=${HIMI}`, as(other))).status).toBe(404);
  });
});
