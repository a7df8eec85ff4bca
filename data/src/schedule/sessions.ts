import * as v from 'valibot';
import { DAYS, DaySchema, dayLabels, type Day } from '../taxonomy/codes.ts';
import { TimeSchema, toMinutes, type Schedule } from './schema.ts';

/**
 * One weekday a resource runs, with its hours when the plan gives them; `week` for monthly
 * rules (1–5, or -1 for the last). Cards read these to say 「火曜 10:00–15:00」 and, in Japan
 * time, 「いま開いています」 only when it is.
 */
export const SessionSchema = v.object({
  day: DaySchema,
  week: v.optional(v.picklist([1, 2, 3, 4, 5, -1] as const)),
  open: v.optional(TimeSchema),
  close: v.optional(TimeSchema),
});
export type Session = v.InferOutput<typeof SessionSchema>;

export function sessionsOf(s: Schedule): Session[] {
  const hours = (h: { open?: string; close?: string }) => ({
    ...(h.open ? { open: h.open } : {}),
    ...(h.close ? { close: h.close } : {}),
  });
  if (s.kind === 'weekly') return s.slots.flatMap((slot) => slot.days.map((day) => ({ day, ...hours(slot) })));
  if (s.kind === 'monthly') return s.rules.map((r) => ({ day: r.day, week: r.week, ...hours(r) }));
  return [];
}

const weekName = (w: number) => (w === -1 ? '最終' : `第${w}`);
const span = (x: Session) =>
  x.open && x.close ? `${x.open}–${x.close}` : x.open ? `${x.open}から` : x.close ? `${x.close}まで` : '時間は要確認';

/** 「火曜 10:00–15:00」, 「第2火曜 13:30–15:00」; empty when the resource does not run that day. */
export function hoursOn(sessions: readonly Session[], day: Day): string {
  const on = sessions.filter((x) => x.day === day);
  if (!on.length) return '';
  const weeks = [...new Set(on.map((x) => (x.week === undefined ? '' : weekName(x.week))))].filter(Boolean);
  return `${weeks.join('・')}${dayLabels[day].ja}曜 ${[...new Set(on.map(span))].join('・')}`;
}

/** Weekday and minutes since midnight in Japan, and which occurrence of that weekday in the month. */
export function tokyoClock(at: Date): { day: Day; minutes: number; week: number; lastWeek: boolean } {
  const jst = new Date(at.getTime() + 9 * 3600_000);
  const date = jst.getUTCDate();
  const daysInMonth = new Date(Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth() + 1, 0)).getUTCDate();
  return {
    day: DAYS[(jst.getUTCDay() + 6) % 7]!,
    minutes: jst.getUTCHours() * 60 + jst.getUTCMinutes(),
    week: Math.ceil(date / 7),
    lastWeek: date + 7 > daysInMonth,
  };
}

/** True only when a session with known hours covers this moment (Asia/Tokyo). */
export function openAt(sessions: readonly Session[], at: Date): boolean {
  const now = tokyoClock(at);
  return sessions.some(
    (x) =>
      x.day === now.day &&
      x.open !== undefined &&
      x.close !== undefined &&
      (x.week === undefined || x.week === now.week || (x.week === -1 && now.lastWeek)) &&
      toMinutes(x.open) <= now.minutes &&
      now.minutes < toMinutes(x.close),
  );
}
