import { describe, expect, it } from 'vitest';
import { interestForms, offersInterest } from './match.ts';

const inazumi = {
  written: '男性が集う日常型の拠点（稲積地区） パソコン教室 囲碁',
  reading: 'ダンセイ ガ ツドウ ニチジョウガタ ノ キョテン',
};
const care = { written: '訪問介護事業（市社協）', reading: 'ホウモン カイゴ ジギョウ' };
const farm = { written: '就労体験プログラム（民間企業の協力） 農業や製造業での就労体験' };
const locotre = { written: 'ロコトレ教室（修善寺地区）', reading: 'ロコトレ キョウシツ' };

describe('offersInterest', () => {
  it.each([
    [inazumi, 'いご', true],
    [care, 'いご', false],
    [inazumi, '囲碁', true],
    [inazumi, 'ぱそこん', true],
    [inazumi, 'PC', true],
    [inazumi, 'ＰＣ', true],
    [farm, 'のうぎょう', true],
    [farm, 'ノウギョウ', true],
    [farm, '畑', true],
    [farm, '農作業', true],
    [locotre, 'ろことれ', true],
    [locotre, 'たいそう', true],
    [care, 'かいご', true],
    [care, 'ご', false],
    [{ written: 'EPCOT センター' }, 'PC', false],
  ])('%#: 「%s」', (text, typed, expected) => {
    expect(offersInterest(text, typed)).toBe(expected);
  });

  it('a word outside the list matches as written, and its kana only as a whole word', () => {
    expect(interestForms('釣り')).toEqual({ words: ['釣り'], readings: [] });
    expect(offersInterest({ written: '釣り好きの会' }, '釣り')).toBe(true);
    expect(offersInterest({ written: 'x', reading: 'ツリ クラブ' }, 'つり')).toBe(true);
    expect(offersInterest({ written: 'x', reading: 'ツリカワ' }, 'つり')).toBe(false);
  });
});
