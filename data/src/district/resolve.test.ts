import { describe, expect, it } from 'vitest';
import { loadInventories } from '../inventory/load.ts';
import type { Municipality } from '../municipality/schema.ts';
import { districtKey, resolveDistrict } from './resolve.ts';

const izu: Pick<Municipality, 'districts'> = {
  districts: [
    { name: '修善寺地区', reading: 'しゅぜんじちく' },
    { name: '土肥地区', reading: 'といちく' },
    { name: '天城湯ヶ島地区', reading: 'あまぎゆがしまちく' },
    { name: '中伊豆地区', reading: 'なかいずちく' },
  ],
};
const atami: Pick<Municipality, 'districts'> = {
  districts: [
    { name: '熱海地区', reading: 'あたみちく' },
    { name: '泉・伊豆山地区', reading: 'いずみ・いずさんちく' },
    { name: '南熱海地区', reading: 'みなみあたみちく' },
  ],
};
const himi: Pick<Municipality, 'districts'> = {
  districts: [
    { name: '十二町地区', reading: 'じゅうにちょうちく' },
    { name: '稲積地区', reading: 'いなづみちく' },
  ],
};
const name = (r: ReturnType<typeof resolveDistrict>) => r.district?.name;

describe('resolveDistrict', () => {
  it.each([
    [izu, '天城湯ケ島', '天城湯ヶ島地区'],
    [izu, '天城湯が島', '天城湯ヶ島地区'],
    [izu, '天城湯ヶ島町', '天城湯ヶ島地区'],
    [izu, '中伊豆', '中伊豆地区'],
    [izu, '修善寺町', '修善寺地区'],
    [izu, '　土肥　', '土肥地区'],
    [izu, 'しゅぜんじ', '修善寺地区'],
    [izu, 'ﾄｲ', '土肥地区'],
    [izu, '湯ヶ島', '天城湯ヶ島地区'],
    [atami, '南熱海', '南熱海地区'],
    [atami, '泉伊豆山', '泉・伊豆山地区'],
    [atami, '伊豆山', '泉・伊豆山地区'],
    [himi, '稲積', '稲積地区'],
    [himi, 'じゅうにちょう', '十二町地区'],
    [himi, '十二町', '十二町地区'],
  ])('%#: 「%s」', (m, typed, expected) => {
    expect(name(resolveDistrict(m, typed))).toBe(expected);
  });

  it('an alias from the inventory is a name too', () => {
    const m = { districts: [{ name: '天城湯ヶ島地区', reading: 'あまぎゆがしまちく', aliases: ['湯ヶ島温泉'] }] };
    expect(name(resolveDistrict(m, '湯ケ島温泉'))).toBe('天城湯ヶ島地区');
  });

  it('nothing close: no district, and every valid name to choose from', () => {
    const r = resolveDistrict(izu, '箱根');
    expect(r.district).toBeUndefined();
    expect(r.district === undefined && r.candidates).toEqual([
      '修善寺地区',
      '土肥地区',
      '天城湯ヶ島地区',
      '中伊豆地区',
    ]);
  });

  it('ambiguous: the names it could be', () => {
    const r = resolveDistrict(atami, '熱海');
    // 「熱海」 is exactly 熱海地区 without 地区, not ambiguous with 南熱海.
    expect(name(r)).toBe('熱海地区');
    const two = resolveDistrict(
      {
        districts: [
          { name: '東町', reading: 'ひがしまち' },
          { name: '東町二丁目', reading: 'ひがしまちにちょうめ' },
        ],
      },
      '東',
    );
    expect(two.district).toBeUndefined();
  });

  it('keys fold width, dots and ケ', () => {
    expect(districtKey('泉・伊豆山')).toBe(districtKey('泉伊豆山'));
    expect(districtKey('天城湯ヶ島')).toBe(districtKey('天城湯ケ島'));
  });

  it('answers every name the shipped inventories give a district with that district', () => {
    const { inventories } = loadInventories();
    for (const { municipality: m } of inventories)
      for (const d of m.districts)
        for (const typed of [d.name, ...(d.aliases ?? [])]) expect(name(resolveDistrict(m, typed)), typed).toBe(d.name);
    const izuShipped = inventories.find((i) => i.municipality.code === '222224')!.municipality;
    expect(name(resolveDistrict(izuShipped, '湯ケ島'))).toBe('天城湯ヶ島地区');
  });
});
