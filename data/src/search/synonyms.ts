/**
 * Word groups the plans spell in several ways. Meilisearch does not unify 子供/子ども or
 * ヶ/ケ, kana never matches kanji, and a kanji-only synonym is segmented differently from a
 * Japanese query, so each document also carries the other spellings of the words it uses.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['子ども', '子供', 'こども', 'コドモ'],
  ['ひきこもり', '引きこもり', '引き籠もり', 'ヒキコモリ'],
  ['居場所', 'たまり場', '溜まり場', 'いばしょ'],
  ['障がい', '障害', '障碍', 'しょうがい'],
  ['サロン', '通いの場', 'かよいのば'],
  ['認知症カフェ', 'オレンジカフェ'],
  ['子育て', 'こそだて', '育児'],
  ['相談', 'そうだん'],
  ['就労', 'しゅうろう', '仕事', 'しごと'],
  ['高齢者', 'こうれいしゃ', 'お年寄り', 'シニア'],
  ['ボランティア', 'ぼらんてぃあ'],
  ['天城湯ヶ島', '天城湯ケ島'],
  ['不登校', 'ふとうこう'],
  ['社協', '社会福祉協議会'],
];

/** The other spellings of every group word that occurs in the text. */
export function variantsIn(text: string, groups = SYNONYM_GROUPS): string[] {
  const out = new Set<string>();
  for (const group of groups) {
    if (group.some((w) => text.includes(w))) group.forEach((w) => !text.includes(w) && out.add(w));
  }
  return [...out];
}

/** Meilisearch's synonym map: every word of a group points at the others. */
export function synonymMap(groups = SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) for (const word of group) out[word] = group.filter((w) => w !== word);
  return out;
}
