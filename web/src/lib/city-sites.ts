/**
 * Each served city's own website, for 「市の総合的な窓口」 where a resource has no contact of
 * its own. From code4fukui/localgovjp (CC0 1.0, commit 232edc3; see
 * indexer/src/formats/localgovjp.md), column `url`, by 全国地方公共団体コード.
 */
export const citySites: Readonly<Record<string, string>> = {
  '152056': 'https://www.city.kashiwazaki.lg.jp/',
  '162051': 'https://www.city.himi.toyama.jp/',
  '212105': 'https://www.city.ena.lg.jp/',
  '222054': 'https://www.city.atami.lg.jp/',
  '222224': 'https://www.city.izu.shizuoka.jp/',
};
