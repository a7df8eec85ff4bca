import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ResourceSchema, type Municipality } from '@norishiro/data';
import { importOpenDataCsv, todayInJapan, type OpenDataImportOptions } from './import.ts';
import { parseMapping } from './mapping.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../../tests/fixtures/opendata/${name}`, import.meta.url));

const city = (code: string, name: string, reading: string, lat: number, lng: number): Municipality => ({
  code,
  prefecture: '静岡県',
  name,
  reading,
  cityHall: { lat, lng },
  districts: [],
});
const atami = city('222054', '熱海市', 'あたみし', 35.09611, 139.07167);
const izu = city('222224', '伊豆市', 'いずし', 34.97667, 138.94694);

const mapping = parseMapping({
  rules: [{ match: { field: '名称', includes: '公民館' }, categories: ['salon'], targets: ['anyone'], stages: [2] }],
  default: { categories: ['consultation'], targets: ['anyone'], stages: [1] },
});

const run = (file: string, options: Partial<OpenDataImportOptions> = {}) =>
  importOpenDataCsv(fixture(file), {
    fileName: file,
    municipalities: [atami, izu],
    mapping,
    today: '2026-11-23',
    ...options,
  });

const byId = (result: ReturnType<typeof run>) => new Map(result.resources.map((r) => [r.id, r]));

describe('importOpenDataCsv: 公共施設一覧 (legacy layout, UTF-8)', () => {
  const result = run('facility-legacy-atami.utf8.csv');

  it('imports the good rows and reports every bad one with its line', () => {
    expect(result.layout).toBe('facility-legacy');
    expect(result.resources.map((r) => r.id)).toEqual(['222054-od-fac-1', '222054-od-fac-2', '222054-od-fac-8']);
    expect(result.rejected).toEqual([
      { line: 5, reason: '団体コード 222055 の検査数字が合いません' },
      { line: 6, reason: '名称がありません' },
      { line: 7, reason: '緯度・経度が読めません（緯度「abc」経度「139.07」）' },
      { line: 8, reason: '列の数が 5 で、見出しの 24 と違います' },
      { line: 9, reason: expect.stringContaining('pnpm admin municipality add 131016') },
    ]);
  });

  it('builds a full resource from a complete row', () => {
    expect(byId(result).get('222054-od-fac-1')).toEqual({
      id: '222054-od-fac-1',
      municipality: '222054',
      name: 'テスト公民館',
      kind: 'place',
      reading: 'テストコウミンカン',
      aliases: [],
      categories: ['salon'],
      targets: ['anyone'],
      stages: [2],
      location: { lat: 35.0972, lng: 139.0731, precision: 'address', pointOf: 'オープンデータの緯度経度' },
      schedule: {
        kind: 'weekly',
        slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '17:00' }],
        note: '年末年始を除く',
      },
      cost: { kind: 'unknown' },
      status: 'active',
      usage: [],
      features: [],
      tags: [],
      contact: { phone: '0557-00-0001', url: 'https://example.com/test-kominkan', address: '静岡県熱海市テスト町1-1' },
      notes: 'バリアフリー: スロープ;多目的トイレ',
      source: {
        file: 'facility-legacy-atami.utf8.csv',
        section: '公共施設一覧 行 2',
        quote:
          '222054,1,静岡県,熱海市,テスト公民館,テストコウミンカン,,,静岡県熱海市テスト町1-1,,35.0972,139.0731,0557-00-0001,,,,月～金,9:00,17:00,年末年始を除く,,スロープ;多目的トイレ,https://example.com/test-kominkan,',
      },
      verifiedAt: '2026-11-23',
    });
  });

  it('puts rows without coordinates at the city hall, and counts lines across quoted line breaks', () => {
    const r = byId(result).get('222054-od-fac-2')!;
    expect(r.location).toEqual({
      ...atami.cityHall,
      precision: 'municipality',
      pointOf: '熱海市役所（オープンデータに緯度経度なし）',
    });
    expect(r.reading).toBe('テストシュウカイジョ');
    expect(r.schedule).toEqual({
      kind: 'weekly',
      slots: [{ days: ['mon', 'wed', 'fri'], open: '09:30', close: '15:00' }],
    });
    expect(r.description).toBe('架空の集会所です。\n2行目の説明。');
    expect(byId(result).get('222054-od-fac-8')!.source.section).toBe('公共施設一覧 行 10');
  });

  it('produces only schema-valid resources', () => {
    for (const r of result.resources) expect(v.safeParse(ResourceSchema, r).success).toBe(true);
  });
});

describe('importOpenDataCsv: 公共施設一覧 (newer layout, UTF-8 with BOM)', () => {
  const result = run('facility-v2-izu.utf8bom.csv');

  it('reads the split address, the English name and half-width kana', () => {
    expect(result.layout).toBe('facility');
    const r = byId(result).get('222224-od-fac-t-001')!;
    expect(r.contact?.address).toBe('静岡県伊豆市テスト1番地 テストビル2階');
    expect(r.aliases).toEqual(['Test District Centre']);
    expect(r.reading).toBe('テストチクセンター');
    expect(r.schedule).toEqual({
      kind: 'weekly',
      slots: [{ days: ['tue', 'wed', 'thu', 'fri', 'sat'], open: '10:00', close: '17:15' }],
    });
  });

  it('notes 祝日 and keeps unreadable day text as an unknown schedule', () => {
    expect(byId(result).get('222224-od-fac-t-002')!.schedule).toEqual({
      kind: 'weekly',
      slots: [{ days: ['sat', 'sun'], open: '09:00', close: '12:00' }],
      note: '祝日も利用可',
    });
    expect(byId(result).get('222224-od-fac-t-006')!.schedule).toEqual({
      kind: 'unknown',
      note: '利用可能曜日: 第2・第4土曜日',
    });
  });

  it('rejects swapped coordinates, a 5-digit code and a repeated ID', () => {
    expect(result.rejected).toEqual([
      { line: 4, reason: '緯度と経度が入れ替わっているようです（緯度 138.9452、経度 34.9781）' },
      { line: 5, reason: '団体コード「22222」が6桁の数字ではありません' },
      { line: 6, reason: 'ID 222224-od-fac-t-001 が 2 行目と重複しています' },
    ]);
  });
});

describe('importOpenDataCsv: 介護サービス事業所一覧, the current layout (real rows from 下松市)', () => {
  const kudamatsu: Municipality = {
    code: '352071',
    prefecture: '山口県',
    name: '下松市',
    reading: 'くだまつし',
    cityHall: { lat: 34.0149, lng: 131.8703 },
    districts: [],
  };
  const file = 'kudamatsu/352071_care_service-head.csv';
  const result = run(file, { municipalities: [kudamatsu] });

  it('reads every row: ids from ID, the service as a tag, the address joined with its building', () => {
    expect(result.layout).toBe('care-service');
    expect(result.rejected).toEqual([]);
    expect(result.resources).toHaveLength(7);
    const center = byId(result).get('352071-od-care-kd0000900016')!;
    expect(center.name).toBe('下松市地域包括支援センター');
    expect(center.kind).toBe('service');
    expect(center.tags).toEqual(['介護予防支援事業所']);
    expect(center.contact).toMatchObject({ phone: '0833-45-1838' });
    expect(center.contact?.address).toContain('山口県下松市大手町3-3-3');
    expect(center.location).toMatchObject({ lat: 34.0147356, lng: 131.8700429, precision: 'address' });
    expect(center.source.file).toBe(file);
  });
});

describe('importOpenDataCsv: 介護サービス事業所一覧 (Shift_JIS)', () => {
  const result = run('care-atami.sjis.csv');

  it('keys ids on 事業所番号 and keeps cp932 characters', () => {
    expect(result.encoding).toBe('shift_jis');
    expect(result.layout).toBe('care-service-legacy');
    const r = byId(result).get('222054-od-care-2270000001')!;
    expect(r.name).toBe('テストデイサービス①');
    expect(r.operator).toBe('㈱テスト介護');
    expect(r.operation).toBe('provider');
    expect(r.tags).toEqual(['通所介護']);
    expect(r.notes).toBe('定員: 20');
    expect(r.schedule).toEqual({
      kind: 'weekly',
      slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }],
      note: '祝日も営業',
    });
  });

  it('rejects a non-numeric code, a mismatched city name and a point far away', () => {
    expect(result.rejected).toEqual([
      { line: 4, reason: '団体コード「ABCDEF」が6桁の数字ではありません' },
      { line: 5, reason: '市区町村名「伊豆市」が団体コード 222054（熱海市）と合いません' },
      { line: 6, reason: '位置が熱海市役所から 90.6 km 離れています' },
    ]);
  });
});

describe('importOpenDataCsv: UTF-16LE', () => {
  it('reads a file with a BOM; a reversed time range becomes a note, not a slot time', () => {
    const result = run('facility-legacy-izu.utf16le.csv');
    expect(result.encoding).toBe('utf-16le');
    expect(result.resources.map((r) => r.id)).toEqual(['222224-od-fac-1', '222224-od-fac-3']);
    expect(result.resources[0]!.schedule).toMatchObject({ note: '祝日を除く' });
    expect(result.resources[1]!.schedule).toEqual({
      kind: 'weekly',
      slots: [{ days: ['wed'] }],
      note: '時間: 17:00〜9:00',
    });
    expect(result.rejected).toEqual([{ line: 3, reason: 'NOがないか、英数字を含みません' }]);
  });

  it('reads a file without a BOM and reports an unclosed quote', () => {
    const result = run('facility-v2-atami.utf16le-nobom.csv');
    expect(result.encoding).toBe('utf-16le');
    expect(result.resources[0]!.schedule).toEqual({
      kind: 'weekly',
      slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '09:00', close: '16:00' }],
    });
    expect(result.rejected).toEqual([{ line: 3, reason: '引用符 (") が閉じていないため、この行から先を読めません' }]);
  });
});

describe('importOpenDataCsv: whole-file behaviour', () => {
  it('keeps ids stable when rows move', () => {
    const text = fixture('facility-legacy-atami.utf8.csv').toString('utf8');
    const [header, ...rows] = text.trimEnd().split('\r\n');
    const reordered = [header, ...rows.reverse()].join('\r\n');
    const again = importOpenDataCsv(new TextEncoder().encode(reordered), {
      fileName: 'x.csv',
      municipalities: [atami],
      mapping,
    });
    expect(again.resources.map((r) => r.id).sort()).toEqual(['222054-od-fac-1', '222054-od-fac-2', '222054-od-fac-8']);
    expect(again.resources[0]!.verifiedAt).toBe(todayInJapan());
  });

  it('rejects rows no rule or default covers', () => {
    const strict = parseMapping({ rules: mapping.rules });
    const result = run('facility-legacy-atami.utf8.csv', { mapping: strict });
    expect(result.resources.map((r) => r.name)).toEqual(['テスト公民館']);
    expect(result.rejected).toContainEqual({ line: 3, reason: 'どの対応規則にも当たらず、既定の分類もありません' });
  });

  it('only imports the municipalities passed in', () => {
    const result = run('facility-legacy-atami.utf8.csv', { municipalities: [izu] });
    expect(result.resources).toEqual([]);
    expect(result.rejected.filter((r) => r.reason.includes('まだ登録されていません'))).toHaveLength(6);
  });

  it('reports an unknown header instead of throwing', () => {
    const result = importOpenDataCsv(new TextEncoder().encode('pid,pref\n1,北海道\n'), {
      fileName: 'x.csv',
      municipalities: [atami],
      mapping,
    });
    expect(result).toMatchObject({ resources: [], rejected: [{ line: 1 }] });
    expect(
      importOpenDataCsv(new Uint8Array(), { fileName: 'x.csv', municipalities: [], mapping }).rejected,
    ).toHaveLength(1);
  });
});
