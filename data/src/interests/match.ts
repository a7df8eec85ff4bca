import { normalizeText, toHiragana, toKatakana } from '../text/kana.ts';
import { INTEREST_GROUPS, type InterestGroup } from './synonyms.ts';

/** What a resource offers to be matched against: its written text and its reading words. */
export interface InterestText {
  /** Name, description, tags… as written (NFKC). */
  written: string;
  /** Katakana or hiragana reading, words separated by spaces (「ロコトレ キョウシツ」). */
  reading?: string;
}

const isKana = (s: string) => /^[\p{Script=Hiragana}\p{Script=Katakana}ー]+$/u.test(s);
const fold = (s: string) => toHiragana(normalizeText(s).trim().toLowerCase());

/** The written forms and readings that stand for what was typed (itself included). */
export function interestForms(typed: string, groups: readonly InterestGroup[] = INTEREST_GROUPS) {
  const t = fold(typed);
  const group = groups.find((g) => g.words.some((w) => fold(w) === t) || g.readings.some((r) => fold(r) === t));
  const words = new Set<string>(group ? group.words.map(fold) : []);
  const readings = new Set<string>(group ? group.readings.map(fold) : []);
  (isKana(t) ? readings : words).add(t);
  return { words: [...words], readings: [...readings] };
}

/** Katakana runs and reading words of a text, as whole hiragana words. */
function wholeKanaWords(text: InterestText): Set<string> {
  const out = new Set<string>();
  for (const run of normalizeText(text.written).match(/[\p{Script=Katakana}ー]+/gu) ?? []) out.add(toHiragana(run));
  for (const w of (text.reading ?? '').split(/[\s・]+/)) if (w) out.add(fold(w));
  return out;
}

/**
 * Whether a resource offers the interest: a written form appears in its text (Latin words
 * such as PC only as a whole word), or a reading is one of its whole kana words.
 */
export function offersInterest(text: InterestText, typed: string, groups?: readonly InterestGroup[]): boolean {
  const { words, readings } = interestForms(typed, groups);
  const written = fold(text.written);
  const kanaWords = wholeKanaWords(text);
  const writtenHit = words.some((w) => {
    if (w.length === 0) return false;
    if (/^[a-z0-9]+$/.test(w)) return new RegExp(`(^|[^a-z0-9])${w}([^a-z0-9]|$)`).test(written);
    if (isKana(w)) return kanaWords.has(w) || kanaWords.has(toHiragana(toKatakana(w)));
    return written.includes(w);
  });
  return writtenHit || readings.some((r) => kanaWords.has(r));
}
