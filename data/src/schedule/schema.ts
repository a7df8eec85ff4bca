import * as v from 'valibot';
import { DaySchema } from '../taxonomy/codes.ts';

const TimeSchema = v.pipe(
  v.string(),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は HH:MM (00:00〜23:59) で書いてください'),
);

const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Opening hours; both ends optional because plans often give days without times. */
const HoursSchema = v.pipe(
  v.object({ open: v.optional(TimeSchema), close: v.optional(TimeSchema) }),
  v.check(
    (h) => h.open === undefined || h.close === undefined || toMinutes(h.open) < toMinutes(h.close),
    '終了時刻は開始時刻より後にしてください',
  ),
);

/** 月～金 10～15時, 毎木 13～17時. */
export const WeeklySlotSchema = v.intersect([
  v.object({ days: v.pipe(v.array(DaySchema), v.minLength(1, '曜日を1つ以上指定してください')) }),
  HoursSchema,
]);

/** 毎月第4火曜: week 1-5 or -1 for the last week. */
export const MonthlyRuleSchema = v.intersect([
  v.object({
    week: v.picklist([1, 2, 3, 4, 5, -1] as const, '週は 1〜5、または最終週 -1 で指定してください'),
    day: DaySchema,
  }),
  HoursSchema,
]);

const note = v.optional(v.string());

/** What a plan says about when a resource runs; `unknown` is not "closed". */
export const ScheduleSchema = v.variant(
  'kind',
  [
    v.object({ kind: v.literal('unknown'), note }),
    v.object({
      kind: v.literal('weekly'),
      slots: v.pipe(v.array(WeeklySlotSchema), v.minLength(1, '開催枠を1つ以上書いてください')),
      note,
    }),
    v.object({
      kind: v.literal('monthly'),
      rules: v.pipe(v.array(MonthlyRuleSchema), v.minLength(1, '開催日を1つ以上書いてください')),
      note,
    }),
    /** 2か月に1回. */
    v.object({
      kind: v.literal('interval'),
      everyMonths: v.pipe(v.number(), v.integer(), v.minValue(1)),
      timesPerPeriod: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      note,
    }),
    /** 随時, 不定期, 予約制: known to run, but not on fixed days. */
    v.object({ kind: v.literal('irregular'), note: v.pipe(v.string(), v.minLength(1)) }),
  ],
  '開催日程の種類は unknown / weekly / monthly / interval / irregular のいずれかです',
);

export type WeeklySlot = v.InferOutput<typeof WeeklySlotSchema>;
export type MonthlyRule = v.InferOutput<typeof MonthlyRuleSchema>;
export type Schedule = v.InferOutput<typeof ScheduleSchema>;
export { TimeSchema, toMinutes };
