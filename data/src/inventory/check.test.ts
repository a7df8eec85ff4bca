import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInventories } from './load.ts';
import { checkInventoryText } from './yaml.ts';
import { buildReport, formatIssue, formatTable } from '../validate/report.ts';

const header = `municipality:
  code: "222224"
  prefecture: 静岡県
  name: 伊豆市
  reading: いずし
  cityHall: { lat: 34.97667, lng: 138.94694 }
  districts:
    - name: 修善寺地区
      reading: しゅぜんじちく
      point: { lat: 34.96868, lng: 138.88606 }
      pointOf: 大字 修善寺（国土交通省 位置参照情報）
sourceFile: 001_2719d1a6160a5cb4.txt
verifiedAt: "2026-11-23"
resources:
`;
const entry = (over: string) => `  - id: 222224-a
    name: テストの居場所
    kind: place
    categories: [ibasho]
    targets: [anyone]
    stages: [1]
    district: 修善寺地区
    location: { lat: 34.96868, lng: 138.88606, precision: district, pointOf: 修善寺地区の代表点 }
    schedule: { kind: unknown }
    status: active
    source: { section: 既存の社会参加資源, quote: テスト }
${over}`;

describe('inventory validation', () => {
  it('accepts a good file and fills in the file-level source and date', () => {
    const r = checkInventoryText('izu.yaml', header + entry(''));
    expect(r.issues).toEqual([]);
    expect(r.inventory?.resources[0]).toMatchObject({
      municipality: '222224',
      verifiedAt: '2026-11-23',
      source: { file: '001_2719d1a6160a5cb4.txt' },
    });
  });

  it('reports every error in a file with its line and field, not only the first', () => {
    const text =
      header +
      entry('').replace('stages: [1]', 'stages: [9]') +
      entry('').replace('222224-a', '222224-b').replace('status: active', 'status: open');
    const r = checkInventoryText('izu.yaml', text);
    expect(r.issues.map((i) => [i.line, i.path.join('.'), i.message])).toEqual([
      [20, 'resources.0.stages.0', '段階は 1〜4 で指定してください'],
      [35, 'resources.1.status', '状態コードが正しくありません'],
    ]);
    expect(formatIssue(r.issues[0]!)).toBe('izu.yaml:20:14 (resources.0.stages.0): 段階は 1〜4 で指定してください');
  });

  it('checks cross-references: district of the city, point near the city and at its district', () => {
    const text =
      header +
      entry('')
        .replace('district: 修善寺地区', 'district: 岩村町')
        .replace(
          'lat: 34.96868, lng: 138.88606, precision: district',
          'lat: 35.9, lng: 138.88606, precision: district',
        );
    const messages = checkInventoryText('izu.yaml', text).issues.map((i) => i.message);
    expect(messages).toContain('地区「岩村町」は伊豆市の地区一覧にありません');
    expect(messages.some((m) => /役所から .* km 離れています/.test(m))).toBe(true);
    expect(messages).toContain('精度 district には、代表点のある地区を district に書いてください');
  });

  it('reports cross-reference errors of an entry that also has a schema error', () => {
    const text =
      header + entry('').replace('stages: [1]', 'stages: [9]').replace('district: 修善寺地区', 'district: 岩村町');
    const messages = checkInventoryText('izu.yaml', text).issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining(['段階は 1〜4 で指定してください', '地区「岩村町」は伊豆市の地区一覧にありません']),
    );
  });

  it('reports YAML syntax errors with a line', () => {
    const r = checkInventoryText('bad.yaml', 'municipality: [\n');
    expect(r.issues[0]?.message).toMatch(/^YAML の書き方の誤り/);
    expect(r.issues[0]?.line).toBeGreaterThan(0);
  });

  it('rejects a check digit that does not add up', () => {
    const messages = checkInventoryText('izu.yaml', header.replace('"222224"', '"222225"')).issues.map(
      (i) => i.message,
    );
    expect(messages).toContain('全国地方公共団体コードの検査数字が合いません');
  });

  it('finds duplicate ids across files and builds the municipality × category table', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inv-'));
    writeFileSync(join(dir, 'a.yaml'), header + entry(''));
    writeFileSync(join(dir, 'b.yaml'), header + entry(''));
    const loaded = loadInventories(dir);
    expect(loaded.issues.map((i) => i.message)).toContain('ID「222224-a」が重複しています');
    const report = buildReport(loaded.inventories, loaded.issues);
    expect(report.ok).toBe(false);
    expect(report.table[0]).toMatchObject({ code: '222224', total: 1, byCategory: { ibasho: 1 } });
    expect(formatTable(report)).toContain('居場所');
  });

  it('a merged id may not live on nor point at two resources', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inv-'));
    const merged = (id: string, former: string) => entry(`    formerIds: [${former}]\n`).replace('222224-a', id);
    writeFileSync(join(dir, 'a.yaml'), header + merged('222224-a', '222224-b') + merged('222224-c', '222224-b'));
    writeFileSync(join(dir, 'b.yaml'), header + merged('222224-d', '222224-c'));
    const messages = loadInventories(dir).issues.map((i) => i.message);
    expect(messages).toContain('以前の ID「222224-b」が 222224-a と 222224-c の両方にあります');
    expect(messages).toContain('以前の ID「222224-c」（222224-d）が、いまも別の資源の ID です');
  });

  it('a role or a meeting says in its notes why it is listed; a place outside the city is not put on the city hall', () => {
    const role = checkInventoryText('izu.yaml', header + entry('').replace('kind: place', 'kind: role'));
    expect(role.issues.map((i) => i.path.join('.'))).toEqual(['resources.0.notes']);
    const outside = checkInventoryText(
      'izu.yaml',
      header +
        entry('')
          .replace(
            /location: .*/,
            'location: { lat: 34.97667, lng: 138.94694, precision: address, pointOf: 市役所, outside: { name: 市外 } }',
          )
          .replace('    district: 修善寺地区\n', ''),
    );
    expect(outside.issues.map((i) => i.message)).toEqual(['市外の場所を伊豆市役所の地点に置かないでください']);
  });

  it('passes over the five real inventories', () => {
    const loaded = loadInventories();
    expect(loaded.issues).toEqual([]);
    expect(loaded.inventories.map((i) => i.municipality.code).sort()).toEqual([
      '152056',
      '162051',
      '212105',
      '222054',
      '222224',
    ]);
  });
});
