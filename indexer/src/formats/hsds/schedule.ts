import { describeSchedule, type Day, type Schedule } from '@norishiro/data';
import type { HsdsSchedule } from './dataset.ts';

const BYDAY: Record<Day, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };
const DAY_OF = Object.fromEntries(Object.entries(BYDAY).map(([d, b]) => [b, d as Day])) as Record<string, Day>;

/** Japan keeps one offset all year (no daylight time), so Asia/Tokyo is exactly UTC+9. */
export const JST_OFFSET_HOURS = 9;
const JST = '+09:00';

type Body = Omit<HsdsSchedule, 'id' | 'service_id'>;

/** What a schedule row says beyond the RRULE fields, written as attributes on the row. */
export interface ScheduleExtension {
  kind?: 'irregular' | 'unknown';
  timesPerPeriod?: number;
}

export interface ScheduleRow {
  row: Body;
  ext: ScheduleExtension;
}

/** HSDS asks times to carry their offset, or they read as UTC: 10:00 becomes 10:00+09:00. */
const hours = (h: { open?: string; close?: string }) => ({
  ...(h.open && { opens_at: `${h.open}${JST}` }),
  ...(h.close && { closes_at: `${h.close}${JST}` }),
});

const zone = { timezone: JST_OFFSET_HOURS };

/**
 * A Norishiro schedule as HSDS schedule rows (iCalendar RRULE fields, Japan time). The note,
 * which belongs to the whole schedule, rides on the first row. An unknown schedule without a
 * note has no row at all: in HSDS, no schedule means not known. `since` is the date the
 * facts were checked: an interval rule needs a dtstart, and the plans never give the first
 * date, so the row says that the months are not known.
 */
export function toHsdsSchedules(s: Schedule, since: string): ScheduleRow[] {
  const note = s.note === undefined ? {} : { notes: s.note };
  const withNote = (rows: ScheduleRow[]) => rows.map((r, i) => (i === 0 ? { ...r, row: { ...r.row, ...note } } : r));
  switch (s.kind) {
    case 'weekly':
      return withNote(
        s.slots.map((slot) => ({
          row: {
            ...zone,
            freq: 'WEEKLY',
            byday: slot.days.map((d) => BYDAY[d]).join(','),
            ...hours(slot),
            description: describeSchedule({ kind: 'weekly', slots: [slot] }),
          },
          ext: {},
        })),
      );
    case 'monthly':
      return withNote(
        s.rules.map((rule) => ({
          row: {
            ...zone,
            freq: 'MONTHLY',
            byday: `${rule.week}${BYDAY[rule.day]}`,
            ...hours(rule),
            description: describeSchedule({ kind: 'monthly', rules: [rule] }),
          },
          ext: {},
        })),
      );
    case 'interval':
      return [
        {
          row: {
            ...zone,
            freq: 'MONTHLY',
            interval: s.everyMonths,
            dtstart: since,
            description: `${describeSchedule(s)}（開催月は計画に書かれていません。dtstart は情報を確認した日です）`,
            ...note,
          },
          ext: s.timesPerPeriod === undefined ? {} : { timesPerPeriod: s.timesPerPeriod },
        },
      ];
    case 'irregular':
      return [{ row: { description: describeSchedule(s), notes: s.note }, ext: { kind: 'irregular' } }];
    case 'unknown':
      return s.note === undefined
        ? []
        : [{ row: { description: describeSchedule(s), notes: s.note }, ext: { kind: 'unknown' } }];
  }
}

/** HH:MM in Japan time from an HSDS time, honouring its offset, else the row's timezone, else UTC. */
export function toJapanTime(time: string | undefined, timezone: number | undefined): string | undefined {
  if (!time) return undefined;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(time.trim());
  if (!m) return undefined;
  let offsetMinutes = (timezone ?? 0) * 60;
  if (m[3]) {
    const o = m[3].toUpperCase();
    offsetMinutes = o === 'Z' ? 0 : (o.startsWith('-') ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(-2)));
  }
  const minutes = Number(m[1]) * 60 + Number(m[2]) - offsetMinutes + JST_OFFSET_HOURS * 60;
  // A time that moves to another day in Japan cannot keep its weekday; leave it out.
  if (minutes < 0 || minutes >= 24 * 60) return undefined;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

const openClose = (r: HsdsSchedule) => {
  const open = toJapanTime(r.opens_at, r.timezone);
  const close = toJapanTime(r.closes_at, r.timezone);
  return { ...(open && { open }), ...(close && { close }) };
};

const days = (byday: string | undefined) =>
  (byday ?? '')
    .split(',')
    .map((b) => b.trim().toUpperCase())
    .filter(Boolean)
    .map((b) => DAY_OF[b] ?? b);

/**
 * HSDS schedule rows back to one Norishiro schedule. Rows that cannot be read come back as
 * they are (e.g. an unknown BYDAY code), so that schema validation reports them.
 */
export function fromHsdsSchedules(rows: readonly (HsdsSchedule & ScheduleExtension)[]): unknown {
  const [first] = rows;
  if (!first) return { kind: 'unknown' };
  const note = first.notes === undefined ? {} : { note: first.notes };
  if (first.freq === 'WEEKLY') {
    return {
      kind: 'weekly',
      slots: rows.map((r) => ({ days: days(r.byday), ...openClose(r) })),
      ...note,
    };
  }
  if (first.freq === 'MONTHLY' && first.byday) {
    return {
      kind: 'monthly',
      rules: rows.map((r) => {
        const m = /^(-?\d+)([A-Z]{2})$/i.exec(r.byday ?? '');
        return {
          week: m ? Number(m[1]) : r.byday,
          day: m ? (DAY_OF[m[2]!.toUpperCase()] ?? m[2]) : undefined,
          ...openClose(r),
        };
      }),
      ...note,
    };
  }
  if (first.freq === 'MONTHLY') {
    return {
      kind: 'interval',
      everyMonths: first.interval ?? 1,
      ...(first.timesPerPeriod !== undefined && { timesPerPeriod: first.timesPerPeriod }),
      ...note,
    };
  }
  const text = first.notes ?? first.description;
  if (first.kind === 'unknown' || text === undefined) return { kind: 'unknown', ...note };
  return { kind: 'irregular', note: text };
}
