import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { NewGapSchema, personalTextWarnings, timeBandOf } from './schema.ts';

describe('gaps', () => {
  it('warns about text that looks like a name, a phone number or an address', () => {
    expect(personalTextWarnings('山田さんの家の近くに居場所がない')).toContain('人の名前のような書き方があります');
    expect(personalTextWarnings('連絡は 0766-74-1234 まで')).toContain('電話番号のような数字があります');
    expect(personalTextWarnings('中央町3丁目に夜の居場所がない')).toContain('住所のような書き方があります');
    expect(personalTextWarnings('稲積地区に夜に通える居場所がない')).toEqual([]);
  });

  it('the same need written in another order is the same record', () => {
    const a = v.parse(NewGapSchema, {
      municipality: '162051',
      situations: ['youth', 'hikikomori'],
      timeBands: ['weekend', 'weekday_evening'],
    });
    const b = v.parse(NewGapSchema, {
      municipality: '162051',
      situations: ['hikikomori', 'youth', 'youth'],
      timeBands: ['weekday_evening', 'weekend'],
    });
    expect(a).toEqual(b);
  });

  it('puts availability in time bands', () => {
    expect(timeBandOf('sat', '10:00')).toBe('weekend');
    expect(timeBandOf('wed', '18:30')).toBe('weekday_evening');
    expect(timeBandOf('wed', '10:00')).toBe('weekday_day');
  });
});
