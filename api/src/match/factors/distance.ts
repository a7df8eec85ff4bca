import { NEUTRAL, type Factor } from './types.ts';

const km = (d: number) => (d < 1 ? '1km 未満' : `約${d.toFixed(1)}km`);

/** Closer is better; a point that is only the district's or city's is scored as approximate. */
export const distance: Factor = (doc, ctx) => {
  const max = ctx.profile.maxTravelKm;
  const value = Math.max(0, 1 - doc.distanceKm / max);
  if (doc.precision === 'municipality') {
    return {
      value: Math.min(value, NEUTRAL),
      reason: `所在地は計画に書かれておらず、${doc.municipalityName}のどこかにあります（要確認）`,
    };
  }
  if (doc.precision === 'district') {
    return {
      value: value * 0.9,
      reason: `${ctx.originLabel}から${km(doc.distanceKm)}（地区の代表点で測ったおおよその距離です）`,
    };
  }
  return { value, reason: `${ctx.originLabel}から${km(doc.distanceKm)}です` };
};
