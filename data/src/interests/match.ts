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

/** Katakana runs and reading words of a text, as whole katakana words (readings are katakana). */
function wholeKanaWords(written: string, reading: string | undefined): Set<string> {
  const out = new Set<string>(written.match(/[\p{Script=Katakana}ー]+/gu) ?? []);
  if (reading) for (const w of reading.split(/[\s・]+/)) if (w) out.add(toKatakana(w));
  return out;
}

/**
 * Prepares the typed interests once; the returned function lists those a resource offers: a
 * written form appears in its text (Latin words such as PC only as a whole word), or a
 * reading is one of its whole kana words.
 */
export function interestMatcher(typed: readonly string[], groups?: readonly InterestGroup[]) {
  const prepared = typed.map((t) => {
    const { words, readings } = interestForms(t, groups);
    const latin = words.filter((w) => /^[a-z0-9]+$/.test(w)).map((w) => new RegExp(`(^|[^a-z0-9])${w}([^a-z0-9]|$)`));
    const kana = [...readings, ...words.filter(isKana)].map(toKatakana);
    // A written form with kana in it (ハンドメイド) is looked for in both kana scripts.
    const written = words
      .filter((w) => w.length > 0 && !isKana(w) && !/^[a-z0-9]+$/.test(w))
      .flatMap((w) => [...new Set([w, toKatakana(w)])]);
    return { typed: t, latin, kana, written };
  });
  const needsLatin = prepared.some((p) => p.latin.length > 0);
  return (text: InterestText): string[] => {
    // Written forms are compared as written (NFKC); only Latin words need case folding.
    const written = normalizeText(text.written);
    const lower = needsLatin ? written.toLowerCase() : written;
    let kanaWords: Set<string> | undefined;
    return prepared
      .filter((p) => {
        if (p.written.some((w) => written.includes(w)) || p.latin.some((re) => re.test(lower))) return true;
        kanaWords ??= wholeKanaWords(written, text.reading);
        return p.kana.some((k) => kanaWords!.has(k));
      })
      .map((p) => p.typed);
  };
}

/** Whether a resource offers one interest (see interestMatcher). */
export function offersInterest(text: InterestText, typed: string, groups?: readonly InterestGroup[]): boolean {
  return interestMatcher([typed], groups)(text).length > 0;
}
