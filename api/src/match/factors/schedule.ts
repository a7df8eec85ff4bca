import { daysJa, DAYS } from '@norishiro/data';
import type { MatchContext } from '../context.ts';
import { NEUTRAL, type Candidate, type Factor } from './types.ts';

const hourRange = (hours: number[]) => `${Math.min(...hours)}～${Math.max(...hours) + 1}時`;

/** Known to be closed at every hour the person is free: weighs far more than unknown hours. */
export function knownClosed(doc: Candidate, free: Pick<MatchContext, 'freeHours' | 'freeDays'>): boolean {
  if (free.freeHours.size === 0 || !doc.scheduleKnown || doc.days.length === 0) return false;
  if (doc.openHours.length === 0) return !doc.days.some((d) => free.freeDays.has(d));
  return !doc.openHours.some((k) => free.freeHours.has(k));
}

/** A summary whose note repeats its head (「2か月に1回（2か月に1回開催）」) is said once. */
export function onceSaid(summary: string): string {
  const m = /^(.+?)（(.+)）$/.exec(summary);
  return m && m[2]!.includes(m[1]!) ? m[2]! : summary;
}

/** Overlap of opening hours with the person's free time; an unknown schedule is neutral. */
export const schedule: Factor = (doc, ctx) => {
  if (ctx.freeHours.size === 0)
    return { value: NEUTRAL, reason: '空いている時間の指定がないため、日時は比べていません' };
  if (!doc.scheduleKnown || doc.days.length === 0) {
    const said = doc.scheduleKnown && doc.scheduleSummary ? `計画には「${onceSaid(doc.scheduleSummary)}」とあり、` : '';
    return { value: NEUTRAL, reason: `${said}開いている日時は要確認です` };
  }
  if (doc.openHours.length === 0) {
    const shared = doc.days.filter((d) => ctx.freeDays.has(d));
    return shared.length > 0
      ? { value: 0.7, reason: `${daysJa(shared)}曜に開いていて空いている日と重なります（時間は要確認）` }
      : { value: 0, reason: `開いている日（${daysJa(doc.days)}曜）は空いている日と重なりません` };
  }
  const overlap = doc.openHours.filter((k) => ctx.freeHours.has(k));
  if (overlap.length === 0)
    return { value: 0, reason: `開いている時間（${doc.scheduleSummary}）は空いている時間と重なりません` };
  const days = DAYS.filter((d) => overlap.some((k) => k.startsWith(d)));
  const hours = overlap.map((k) => Number(k.slice(4)));
  const dayText = days.map((d) => `${daysJa([d])}曜`).join('・');
  return {
    value: Math.min(1, 0.6 + 0.1 * overlap.length),
    reason: `${dayText}の${hourRange(hours)}に開いていて、空いている時間と重なります`,
  };
};
