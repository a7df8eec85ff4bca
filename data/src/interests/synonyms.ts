/**
 * Interests people name in several ways. Each group is one interest: its written forms (as a
 * plan would write them) and its readings (as people type them in kana). Matching an
 * interest means matching one of the written forms as written, or a reading as a whole word;
 * a reading never matches part of another word's reading (いご is not in かいご).
 */
export interface InterestGroup {
  readonly words: readonly string[];
  readonly readings: readonly string[];
}

export const INTEREST_GROUPS: readonly InterestGroup[] = [
  {
    words: ['農業', '農作業', '畑', '畑仕事', '野菜づくり', '野菜作り', '農園'],
    readings: ['のうぎょう', 'のうさぎょう', 'はたけ', 'はたけしごと'],
  },
  {
    words: ['手芸', 'ハンドメイド', '手づくり', '手作り', '裁縫', '編み物'],
    readings: ['しゅげい', 'はんどめいど', 'てづくり', 'さいほう', 'あみもの'],
  },
  {
    words: ['パソコン', 'PC', 'IT', 'コンピュータ', 'コンピューター'],
    readings: ['ぱそこん', 'ぴーしー', 'あいてぃー', 'こんぴゅーた'],
  },
  { words: ['囲碁', '碁'], readings: ['いご'] },
  { words: ['将棋'], readings: ['しょうぎ'] },
  { words: ['体操', '運動', '筋トレ', '貯筋', 'ロコトレ'], readings: ['たいそう', 'うんどう', 'きんとれ', 'ろことれ'] },
  { words: ['料理', '調理', '食堂', '食事'], readings: ['りょうり', 'ちょうり', 'しょくどう', 'しょくじ'] },
  { words: ['創作', '工作', 'ものづくり', '制作'], readings: ['そうさく', 'こうさく', 'ものづくり'] },
  { words: ['カフェ', '喫茶', 'お茶'], readings: ['かふぇ', 'きっさ', 'おちゃ'] },
  { words: ['おしゃべり', '話し相手', '交流'], readings: ['おしゃべり', 'はなしあいて', 'こうりゅう'] },
  { words: ['見守り', '声掛け', '声かけ'], readings: ['みまもり', 'こえかけ'] },
  { words: ['ボランティア'], readings: ['ぼらんてぃあ'] },
  { words: ['介護予防'], readings: ['かいごよぼう'] },
  { words: ['学習', '勉強'], readings: ['がくしゅう', 'べんきょう'] },
  { words: ['製造業', 'ものづくり'], readings: ['せいぞうぎょう'] },
];
