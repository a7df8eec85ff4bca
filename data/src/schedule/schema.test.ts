import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { describeSchedule, scheduleDays } from './describe.ts';
import { ScheduleSchema, type Schedule } from './schema.ts';

const parse = (s: unknown) => v.parse(ScheduleSchema, s);

describe('ScheduleSchema expresses what the plans say', () => {
  it.each<[string, unknown, string]>([
    [
      '月～金 10～15時',
      { kind: 'weekly', slots: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '10:00', close: '15:00' }] },
      '毎週月〜金 10:00〜15:00',
    ],
    [
      '月火金土日 10～15時',
      { kind: 'weekly', slots: [{ days: ['mon', 'tue', 'fri', 'sat', 'sun'], open: '10:00', close: '15:00' }] },
      '毎週月火金土日 10:00〜15:00',
    ],
    [
      '毎木 13～17時',
      { kind: 'weekly', slots: [{ days: ['thu'], open: '13:00', close: '17:00' }] },
      '毎週木 13:00〜17:00',
    ],
    ['毎月第4火曜', { kind: 'monthly', rules: [{ week: 4, day: 'tue' }] }, '毎月第4火曜'],
    ['2か月に1回', { kind: 'interval', everyMonths: 2 }, '2か月に1回'],
    ['unknown', { kind: 'unknown' }, '日時は要確認'],
  ])('%s', (_, input, summary) => {
    expect(describeSchedule(parse(input))).toBe(summary);
  });

  it('treats unknown as unknown, not closed: no days are claimed', () => {
    expect(scheduleDays(parse({ kind: 'unknown' }))).toEqual([]);
    expect(describeSchedule(parse({ kind: 'unknown' }))).toContain('要確認');
  });

  it('rejects times out of order, bad times, empty slots and unknown kinds with Japanese messages', () => {
    const messages = (s: unknown) => v.safeParse(ScheduleSchema, s).issues?.map((i) => i.message) ?? [];
    expect(messages({ kind: 'weekly', slots: [{ days: ['mon'], open: '15:00', close: '10:00' }] })).toContain(
      '終了時刻は開始時刻より後にしてください',
    );
    expect(messages({ kind: 'weekly', slots: [{ days: ['mon'], open: '25:00' }] })).toContain(
      '時刻は HH:MM (00:00〜23:59) で書いてください',
    );
    expect(messages({ kind: 'weekly', slots: [] })).toContain('開催枠を1つ以上書いてください');
    expect(messages({ kind: 'monthly', rules: [{ week: 6, day: 'tue' }] })).toContain(
      '週は 1〜5、または最終週 -1 で指定してください',
    );
    expect(messages({ kind: 'sometimes' })[0]).toMatch(/unknown \/ weekly/);
  });

  it('lists the days of monthly rules too', () => {
    const s: Schedule = parse({ kind: 'monthly', rules: [{ week: -1, day: 'fri' }] });
    expect(scheduleDays(s)).toEqual(['fri']);
    expect(describeSchedule(s)).toBe('毎月最終金曜');
  });
});
