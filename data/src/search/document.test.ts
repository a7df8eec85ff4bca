import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { MunicipalitySchema } from '../municipality/schema.ts';
import { ResourceSchema } from '../resource/schema.ts';
import { openHourKeys, SearchDocumentSchema, toSearchDocument } from './document.ts';
import { variantsIn } from './synonyms.ts';

const ena = v.parse(MunicipalitySchema, {
  code: '212105',
  prefecture: '岐阜県',
  name: '恵那市',
  reading: 'えなし',
  cityHall: { lat: 35.44944, lng: 137.41278 },
  districts: [],
});
const resource = v.parse(ResourceSchema, {
  id: '212105-test',
  municipality: '212105',
  name: 'テストの子ども居場所',
  kind: 'place',
  reading: 'テスト ノ コドモ イバショ',
  categories: ['ibasho'],
  targets: ['children'],
  stages: [1],
  location: { lat: 35.44944, lng: 137.41278, precision: 'municipality', pointOf: '恵那市役所' },
  schedule: { kind: 'weekly', slots: [{ days: ['tue', 'fri'], open: '10:00', close: '15:00' }] },
  status: 'active',
  source: { file: 'x.txt', section: 's', quote: 'q' },
  verifiedAt: '2026-11-23',
});

describe('toSearchDocument', () => {
  const doc = toSearchDocument(resource, ena);
  it('is a valid public document with both kana forms of the reading', () => {
    expect(v.is(SearchDocumentSchema, doc)).toBe(true);
    expect(doc.readings).toEqual(expect.arrayContaining(['こども', 'コドモ', 'いばしょ']));
  });
  it('carries the other spellings of words it uses, so 子供 finds 子ども', () => {
    expect(doc.variants).toEqual(expect.arrayContaining(['子供', 'たまり場']));
    expect(variantsIn('引きこもりの相談')).toEqual(expect.arrayContaining(['ひきこもり', 'そうだん']));
  });
  it('lists each opening hour for the "open at" filter', () => {
    expect(openHourKeys(resource)).toEqual([
      'fri-10',
      'fri-11',
      'fri-12',
      'fri-13',
      'fri-14',
      'tue-10',
      'tue-11',
      'tue-12',
      'tue-13',
      'tue-14',
    ]);
    expect(doc.scheduleSummary).toBe('毎週火金 10:00〜15:00');
  });
});
