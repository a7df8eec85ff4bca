import { NEUTRAL, type Factor } from './types.ts';

/**
 * Interests found in what the plan says of the resource: written forms (and their synonyms,
 * data/src/interests) in the text, readings only as whole words.
 */
export const interest: Factor = (doc, ctx) => {
  if (ctx.interests.length === 0) return { value: NEUTRAL, reason: '興味・関心の指定はありません' };
  const found = ctx.interestsIn({
    written: [
      doc.name,
      ...(doc.aliases ?? []),
      doc.description ?? '',
      ...(doc.tags ?? []),
      ...(doc.categoryLabels ?? []),
    ].join(' '),
    reading: doc.reading,
  });
  return found.length > 0
    ? {
        value: 0.5 + 0.5 * (found.length / ctx.interests.length),
        reason: `興味のある「${found.join('」「')}」に関わる活動があります`,
      }
    : { value: 0.2, reason: '興味・関心に当てはまる活動は計画に書かれていません' };
};
