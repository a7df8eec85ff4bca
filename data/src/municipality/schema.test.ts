import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { isValidLgCode, lgCodeCheckDigit, MunicipalityCodeSchema, MunicipalitySchema } from './schema.ts';

describe('全国地方公共団体コード', () => {
  it('accepts the five cities of the plans, whose check digits are right', () => {
    for (const code of ['222054', '222224', '152056', '212105', '162051']) expect(isValidLgCode(code)).toBe(true);
    expect(lgCodeCheckDigit('22205')).toBe(4);
  });
  it('rejects a wrong check digit or a wrong length, saying which', () => {
    expect(v.safeParse(MunicipalityCodeSchema, '222055').issues?.[0]?.message).toBe(
      '全国地方公共団体コードの検査数字が合いません',
    );
    expect(v.safeParse(MunicipalityCodeSchema, '22205').issues?.[0]?.message).toBe(
      '全国地方公共団体コードは6桁の数字です',
    );
  });
});

describe('MunicipalitySchema', () => {
  const izu = {
    code: '222224',
    prefecture: '静岡県',
    name: '伊豆市',
    reading: 'いずし',
    cityHall: { lat: 34.97667, lng: 138.94694 },
    districts: [{ name: '修善寺地区', reading: 'しゅぜんじちく', point: { lat: 34.96868, lng: 138.88606 } }],
  };
  it('accepts a city with districts, a district point being optional', () => {
    expect(v.is(MunicipalitySchema, izu)).toBe(true);
    expect(v.is(MunicipalitySchema, { ...izu, districts: [{ name: '土肥地区', reading: 'といちく' }] })).toBe(true);
  });
  it('requires readings in hiragana and a prefecture name', () => {
    const r = v.safeParse(MunicipalitySchema, { ...izu, reading: 'イズシ', prefecture: '静岡' });
    expect(r.issues?.map((i) => v.getDotPath(i))).toEqual(['prefecture', 'reading']);
  });
});
