import * as v from 'valibot';
import { PointSchema } from '../location/schema.ts';

/** 全国地方公共団体コード check digit over the first five digits (weights 6..2). */
export function lgCodeCheckDigit(first5: string): number {
  const sum = [...first5].reduce((acc, d, i) => acc + Number(d) * (6 - i), 0);
  return (11 - (sum % 11)) % 10;
}

export function isValidLgCode(code: string): boolean {
  return /^\d{6}$/.test(code) && lgCodeCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

export const MunicipalityCodeSchema = v.pipe(
  v.string('団体コードは文字列で書いてください'),
  v.regex(/^\d{6}$/, '全国地方公共団体コードは6桁の数字です'),
  v.check(isValidLgCode, '全国地方公共団体コードの検査数字が合いません'),
);

const HiraganaSchema = v.pipe(v.string(), v.regex(/^[\u3041-\u309f\u30fc・\s]+$/, '読みはひらがなで書いてください'));

export const DistrictSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  reading: HiraganaSchema,
  /** Representative point, absent when no public source gives one. */
  point: v.optional(PointSchema),
  /** What the point is and where it comes from. */
  pointOf: v.optional(v.string()),
});

export const MunicipalitySchema = v.object({
  code: MunicipalityCodeSchema,
  prefecture: v.pipe(v.string(), v.regex(/^.+[都道府県]$/, '都道府県名は「県」などで終わる名前です')),
  name: v.pipe(v.string(), v.minLength(1)),
  reading: HiraganaSchema,
  cityHall: PointSchema,
  districts: v.array(DistrictSchema),
});

export type MunicipalityCode = v.InferOutput<typeof MunicipalityCodeSchema>;
export type District = v.InferOutput<typeof DistrictSchema>;
export type Municipality = v.InferOutput<typeof MunicipalitySchema>;
