import { categoryLabels } from '@norishiro/data';
import { NEUTRAL, type Factor } from './types.ts';

export const category: Factor = (doc, ctx) => {
  const wants = ctx.profile.wants;
  if (wants.length === 0) return { value: NEUTRAL, reason: '希望する種類の指定はありません' };
  const hit = doc.categories.filter((c) => wants.includes(c));
  return hit.length > 0
    ? { value: 1, reason: `希望する「${hit.map((c) => categoryLabels[c].ja).join('・')}」です` }
    : { value: 0, reason: `希望する種類（${wants.map((c) => categoryLabels[c].ja).join('・')}）ではありません` };
};
