import { describe, expect, it } from 'vitest';
import { classify, parseMapping } from './mapping.ts';

const mapping = parseMapping({
  rules: [
    { match: { field: '名称', includes: '公民館' }, categories: ['salon'], targets: ['anyone'], stages: [2] },
    {
      match: { field: '実施サービス', pattern: '^通所' },
      categories: ['care_prevention'],
      targets: ['elderly'],
      stages: [2],
    },
  ],
  default: { categories: ['consultation'], targets: ['anyone'], stages: [1] },
});

const row = (cells: Record<string, string>) => (column: string) => cells[column];

describe('parseMapping', () => {
  it('rejects unknown codes, empty lists, empty matches and bad patterns, all at once', () => {
    const bad = {
      rules: [
        { match: { field: '名称' }, categories: ['cafe'], targets: [], stages: [5] },
        { match: { field: '名称', pattern: '(' }, categories: ['salon'], targets: ['anyone'], stages: [2] },
      ],
    };
    expect(() => parseMapping(bad)).toThrowError(
      /match needs includes[\s\S]*分類コード[\s\S]*targets must not be empty[\s\S]*段階[\s\S]*regular expression/,
    );
  });

  it('allows a mapping without default', () => {
    expect(parseMapping({ rules: [] })).toEqual({ rules: [] });
  });
});

describe('classify', () => {
  it('takes the first matching rule, then the default', () => {
    expect(classify(mapping, row({ 名称: 'テスト公民館' }))?.categories).toEqual(['salon']);
    expect(classify(mapping, row({ 名称: 'テスト', 実施サービス: '通所介護' }))?.categories).toEqual([
      'care_prevention',
    ]);
    expect(classify(mapping, row({ 名称: 'テスト集会所' }))?.categories).toEqual(['consultation']);
  });

  it('does not match a column the file lacks, and has nothing without a default', () => {
    const noDefault = parseMapping({ rules: mapping.rules });
    expect(classify(noDefault, row({ 名称: 'テスト' }))).toBeUndefined();
  });

  it('matches equals exactly', () => {
    const m = parseMapping({
      rules: [{ match: { field: '名称', equals: 'テスト' }, categories: ['ibasho'], targets: ['youth'], stages: [1] }],
    });
    expect(classify(m, row({ 名称: 'テスト' }))?.targets).toEqual(['youth']);
    expect(classify(m, row({ 名称: 'テスト館' }))).toBeUndefined();
  });
});
