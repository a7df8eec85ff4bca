import { dayLabels, DAYS, type Day } from '../taxonomy/codes.ts';
import type { Schedule } from './schema.ts';

/** Days on which a resource is known to run (monthly rules count their weekday). */
export function scheduleDays(s: Schedule): Day[] {
  const days = new Set<Day>();
  if (s.kind === 'weekly') s.slots.forEach((slot) => slot.days.forEach((d) => days.add(d)));
  if (s.kind === 'monthly') s.rules.forEach((r) => days.add(r.day));
  return DAYS.filter((d) => days.has(d));
}

const hours = (h: { open?: string; close?: string }) =>
  h.open && h.close ? ` ${h.open}〜${h.close}` : h.open ? ` ${h.open}〜` : h.close ? ` 〜${h.close}` : '';

/** Compresses consecutive days: mon..fri → 月〜金; mon,tue,fri → 月火金. */
export function daysJa(days: readonly Day[]): string {
  const idx = days.map((d) => DAYS.indexOf(d)).sort((a, b) => a - b);
  const contiguous = idx.length >= 3 && idx.every((n, i) => i === 0 || n === idx[i - 1]! + 1);
  const label = (i: number) => dayLabels[DAYS[i]!].ja;
  return contiguous ? `${label(idx[0]!)}〜${label(idx[idx.length - 1]!)}` : idx.map(label).join('');
}

/** One-line Japanese summary; unknown schedules say 要確認, never a guess. */
export function describeSchedule(s: Schedule): string {
  const note = s.note ? `（${s.note}）` : '';
  switch (s.kind) {
    case 'unknown':
      return `日時は要確認${note}`;
    case 'weekly':
      return s.slots.map((slot) => `毎週${daysJa(slot.days)}${hours(slot)}`).join('、') + note;
    case 'monthly':
      return (
        s.rules
          .map((r) => `毎月${r.week === -1 ? '最終' : `第${r.week}`}${dayLabels[r.day].ja}曜${hours(r)}`)
          .join('、') + note
      );
    case 'interval':
      return `${s.everyMonths === 1 ? '毎月' : `${s.everyMonths}か月に`}${s.timesPerPeriod ?? 1}回${note}`;
    case 'irregular':
      return s.note;
  }
}
