import { describe, expect, it } from 'vitest';
import { hoursOn, openAt, sessionsOf } from './sessions.ts';

const tueTen = sessionsOf({ kind: 'weekly', slots: [{ days: ['tue', 'thu'], open: '10:00', close: '15:00' }] });
// 2026-11-24 is a Tuesday (the 4th Tuesday of November).
const jst = (hhmm: string, date = '2026-11-24') => new Date(`${date}T${hhmm}:00+09:00`);

describe('sessions', () => {
  it('says the hours of the day asked about', () => {
    expect(hoursOn(tueTen, 'tue')).toBe('火曜 10:00–15:00');
    expect(hoursOn(tueTen, 'wed')).toBe('');
    expect(hoursOn(sessionsOf({ kind: 'weekly', slots: [{ days: ['mon'] }] }), 'mon')).toBe('月曜 時間は要確認');
    expect(
      hoursOn(sessionsOf({ kind: 'monthly', rules: [{ week: 2, day: 'tue', open: '13:30', close: '15:00' }] }), 'tue'),
    ).toBe('第2火曜 13:30–15:00');
  });
  it('is open only inside the hours, in Japan time', () => {
    expect(openAt(tueTen, jst('10:00'))).toBe(true);
    expect(openAt(tueTen, jst('14:59'))).toBe(true);
    expect(openAt(tueTen, jst('21:11'))).toBe(false);
    expect(openAt(tueTen, jst('15:00'))).toBe(false);
    expect(openAt(tueTen, jst('11:00', '2026-11-25'))).toBe(false);
    // 21:11 on Monday in UTC is 06:11 on Tuesday in Tokyo: closed.
    expect(openAt(tueTen, new Date('2026-11-23T21:11:00Z'))).toBe(false);
  });
  it('knows which week of the month it is', () => {
    const fourth = sessionsOf({ kind: 'monthly', rules: [{ week: 4, day: 'tue', open: '10:00', close: '12:00' }] });
    const last = sessionsOf({ kind: 'monthly', rules: [{ week: -1, day: 'tue', open: '10:00', close: '12:00' }] });
    const second = sessionsOf({ kind: 'monthly', rules: [{ week: 2, day: 'tue', open: '10:00', close: '12:00' }] });
    expect(openAt(fourth, jst('11:00'))).toBe(true);
    expect(openAt(last, jst('11:00'))).toBe(true);
    expect(openAt(second, jst('11:00'))).toBe(false);
  });
  it('never says open when hours are unknown', () => {
    expect(openAt(sessionsOf({ kind: 'weekly', slots: [{ days: ['tue'] }] }), jst('11:00'))).toBe(false);
    expect(openAt(sessionsOf({ kind: 'unknown' }), jst('11:00'))).toBe(false);
  });
});
