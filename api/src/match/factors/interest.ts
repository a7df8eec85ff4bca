import { normalizeText, toHiragana } from '@norishiro/data';
import { NEUTRAL, type Factor } from './types.ts';

/** Interests found in the name, description, tags or reading (kana folded to hiragana). */
export const interest: Factor = (doc, ctx) => {
  if (ctx.interests.length === 0) return { value: NEUTRAL, reason: '興味・関心の指定はありません' };
  const text = toHiragana(
    normalizeText([doc.name, doc.reading ?? '', doc.description ?? '', ...doc.tags, ...doc.categoryLabels].join(' ')),
  );
  const found = ctx.interests.filter((w) => text.includes(w));
  return found.length > 0
    ? {
        value: 0.5 + 0.5 * (found.length / ctx.interests.length),
        reason: `興味のある「${found.join('」「')}」に関わる活動があります`,
      }
    : { value: 0.2, reason: '興味・関心に当てはまる活動は計画に書かれていません' };
};
