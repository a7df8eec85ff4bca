import { targetLabels } from '@norishiro/data';
import type { Factor } from './types.ts';

/** A place meant for the person's situation fits better than one open to anyone. */
export const target: Factor = (doc, ctx) => {
  const specific = ctx.situations.filter((s) => doc.targets.includes(s));
  if (specific.length > 0) {
    return { value: 1, reason: `${specific.map((s) => targetLabels[s].ja).join('・')}の人を対象にしています` };
  }
  if (doc.targets.includes('anyone')) return { value: 0.7, reason: 'どなたでも参加できます（属性を問いません）' };
  return { value: 0, reason: '対象が本人の状況と合いません' };
};
