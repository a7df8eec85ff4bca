import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { suppressSmall } from '../referral/schema.ts';
import { interestTag, NewGapSchema, personalTextWarnings, timeBandOf } from './schema.ts';

describe('gaps', () => {
  it('warns about text that looks like a name, a phone number or an address', () => {
    expect(personalTextWarnings('山田さんの家の近くに居場所がない')).toContain('人の名前のような書き方があります');
    expect(personalTextWarnings('連絡は 0766-74-1234 まで')).toContain('電話番号のような数字があります');
    expect(personalTextWarnings('中央町3丁目に夜の居場所がない')).toContain('住所のような書き方があります');
    expect(personalTextWarnings('稲積地区に夜に通える居場所がない')).toEqual([]);
  });

  it.each([
    ['ヤマダさんが通える場所がない', '人の名前のような書き方があります'],
    ['花子ちゃんの学習支援', '人の名前のような書き方があります'],
    ['連絡は０９０１２３４５６７８へ', '電話番号のような数字があります'],
    ['(0766)74-1234 に電話', '電話番号のような数字があります'],
    ['氷見市中央町１－２－３の周り', '住所のような書き方があります'],
    ['〒935-8686 のあたり', '住所のような書き方があります'],
    ['三丁目の公民館', '住所のような書き方があります'],
    ['朝日本町5番12号', '住所のような書き方があります'],
  ])('flags 「%s」', (text, warning) => {
    expect(personalTextWarnings(text)).toContain(warning);
  });

  it.each([
    'お子さんが放課後に過ごせる場所がない',
    '親御さん同士が話せる場がほしい',
    '近所のおばあさんが集まれるサロンが足りない',
    '利用者様の送迎がない地区がある',
    '皆さんが様々な活動に参加できる場がない',
    'ボランティアさんが足りない',
    '2027-03-31 までに土日の居場所を 2 か所',
    '10時から12時まで開いている場所が1か所だけ',
  ])('does not flag how needs are written: 「%s」', (text) => {
    expect(personalTextWarnings(text)).toEqual([]);
  });

  it('keeps interests only as tags of the vocabulary', () => {
    expect(interestTag('はたけ')).toBe('農業');
    expect(interestTag('ﾊﾟｿｺﾝ')).toBe('パソコン');
    expect(interestTag('山田さんの趣味')).toBeUndefined();
    const g = v.parse(NewGapSchema, { municipality: '162051', interests: ['畑仕事', 'のうぎょう', '田中さんと話す'] });
    expect(g.interests).toEqual(['農業']);
  });

  it('a gap written by hand needs its description', () => {
    expect(v.safeParse(NewGapSchema, { municipality: '162051', source: 'manual' }).success).toBe(false);
    expect(
      v.safeParse(NewGapSchema, { municipality: '162051', source: 'manual', description: '夜の居場所がない' }).success,
    ).toBe(true);
  });

  it('counts of 1 or 2 read 「3未満」; 0 and 3 and more are shown', () => {
    expect([0, 1, 2, 3, 40].map(suppressSmall)).toEqual([0, '3未満', '3未満', 3, 40]);
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
