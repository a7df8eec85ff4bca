import { describe, expect, it } from 'vitest';
import { describeFieldValue } from './describe.ts';

describe('describeFieldValue', () => {
  it('reads schedules, contacts and codes in Japanese, not as JSON', () => {
    expect(
      describeFieldValue('schedule', { kind: 'weekly', slots: [{ days: ['tue'], open: '13:00', close: '16:00' }] }),
    ).toBe('毎週火 13:00〜16:00');
    expect(describeFieldValue('contact', { phone: '0766-00-0000', address: '氷見市内' })).toBe(
      '電話 0766-00-0000／住所 氷見市内',
    );
    expect(describeFieldValue('status', 'ended')).toBe('終了');
    expect(describeFieldValue('categories', ['ibasho', 'salon'])).toBe('居場所、サロン・通いの場');
    expect(describeFieldValue('stages', [1, 2])).toBe('1. つながる、2. 参加する');
    expect(describeFieldValue('cost', { kind: 'paid', note: '実費' })).toBe('有料／実費');
  });

  it('says （なし） for a value that is not there, and keeps plain text as it is', () => {
    expect(describeFieldValue('contact', null)).toBe('（なし）');
    expect(describeFieldValue('tags', [])).toBe('（なし）');
    expect(describeFieldValue('description', '火曜の午後に手芸')).toBe('火曜の午後に手芸');
    expect(describeFieldValue('aliases', ['こもれび', 'コモレビ'])).toBe('こもれび、コモレビ');
  });

  it('shows a shape it does not know as JSON rather than hiding it', () => {
    expect(describeFieldValue('schedule', { kind: 'someday' })).toBe('{"kind":"someday"}');
    expect(describeFieldValue('newField', { a: 1 })).toBe('{"a":1}');
  });
});
