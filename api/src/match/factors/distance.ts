import { outsideLabel } from '@norishiro/data';
import { NEUTRAL, outsideOf, type Factor } from './types.ts';

const km = (d: number) => (d < 1 ? '1km 未満' : `約${d.toFixed(1)}km`);

/**
 * Closer is better, measured from the person's home or district. With no origin, or a place
 * the plan does not locate, distance is neutral and the reason says why.
 */
export const distance: Factor = (doc, ctx) => {
  const outside = outsideOf(doc);
  const where = outside ? `${outsideLabel(outside)}にあります。` : '';
  if (!ctx.origin) {
    return { value: NEUTRAL, reason: `${where}住まいの場所が指定されていないため、距離は比べていません` };
  }
  if (outside) return { value: NEUTRAL, reason: `${where}通えるかは要確認です` };
  if (doc.distanceKm === undefined) {
    return {
      value: NEUTRAL,
      reason: `所在地は計画に書かれていないため（${doc.municipalityName}内）、距離は比べていません（要確認）`,
    };
  }
  const max = ctx.profile.maxTravelKm;
  const value = Math.max(0, 1 - doc.distanceKm / max);
  const beyond = doc.distanceKm > max ? `。行ける距離（${max}km）を超えています` : '';
  if (doc.precision === 'district') {
    return {
      value: value * 0.9,
      reason: `${ctx.originLabel}から${km(doc.distanceKm)}（地区の代表点どうしのおおよその距離）${beyond}`,
    };
  }
  return { value, reason: `${ctx.originLabel}から${km(doc.distanceKm)}${beyond}` };
};
