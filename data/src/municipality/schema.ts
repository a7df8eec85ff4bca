import * as v from 'valibot';
import { PointSchema } from '../location/schema.ts';
import { MunicipalityCodeSchema } from './code.ts';

export { isValidLgCode, lgCodeCheckDigit, MunicipalityCodeSchema, type MunicipalityCode } from './code.ts';

const HiraganaSchema = v.pipe(v.string(), v.regex(/^[\u3041-\u309f\u30fc・\s]+$/, '読みはひらがなで書いてください'));

export const DistrictSchema = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  reading: HiraganaSchema,
  /** Representative point, absent when no public source gives one. */
  point: v.optional(PointSchema),
  /** What the point is and where it comes from. */
  pointOf: v.optional(v.string()),
  /**
   * Other names people type for it: without 地区/町, old town names (湯ヶ島 for 天城湯ヶ島),
   * the plan's own spellings. ヶ/ケ/が and kana are folded when matching (district/resolve.ts).
   */
  aliases: v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1, '別名を空にしないでください')))),
});

export const MunicipalitySchema = v.object({
  code: MunicipalityCodeSchema,
  prefecture: v.pipe(v.string(), v.regex(/^.+[都道府県]$/, '都道府県名は「県」などで終わる名前です')),
  name: v.pipe(v.string(), v.minLength(1)),
  reading: HiraganaSchema,
  cityHall: PointSchema,
  districts: v.array(DistrictSchema),
});

export type District = v.InferOutput<typeof DistrictSchema>;
export type Municipality = v.InferOutput<typeof MunicipalitySchema>;
