import { describe, expect, it } from 'vitest';
import { parseDays, parseHours, parseTime } from './days.ts';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const all = [...weekdays, 'sat', 'sun'];

describe('parseDays', () => {
  it.each([
    ['月～金', weekdays],
    ['月~金', weekdays],
    ['月〜金', weekdays],
    ['月曜日～金曜日', weekdays],
    ['火曜日から土曜日', ['tue', 'wed', 'thu', 'fri', 'sat']],
    ['月・水・金', ['mon', 'wed', 'fri']],
    ['月、水、金', ['mon', 'wed', 'fri']],
    ['月曜日', ['mon']],
    ['毎週木曜', ['thu']],
    ['平日', weekdays],
    ['毎日', all],
    ['年中無休', all],
    ['平日・土曜日', [...weekdays, 'sat']],
    ['金～月', ['mon', 'fri', 'sat', 'sun']],
    ['土日', ['sat', 'sun']],
  ])('%s', (text, days) => {
    expect(parseDays(text)).toEqual({ days, holidays: 'unmentioned' });
  });

  it('notes 祝日 without treating it as a day', () => {
    expect(parseDays('土日祝')).toEqual({ days: ['sat', 'sun'], holidays: 'open' });
    expect(parseDays('日曜日・祝日')).toEqual({ days: ['sun'], holidays: 'open' });
    expect(parseDays('月～金（祝日を除く）')).toEqual({ days: weekdays, holidays: 'closed' });
  });

  it('takes days out that brackets name as closed', () => {
    expect(parseDays('毎日（月曜日を除く）')).toEqual({ days: all.slice(1), holidays: 'unmentioned' });
    expect(parseDays('毎日(月曜・祝日休館)')).toEqual({ days: all.slice(1), holidays: 'closed' });
  });

  it.each(['', '第2・第4土曜日', '祝日のみ', '要予約', '土日祝日は休み', '月～', '随時'])(
    'does not guess at 「%s」',
    (text) => {
      expect(parseDays(text)).toBeUndefined();
    },
  );
});

describe('parseTime', () => {
  it.each([
    ['9:00', '09:00'],
    ['17:15', '17:15'],
    ['９：００', '09:00'],
    ['9時', '09:00'],
    ['９時３０分', '09:30'],
    ['9時半', '09:30'],
    ['午後5時', '17:00'],
    ['0830', '08:30'],
    ['9:00:00', '09:00'],
  ])('%s → %s', (text, time) => {
    expect(parseTime(text)).toBe(time);
  });

  it.each(['', '24:00', '9:75', '朝', '9'])('rejects 「%s」', (text) => {
    expect(parseTime(text)).toBeUndefined();
  });
});

describe('parseHours', () => {
  it('reads separate start and end, either of them optional', () => {
    expect(parseHours('9:00', '17:00')).toEqual({ open: '09:00', close: '17:00' });
    expect(parseHours('9:00', '')).toEqual({ open: '09:00' });
    expect(parseHours('', '')).toEqual({});
  });

  it('splits a range written into the start column', () => {
    expect(parseHours('9:00～16:00', '')).toEqual({ open: '09:00', close: '16:00' });
  });

  it('fails when a time is unreadable', () => {
    expect(parseHours('朝', '17:00')).toBeUndefined();
  });
});
