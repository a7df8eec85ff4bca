import type { Settings } from 'meilisearch';

/**
 * Word groups the plans spell in several ways. Meilisearch does not unify 子供/子ども or
 * ヶ/ケ by itself, and kana never matches kanji, so each group lists every spelling.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['子ども', '子供', 'こども', 'コドモ'],
  ['ひきこもり', '引きこもり', '引き籠もり', 'ヒキコモリ'],
  ['居場所', 'たまり場', '溜まり場', 'いばしょ'],
  ['障がい', '障害', '障碍', 'しょうがい'],
  ['サロン', '通いの場', 'かよいのば'],
  ['認知症カフェ', 'オレンジカフェ', 'にんちしょうかふぇ'],
  ['子育て', 'こそだて', '育児'],
  ['相談', 'そうだん'],
  ['就労', 'しゅうろう', '仕事', 'しごと'],
  ['高齢者', 'こうれいしゃ', 'お年寄り', 'シニア'],
  ['ボランティア', 'ぼらんてぃあ'],
  ['天城湯ヶ島', '天城湯ケ島'],
  ['不登校', 'ふとうこう'],
  ['社協', '社会福祉協議会'],
];

export function synonyms(groups = SYNONYM_GROUPS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const group of groups) for (const word of group) out[word] = group.filter((w) => w !== word);
  return out;
}

/** The index settings live in code; every rebuild applies them to the fresh index. */
export const INDEX_SETTINGS = {
  searchableAttributes: [
    'name',
    'aliases',
    'readings',
    'categoryLabels',
    'tags',
    'description',
    'operator',
    'district',
    'municipalityName',
  ],
  filterableAttributes: [
    'municipality',
    'categories',
    'targets',
    'stages',
    'days',
    'openHours',
    'district',
    'cost',
    'status',
    'features',
    'precision',
    'scheduleKnown',
    'synthetic',
    'ageMin',
    'ageMax',
    '_geo',
  ],
  sortableAttributes: ['_geo', 'name'],
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['jpn'] }],
  synonyms: synonyms(),
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 5000 },
} satisfies Settings;
