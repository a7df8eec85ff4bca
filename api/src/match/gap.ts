import { categoryLabels, dayLabels, DAYS, stageLabels, type MatchGap, type NeedsProfile } from '@norishiro/data';
import type { MatchContext } from './context.ts';
import type { Scored } from './score.ts';
import { ANYONE_FIT, phrases } from './factors/target.ts';
import { isOffered, isOpen } from './factors/types.ts';

/** The rule, as the desk shows it beside every answer. */
export const GAP_RULE =
  '「不足」とするのは、本人（または介護している相手）の状況に合う資源が、希望する種類・今の段階か一歩先・行ける距離・空いている時間のどれかの条件で一つも残らないときです。開く時間や場所が計画に書かれていないだけでは不足としません。';

const value = (s: Scored, factor: string) => s.factors.find((f) => f.factor === factor)?.value ?? 0;

/** Who the person is, in the words a summary needs (「学校に行きづらい子ども」). */
function who(ctx: MatchContext): string {
  const stated = ctx.profile.situations.filter((s) => s !== 'caregiver');
  if (stated.length > 0) return phrases(stated);
  if (ctx.caredFor.length > 0) return `${phrases(ctx.caredFor)}を介護している家族`;
  const age = ctx.profile.age;
  if (age === undefined) return 'この人';
  return age < 15 ? '子ども' : age < 40 ? '若い人' : age >= 65 ? '高齢の人' : `${age}歳の人`;
}

const what = (p: NeedsProfile) => (p.wants.length > 0 ? p.wants.map((c) => categoryLabels[c].ja).join('・') : '場');

/** The person's free times in a few words: 「平日の19:00〜21:00」, 「土曜の10:00〜15:00」. */
export function describeFree(p: NeedsProfile): string {
  const days = DAYS.filter((d) => p.availability.some((s) => s.day === d));
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
  const dayText =
    days.length === 5 && weekdays.every((d) => days.includes(d as never))
      ? '平日'
      : days.length === 2 && days.includes('sat') && days.includes('sun')
        ? '土日'
        : `${days.map((d) => dayLabels[d].ja).join('・')}曜`;
  const times = [...new Set(p.availability.map((s) => `${s.from}〜${s.to}`))];
  return times.length === 1 ? `${dayText}の${times[0]}` : `${dayText}の空いている時間`;
}

/**
 * A gap is a constraint nothing satisfies. Starting from what is open and fits the person's
 * situation, each condition the coordinator gave narrows the set: the kind of place wanted,
 * the step on the ladder, the distance they can travel, the times they are free. The first
 * condition that leaves nothing is the missing thing. Unknown hours and unknown places never
 * remove a resource: not knowing is not evidence of a gap.
 */
export function detectGap(scored: readonly Scored[], ctx: MatchContext): MatchGap {
  const p = ctx.profile;
  const city = `${ctx.municipality.name}内`;
  const person = who(ctx);
  const fits = scored.filter(
    (s) =>
      isOffered(s.doc) &&
      isOpen(s.doc) &&
      !s.doc.categories.includes('coordination') &&
      // A plan that does not say whom it serves is not evidence of a gap either.
      (value(s, 'target') >= ANYONE_FIT || s.doc.targets.length === 0),
  );
  const gap = (factor: MatchGap['missing'][number]['factor'], summary: string): MatchGap => ({
    suspected: true,
    summary,
    rule: GAP_RULE,
    missing: [{ factor, message: summary }],
  });
  if (fits.length === 0) return gap('target', `${person}を対象にした資源が${city}にありません`);
  const wanted = p.wants.length === 0 ? fits : fits.filter((s) => value(s, 'category') === 1);
  if (wanted.length === 0) return gap('category', `${person}が利用できる${what(p)}が${city}にありません`);
  const stepped = wanted.filter((s) => value(s, 'stage') >= 0.6);
  if (stepped.length === 0) {
    return gap(
      'stage',
      `${person}が利用できる${what(p)}で、今の段階「${stageLabels[p.stage].ja}」か一歩先に合うものが${city}にありません`,
    );
  }
  const reachable = ctx.origin
    ? stepped.filter((s) => s.doc.distanceKm === undefined || s.doc.distanceKm <= p.maxTravelKm)
    : stepped;
  if (reachable.length === 0) {
    const nearest = Math.min(...stepped.map((s) => s.doc.distanceKm ?? Number.POSITIVE_INFINITY));
    const from = ctx.district && !p.home ? ctx.district.name : '指定した地点';
    return gap(
      'distance',
      `${person}が利用できる${what(p)}が、${from}から${p.maxTravelKm}km以内にありません（いちばん近いものは約${nearest.toFixed(1)}km）`,
    );
  }
  const open = reachable.filter((s) => !s.closed);
  if (open.length === 0) {
    return gap(
      'schedule',
      `${person}が利用できる${what(p)}で、${describeFree(p)}に開いているものが${city}にありません（開く時間が分かっている${reachable.length}件は、どれもその時間は閉まっています）`,
    );
  }
  const unsure = open.filter((s) => !s.doc.scheduleKnown || s.doc.distanceKm === undefined).length;
  return {
    suspected: false,
    summary: `条件に合う資源が ${open.length} 件あります${unsure > 0 ? `（うち ${unsure} 件は開く時間か場所が要確認）` : ''}`,
    rule: GAP_RULE,
    missing: [],
  };
}
