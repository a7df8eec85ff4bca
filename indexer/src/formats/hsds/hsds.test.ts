import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ResourceSchema, type Inventory, type ResourceInput } from '@norishiro/data';
import { loadInventories } from '@norishiro/data/inventories';
import { exportHsds, serviceId } from './export.ts';
import { importHsds } from './import.ts';
import { toJapanTime } from './schedule.ts';

const izu = {
  code: '222224',
  prefecture: '静岡県',
  name: '伊豆市',
  reading: 'いずし',
  cityHall: { lat: 34.97667, lng: 138.94694 },
  districts: [
    { name: '修善寺地区', reading: 'しゅぜんじちく', point: { lat: 34.96868, lng: 138.88606 }, pointOf: '大字 修善寺' },
    { name: '土肥地区', reading: 'といちく' },
  ],
};

const base = {
  municipality: '222224',
  kind: 'place',
  categories: ['salon'],
  targets: ['anyone'],
  stages: [2],
  location: { ...izu.cityHall, precision: 'municipality', pointOf: '伊豆市役所' },
  status: 'active',
  source: { file: 'test.txt', section: 'テスト', quote: 'テストの記述' },
  verifiedAt: '2026-11-23',
} as const satisfies Partial<ResourceInput>;

/** Every Resource field and every schedule kind, with and without notes and hours. */
const entries: ResourceInput[] = [
  {
    ...base,
    id: '222224-test-full',
    name: 'テスト交流サロン',
    reading: 'テスト コウリュウ サロン',
    aliases: ['テストサロン', '交流の場、テスト'],
    categories: ['salon', 'ibasho'],
    targets: ['elderly', 'dementia'],
    stages: [2, 1],
    description: '架空のサロンです。',
    operator: 'テスト社会福祉協議会',
    operation: 'contracted',
    department: '社会福祉課',
    legalBasis: '社会福祉法第106条の4第2項第3号',
    district: '修善寺地区',
    location: { lat: 34.96868, lng: 138.88606, precision: 'district', pointOf: '修善寺地区の代表点' },
    schedule: {
      kind: 'weekly',
      slots: [
        { days: ['fri', 'mon'], open: '10:00', close: '15:00' },
        { days: ['sat'], open: '09:30' },
        { days: ['sun'], close: '12:00' },
        { days: ['wed'] },
      ],
      note: '祝日は休み',
    },
    cost: { kind: 'paid', note: '1回200円' },
    count: 3,
    status: 'planned',
    usage: [{ label: '延べ参加者数', value: 1234, unit: '人', period: '令和4年度' }, { label: '開催回数' }],
    ageMin: 60,
    ageMax: 99,
    features: ['wheelchair', 'small_group'],
    tags: ['手芸', 'ロコトレ'],
    contact: { phone: '0558-00-0000', url: 'https://example.com/salon', address: '伊豆市テスト1-1' },
    notes: '架空のデータです。',
    source: { file: 'test.txt', section: 'テスト', quote: 'テストの記述', synthetic: true },
  },
  {
    ...base,
    id: '222224-test-monthly',
    name: 'テスト月例会',
    operation: 'direct',
    cost: { kind: 'free' },
    schedule: {
      kind: 'monthly',
      rules: [
        { week: 4, day: 'tue', open: '13:00', close: '15:00' },
        { week: -1, day: 'sat' },
      ],
    },
  },
  {
    ...base,
    id: '222224-test-monthly-note',
    name: 'テスト月例会2',
    schedule: { kind: 'monthly', rules: [{ week: 1, day: 'mon' }], note: '8月は休み' },
    status: 'ended',
  },
  {
    ...base,
    id: '222224-test-interval',
    name: 'テスト隔月',
    schedule: { kind: 'interval', everyMonths: 2, timesPerPeriod: 3, note: '2か月に3回' },
    cost: { kind: 'unknown', note: '要確認' },
  },
  {
    ...base,
    id: '222224-test-interval-bare',
    name: 'テスト毎月',
    schedule: { kind: 'interval', everyMonths: 1 },
    contact: { phone: '0558-00-0001' },
  },
  {
    ...base,
    id: '222224-test-irregular',
    name: 'テスト随時',
    schedule: { kind: 'irregular', note: '随時' },
    district: '土肥地区',
    contact: { address: '伊豆市役所内' },
  },
  {
    ...base,
    id: '222224-test-unknown-note',
    name: 'テスト不明',
    schedule: { kind: 'unknown', note: '頻度の記載なし' },
  },
  { ...base, id: '222224-test-unknown', name: 'テスト不明2', schedule: { kind: 'unknown' }, operator: '伊豆市' },
  {
    ...base,
    id: '222224-test-same-operator',
    name: 'テスト同じ運営',
    operator: 'テスト社会福祉協議会',
    features: ['free'],
    schedule: { kind: 'unknown' },
  },
];

const handMade: Inventory[] = [
  { municipality: izu, resources: entries.map((e) => v.parse(ResourceSchema, e)) },
  {
    municipality: {
      code: '222054',
      prefecture: '静岡県',
      name: '熱海市',
      reading: 'あたみし',
      cityHall: { lat: 35.09611, lng: 139.07167 },
      districts: [],
    },
    resources: [],
  },
];

const BASE = 'https://norishiro.example.jp';
const known = handMade.map((i) => i.municipality);
const options = { municipalities: known, fileName: 'test.json', today: '2026-11-24' };

describe('exportHsds', () => {
  const dataset = exportHsds(handMade, { baseUrl: BASE });
  const schedulesOf = (id: string) => dataset.schedule.filter((s) => s.service_id === serviceId(id));
  const termName = (id: string) => dataset.taxonomy_term.find((t) => t.id === id)!;

  it('writes weekly, monthly and interval schedules as RRULE fields in Japan time', () => {
    expect(
      schedulesOf('222224-test-full').map(({ freq, byday, opens_at, closes_at, notes, timezone }) => ({
        freq,
        byday,
        opens_at,
        closes_at,
        notes,
        timezone,
      })),
    ).toEqual([
      {
        freq: 'WEEKLY',
        byday: 'FR,MO',
        opens_at: '10:00+09:00',
        closes_at: '15:00+09:00',
        notes: '祝日は休み',
        timezone: 9,
      },
      { freq: 'WEEKLY', byday: 'SA', opens_at: '09:30+09:00', closes_at: undefined, notes: undefined, timezone: 9 },
      { freq: 'WEEKLY', byday: 'SU', opens_at: undefined, closes_at: '12:00+09:00', notes: undefined, timezone: 9 },
      { freq: 'WEEKLY', byday: 'WE', opens_at: undefined, closes_at: undefined, notes: undefined, timezone: 9 },
    ]);
    expect(schedulesOf('222224-test-monthly').map((s) => s.byday)).toEqual(['4TU', '-1SA']);
    expect(schedulesOf('222224-test-interval')[0]).toMatchObject({
      freq: 'MONTHLY',
      interval: 2,
      dtstart: '2026-11-23',
      notes: '2か月に3回',
    });
    expect(schedulesOf('222224-test-unknown')).toEqual([]);
    expect(schedulesOf('222224-test-irregular')[0]).toMatchObject({ notes: '随時', description: '随時' });
  });

  it('says in the location description when a point is approximate', () => {
    const district = dataset.location.find((l) => l.name === '修善寺地区の代表点')!;
    expect(district.description).toContain('おおよその位置');
    const hall = dataset.location.find((l) => l.name === '伊豆市役所')!;
    expect(hall.description).toContain('市町村の代表点');
  });

  it('has one organisation per operator plus one per municipality, named by its code', () => {
    expect(dataset.organization.map((o) => o.name)).toEqual([
      '静岡県伊豆市',
      'テスト社会福祉協議会',
      '伊豆市',
      '静岡県熱海市',
    ]);
    expect(dataset.organization.every((o) => o.description.length > 0)).toBe(true);
    expect(dataset.organization_identifier.map((i) => i.identifier)).toEqual(['222224', '222054']);
    const direct = dataset.service.find((s) => s.name === 'テスト月例会')!;
    expect(direct.organization_id).toBe(dataset.organization[0]!.id);
  });

  it('links services to Japanese taxonomy terms through attributes, with term URIs under the origin', () => {
    const sid = serviceId('222224-test-full');
    const coded = dataset.attribute.filter((a) => a.link_id === sid && a.link_type !== 'norishiro_extension');
    expect(coded.map((a) => termName(a.taxonomy_term_id).name)).toEqual([
      'サロン・通いの場',
      '居場所',
      '高齢者',
      '認知症の人と家族',
      '参加する',
      'つながる',
      '車いすで利用できる',
      '少人数',
      '委託',
    ]);
    expect(dataset.taxonomy.map((t) => t.name)).toContain('Norishiro 分類');
    for (const t of dataset.taxonomy_term) expect(t.term_uri).toBe(`${BASE}/api/hsds/taxonomy_terms/${t.id}`);
    const extension = dataset.attribute.filter((a) => a.link_id === sid && a.link_type === 'norishiro_extension');
    expect(extension.map((a) => [termName(a.taxonomy_term_id).code, a.value])).toContainEqual([
      'reading',
      'テスト コウリュウ サロン',
    ]);
  });

  it('names each service area and uses UUIDs that are the same on every export', () => {
    const areas = dataset.service_area.filter((a) => a.service_id === serviceId('222224-test-full'));
    expect(areas.map((a) => a.extent)).toEqual(['静岡県伊豆市', '静岡県伊豆市 修善寺地区']);
    expect(dataset.service[0]!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(exportHsds(handMade, { baseUrl: BASE })).toEqual(dataset);
  });

  it('shares a location between services at the same point', () => {
    const atHall = dataset.service_at_location.filter(
      (s) => s.location_id === dataset.location.find((l) => l.name === '伊豆市役所')?.id,
    );
    expect(atHall.length).toBeGreaterThan(1);
  });
});

describe('importHsds', () => {
  it('round-trips a hand-made inventory that uses every field', () => {
    expect(importHsds(exportHsds(handMade, { baseUrl: BASE }), options)).toEqual({
      inventories: handMade,
      issues: [],
      warnings: [],
    });
  });

  it('round-trips through JSON text too', () => {
    const text = JSON.stringify(exportHsds(handMade, { baseUrl: BASE }));
    expect(importHsds(JSON.parse(text), options).inventories).toEqual(handMade);
  });

  // The real inventories are being written alongside; test whichever exist.
  const real = loadInventories().inventories;
  it.runIf(real.length > 0)('round-trips every real inventory', () => {
    const back = importHsds(exportHsds(real, { baseUrl: BASE }), {
      ...options,
      municipalities: real.map((i) => i.municipality),
    });
    expect(back.issues).toEqual([]);
    expect(back.inventories).toEqual(real);
  });

  it('reports invalid services and keeps the rest', () => {
    const broken = structuredClone(exportHsds(handMade, { baseUrl: BASE }));
    broken.service[0]!.name = ' ';
    broken.schedule.find((s) => s.byday === '4TU')!.byday = '9TU';
    const { inventories, issues } = importHsds(broken, options);
    expect(issues.map((i) => i.resource)).toEqual(['222224-test-full', '222224-test-monthly']);
    expect(issues[0]!.message).toContain('名称を書いてください');
    expect(inventories[0]!.resources).toHaveLength(entries.length - 2);
  });

  it('refuses services of a municipality the directory does not know, saying how to add it', () => {
    const { issues } = importHsds(exportHsds(handMade, { baseUrl: BASE }), {
      ...options,
      municipalities: known.filter((m) => m.code !== '222224'),
    });
    expect(issues).toHaveLength(entries.length);
    expect(issues[0]!.message).toContain('pnpm admin municipality add 222224');
  });
});

describe('toJapanTime', () => {
  it('reads offsets, the timezone field, and UTC when neither is given', () => {
    expect(toJapanTime('10:00+09:00', undefined)).toBe('10:00');
    expect(toJapanTime('01:00Z', undefined)).toBe('10:00');
    expect(toJapanTime('10:00:00', 9)).toBe('10:00');
    expect(toJapanTime('04:00:00', 3)).toBe('10:00');
    expect(toJapanTime('16:00:00', undefined)).toBeUndefined();
  });
});
