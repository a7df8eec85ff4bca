import { categoryLabels, targetLabels, type MatchGap, type MatchFactorName } from '@norishiro/data';
import type { MatchContext } from './context.ts';
import type { Scored } from './score.ts';
import { IMPLIED_TARGET_FIT } from './factors/target.ts';
import { GOOD_SCORE, MIN_GOOD_RESULTS } from './weights.ts';

const fits = (s: Scored, factor: MatchFactorName, min: number) =>
  s.factors.some((f) => f.factor === factor && f.value >= min);

/**
 * When too few candidates fit well, say which factor failed, in words the 構築会議 can use:
 * nothing near, nothing open at those times, nothing for that situation or kind of place.
 */
export function detectGap(ranked: Scored[], ctx: MatchContext): MatchGap {
  const good = ranked.filter((s) => s.score >= GOOD_SCORE).length;
  if (good >= MIN_GOOD_RESULTS) return { suspected: false, summary: `よく合う資源が ${good} 件あります`, missing: [] };
  const { profile } = ctx;
  const missing: MatchGap['missing'] = [];
  const specific = ctx.situations.filter((s) => s !== 'anyone');
  if (specific.length > 0 && !ranked.some((s) => fits(s, 'target', IMPLIED_TARGET_FIT))) {
    missing.push({
      factor: 'target',
      message: `「${specific.map((s) => targetLabels[s].ja).join('・')}」の人を対象にした資源がありません`,
    });
  }
  if (profile.wants.length > 0 && !ranked.some((s) => fits(s, 'category', 1))) {
    missing.push({
      factor: 'category',
      message: `希望する「${profile.wants.map((c) => categoryLabels[c].ja).join('・')}」が見つかりません`,
    });
  }
  if (ctx.freeHours.size > 0 && !ranked.some((s) => fits(s, 'schedule', 0.6))) {
    missing.push({ factor: 'schedule', message: '空いている時間に開いていることが確かな資源がありません' });
  }
  if (!ranked.some((s) => fits(s, 'stage', 1))) {
    missing.push({ factor: 'stage', message: '今の段階、または一歩先の段階に合う場がありません' });
  }
  if (!ranked.some((s) => s.doc.distanceKm <= profile.maxTravelKm && s.doc.precision !== 'municipality')) {
    const where = profile.district ? `${profile.district}の近く` : `${profile.maxTravelKm}km 以内`;
    missing.push({ factor: 'distance', message: `${where}に場所が確かな受け入れ先がありません` });
  }
  const summary =
    ranked.length === 0
      ? 'この条件に合う資源は見つかりませんでした。資源の不足として記録することを検討してください'
      : `よく合う資源が ${good} 件しかありません（目安 ${MIN_GOOD_RESULTS} 件）。${missing[0]?.message ?? '条件を広げると見つかるかもしれません'}`;
  return { suspected: true, summary, missing };
}
