import { DAYS, type Day } from '@norishiro/data';

export interface ParsedDays {
  days: Day[];
  /** Whether 祝日 are named as open, named as closed, or not mentioned. */
  holidays: 'open' | 'closed' | 'unmentioned';
}

const DAY_CHARS: Record<string, Day> = { 月: 'mon', 火: 'tue', 水: 'wed', 木: 'thu', 金: 'fri', 土: 'sat', 日: 'sun' };
// Checked after NFKC, which has already turned ～ into ~ and full-width ，／ into ASCII.
const RANGE = new Set(['~', '〜', '-', 'ー', '―', '‐', '→']);
const LIST = new Set(['・', '、', ',', '/', ' ', 'と']);

/** NFKC folds full-width digits, letters and ～ (U+FF5E → ~); 〜 (U+301C) survives it. */
const fold = (s: string) => s.normalize('NFKC').trim();

/** 「（祝日を除く）」「(月曜・祝日休館)」: days named inside brackets as closed. */
const EXCLUDED = /[(（]([^()（）]+?)(?:を|は)?(?:除く|休み|休館|休業|閉館|休)[)）]/g;
const HOLIDAYS = /祝祭日|祝日|祝/g;
/** Words that stand for sets of days, spelt out so the scanner sees only day letters. */
const WORDS: [RegExp, string][] = [
  [/年中無休|毎日|全日/g, '月~日'],
  [/平日/g, '月~金'],
  [/週末/g, '土・日'],
  [/から|より/g, '~'],
  [/及び|および/g, '・'],
  [/毎週|曜日|曜|まで/g, ''],
];

function span(from: Day, to: Day): Day[] {
  const a = DAYS.indexOf(from);
  const b = DAYS.indexOf(to);
  const len = ((b - a + 7) % 7) + 1;
  return Array.from({ length: len }, (_, i) => DAYS[(a + i) % 7]!);
}

/** Scans a bracket-free day list; undefined on any character it does not know. */
function scan(text: string): { days: Set<Day>; holidays: boolean } | undefined {
  const withoutHolidays = text.replace(HOLIDAYS, '');
  const s = WORDS.reduce((acc, [re, to]) => acc.replace(re, to), withoutHolidays);
  const days = new Set<Day>();
  let previous: Day | undefined;
  let pendingRange = false;
  for (const ch of s) {
    const day = DAY_CHARS[ch];
    if (day) {
      if (pendingRange && previous) span(previous, day).forEach((d) => days.add(d));
      else days.add(day);
      pendingRange = false;
      previous = day;
    } else if (RANGE.has(ch)) {
      if (pendingRange || !previous) return undefined;
      pendingRange = true;
    } else if (!LIST.has(ch)) return undefined;
  }
  if (pendingRange) return undefined;
  return { days, holidays: withoutHolidays !== text };
}

/**
 * Reads free-text 利用可能曜日 (「月～金」「月・水・金」「火曜日から土曜日」「平日」「土日祝」
 * 「月～金（祝日を除く）」). Returns undefined for anything it does not fully understand, so
 * nothing is guessed: the caller keeps the text as a note instead.
 */
export function parseDays(text: string): ParsedDays | undefined {
  const excluded: string[] = [];
  const main = scan(
    fold(text).replace(EXCLUDED, (_, inner: string) => {
      excluded.push(inner);
      return '';
    }),
  );
  if (!main) return undefined;
  let holidays: ParsedDays['holidays'] = main.holidays ? 'open' : 'unmentioned';
  for (const inner of excluded) {
    const ex = scan(inner);
    if (!ex) return undefined;
    ex.days.forEach((d) => main.days.delete(d));
    if (ex.holidays) holidays = 'closed';
  }
  // 「祝日のみ」-style text names no weekday; that is not a weekly schedule.
  if (main.days.size === 0) return undefined;
  return { days: DAYS.filter((d) => main.days.has(d)), holidays };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Reads 「9:00」「9時」「９時３０分」「9時半」「午後5時」「0900」「9:00:00」 as HH:MM. */
export function parseTime(text: string): string | undefined {
  let s = fold(text).replace(/\s/g, '');
  let offset = 0;
  if (s.startsWith('午前')) s = s.slice(2);
  else if (s.startsWith('午後')) {
    s = s.slice(2);
    offset = 12;
  }
  const m =
    /^(\d{1,2})[:：](\d{2})(?::\d{2})?$/.exec(s) ??
    /^(\d{1,2})時(?:(\d{1,2})分|(半))?$/.exec(s) ??
    /^(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const hour = Number(m[1]) + (offset && Number(m[1]) < 12 ? offset : 0);
  const minute = m[3] ? 30 : Number(m[2] ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}`;
}

/** Some files put the whole range in 開始時間 (「9:00～17:00」) and leave 終了時間 empty. */
export function parseHours(start: string, end: string): { open?: string; close?: string } | undefined {
  const s = fold(start);
  const e = fold(end);
  if (e === '' && /[~〜-]/.test(s)) {
    const [a = '', b = '', ...rest] = s.split(/[~〜-]/);
    if (rest.length > 0) return undefined;
    return parseHours(a, b);
  }
  const open = s === '' ? undefined : parseTime(s);
  const close = e === '' ? undefined : parseTime(e);
  if ((s !== '' && !open) || (e !== '' && !close)) return undefined;
  return { ...(open && { open }), ...(close && { close }) };
}
