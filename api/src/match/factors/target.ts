import { targetLabels, type Target } from '@norishiro/data';
import type { Factor } from './types.ts';

/**
 * A situation only guessed from age (65+ → elderly…) is a weaker signal than one the
 * coordinator stated: a 13-year-old who refuses school belongs at ふれあいルーム before a
 * 子育て支援拠点 that merely serves "children".
 */
export const IMPLIED_TARGET_FIT = 0.85;
/** A children's place reached by an adult through another target (生活困窮 → 子どもの学習支援). */
export const ADULT_AT_CHILDREN_FIT = 0.5;

const labels = (ts: Target[]) => ts.map((s) => targetLabels[s].ja).join('・');
/** Adults use a children's place as parents; otherwise it is for someone else. */
const asParent: Target[] = ['child_rearing', 'single_parent'];

/** A place meant for the person's situation fits better than one open to anyone. */
export const target: Factor = (doc, ctx) => {
  const specific = ctx.situations.filter((s) => doc.targets.includes(s));
  const { age, situations: stated } = ctx.profile;
  const adult = age !== undefined && age >= 18;
  if (
    specific.length > 0 &&
    adult &&
    doc.targets.includes('children') &&
    !ctx.situations.some((s) => asParent.includes(s))
  ) {
    return { value: ADULT_AT_CHILDREN_FIT, reason: `子どもを対象にした場です。大人の本人が使えるかは要確認です` };
  }
  if (specific.some((s) => stated.includes(s))) {
    return { value: 1, reason: `${labels(specific.filter((s) => stated.includes(s)))}の人を対象にしています` };
  }
  if (specific.length > 0) {
    return { value: IMPLIED_TARGET_FIT, reason: `年齢から見て${labels(specific)}の人向けの場です` };
  }
  if (doc.targets.includes('anyone')) return { value: 0.7, reason: 'どなたでも参加できます（属性を問いません）' };
  return { value: 0, reason: '対象が本人の状況と合いません' };
};
