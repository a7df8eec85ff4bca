import type { District, Municipality } from '../municipality/schema.ts';
import { normalizeText, toHiragana } from '../text/kana.ts';

/**
 * District names as people type them: 「稲積」 for 稲積地区, 「天城湯ケ島」 for 天城湯ヶ島地区,
 * 「泉伊豆山」 without the dot, old town names such as 「修善寺町」, or the reading in kana.
 */

/** NFKC, no spaces or dots, small ヶ/ヵ and が/か between kanji written as ケ, kana as hiragana. */
export function districtKey(s: string): string {
  return toHiragana(
    normalizeText(s)
      .replace(/[\s・･.]/g, '')
      .replace(/[ヶヵケカ]/g, 'ケ')
      .replace(/(?<=\p{Script=Han})[がか](?=\p{Script=Han})/gu, 'ケ'),
  );
}

const SUFFIXES = ['地区', '地域', '圏域', '町', '村', 'ちく', 'ちょう', 'まち', 'むら'];

/** The key and the key without a trailing 地区/町 (either order, at most two). */
function keysOf(s: string): string[] {
  const out = new Set<string>();
  const walk = (k: string, depth: number) => {
    if (k.length === 0) return;
    out.add(k);
    if (depth === 2) return;
    for (const suffix of SUFFIXES)
      if (k.endsWith(suffix) && k.length > suffix.length + 1) walk(k.slice(0, -suffix.length), depth + 1);
  };
  walk(districtKey(s), 0);
  return [...out];
}

/** Names a district answers to: its name, its reading, and the aliases the inventory gives. */
function namesOf(d: District): string[] {
  return [d.name, d.reading, ...(d.aliases ?? [])];
}

export type DistrictMatch = { district: District } | { district: undefined; candidates: string[] };

/**
 * Finds the district meant by what was typed. Exact (after normalising) first, then a unique
 * district whose name contains what was typed or is contained in it; otherwise no match, with
 * the names that were close (or every valid name when nothing was).
 */
export function resolveDistrict(m: Pick<Municipality, 'districts'>, typed: string): DistrictMatch {
  const wanted = keysOf(typed);
  if (wanted.length === 0) return { district: undefined, candidates: m.districts.map((d) => d.name) };
  const exact = m.districts.filter((d) => namesOf(d).some((n) => keysOf(n).some((k) => wanted.includes(k))));
  if (exact.length === 1) return { district: exact[0]! };
  const close =
    exact.length > 1
      ? exact
      : m.districts.filter((d) =>
          namesOf(d).some((n) =>
            keysOf(n).some((k) =>
              wanted.some((w) => w.length >= 2 && k.length >= 2 && (k.includes(w) || w.includes(k))),
            ),
          ),
        );
  if (close.length === 1) return { district: close[0]! };
  return { district: undefined, candidates: (close.length > 0 ? close : m.districts).map((d) => d.name) };
}
