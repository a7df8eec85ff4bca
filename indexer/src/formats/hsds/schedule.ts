import { describeSchedule, type Day, type Schedule } from '@norishiro/data';
import type { HsdsSchedule } from './dataset.ts';

const BYDAY: Record<Day, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };
const DAY_OF = Object.fromEntries(Object.entries(BYDAY).map(([d, b]) => [b, d as Day])) as Record<string, Day>;

type Body = Omit<HsdsSchedule, 'id' | 'service_id'>;

/** HSDS times are RFC 3339 partial times, with seconds. */
const hours = (h: { open?: string; close?: string }) => ({
  ...(h.open && { opens_at: `${h.open}:00` }),
  ...(h.close && { closes_at: `${h.close}:00` }),
});

/**
 * A Norishiro schedule as HSDS schedule rows (iCalendar RRULE fields). The note, which
 * belongs to the whole schedule, rides on the first row. An unknown schedule without a
 * note has no row at all: in HSDS, no schedule means not known.
 */
export function toHsdsSchedules(s: Schedule): Body[] {
  const note = s.note === undefined ? {} : { notes: s.note };
  const withNote = (rows: Body[]) => rows.map((r, i) => (i === 0 ? { ...r, ...note } : r));
  switch (s.kind) {
    case 'weekly':
      return withNote(
        s.slots.map((slot) => ({
          freq: 'WEEKLY',
          byday: slot.days.map((d) => BYDAY[d]).join(','),
          ...hours(slot),
          description: describeSchedule({ kind: 'weekly', slots: [slot] }),
        })),
      );
    case 'monthly':
      return withNote(
        s.rules.map((rule) => ({
          freq: 'MONTHLY',
          byday: `${rule.week}${BYDAY[rule.day]}`,
          ...hours(rule),
          description: describeSchedule({ kind: 'monthly', rules: [rule] }),
        })),
      );
    case 'interval':
      return [
        {
          freq: 'MONTHLY',
          interval: s.everyMonths,
          description: describeSchedule(s),
          ...note,
          ...(s.timesPerPeriod !== undefined && { x_norishiro: { timesPerPeriod: s.timesPerPeriod } }),
        },
      ];
    case 'irregular':
      return [{ description: describeSchedule(s), notes: s.note, x_norishiro: { kind: 'irregular' } }];
    case 'unknown':
      return s.note === undefined
        ? []
        : [{ description: describeSchedule(s), notes: s.note, x_norishiro: { kind: 'unknown' } }];
  }
}

const openClose = (r: HsdsSchedule) => ({
  ...(r.opens_at && { open: r.opens_at.slice(0, 5) }),
  ...(r.closes_at && { close: r.closes_at.slice(0, 5) }),
});

const days = (byday: string | undefined) =>
  (byday ?? '')
    .split(',')
    .filter(Boolean)
    .map((b) => DAY_OF[b.trim()] ?? b);

/**
 * HSDS schedule rows back to one Norishiro schedule. Rows that cannot be read come back as
 * they are (e.g. an unknown BYDAY code), so that schema validation reports them.
 */
export function fromHsdsSchedules(rows: readonly HsdsSchedule[]): unknown {
  const [first] = rows;
  if (!first) return { kind: 'unknown' };
  const note = first.notes === undefined ? {} : { note: first.notes };
  if (first.freq === 'WEEKLY') {
    return { kind: 'weekly', slots: rows.map((r) => ({ days: days(r.byday), ...openClose(r) })), ...note };
  }
  if (first.freq === 'MONTHLY' && first.byday) {
    return {
      kind: 'monthly',
      rules: rows.map((r) => {
        const m = /^(-?\d+)([A-Z]{2})$/.exec(r.byday ?? '');
        return { week: m ? Number(m[1]) : r.byday, day: m ? (DAY_OF[m[2]!] ?? m[2]) : undefined, ...openClose(r) };
      }),
      ...note,
    };
  }
  if (first.freq === 'MONTHLY') {
    const times = first.x_norishiro?.timesPerPeriod;
    return {
      kind: 'interval',
      everyMonths: first.interval ?? 1,
      ...(times !== undefined && { timesPerPeriod: times }),
      ...note,
    };
  }
  const text = first.notes ?? first.description;
  if (first.x_norishiro?.kind === 'unknown' || text === undefined) return { kind: 'unknown', ...note };
  return { kind: 'irregular', note: text };
}
