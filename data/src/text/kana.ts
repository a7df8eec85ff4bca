/** Katakana → hiragana (ヴ and the small forms included); other characters unchanged. */
export function toHiragana(s: string): string {
  return s.replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/** Hiragana → katakana. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
}

/**
 * The normalisation applied to everything indexed and every query: NFKC folds half-width
 * katakana and full-width digits; ヶ/ケ and 子供/子ども are unified by synonyms instead.
 */
export function normalizeText(s: string): string {
  return s.normalize('NFKC');
}
