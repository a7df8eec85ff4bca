import * as v from 'valibot';
import { CategorySchema, StageSchema, TargetSchema } from '../taxonomy/codes.ts';
import { MunicipalityCodeSchema } from '../municipality/schema.ts';
import { MatchFactorNameSchema } from '../api/match.ts';

export const timeBandLabels = {
  weekday_day: '平日の昼',
  weekday_evening: '平日の夜',
  weekend: '土日',
} as const;
export const TimeBandSchema = v.picklist(
  Object.keys(timeBandLabels) as (keyof typeof timeBandLabels)[],
  '時間帯が正しくありません',
);

export const gapStatusLabels = {
  new: '新規',
  council: '構築会議で検討',
  in_progress: '対応中',
  resolved: '解消',
  dropped: '見送り',
} as const;
export type GapStatus = keyof typeof gapStatusLabels;
export const GapStatusSchema = v.picklist(Object.keys(gapStatusLabels) as GapStatus[], '状態が正しくありません');

/** Who may move a gap where: 新規 → 構築会議で検討 → 対応中 → 解消 / 見送り. */
export const GAP_NEXT: Record<GapStatus, readonly GapStatus[]> = {
  new: ['council', 'dropped'],
  council: ['in_progress', 'dropped'],
  in_progress: ['resolved', 'dropped'],
  resolved: [],
  dropped: [],
};

const sortedUnique = <T extends string | number>(xs: readonly T[]) => [...new Set(xs)].sort();

/**
 * A missing resource, described only by the need: no case code and nothing about a person.
 * Lists are sorted so the same need always has the same key and is counted, not repeated.
 */
export const NewGapSchema = v.object({
  municipality: MunicipalityCodeSchema,
  district: v.optional(v.pipe(v.string(), v.maxLength(40))),
  stage: v.optional(StageSchema),
  situations: v.pipe(v.optional(v.array(TargetSchema), []), v.transform(sortedUnique)),
  categories: v.pipe(v.optional(v.array(CategorySchema), []), v.transform(sortedUnique)),
  timeBands: v.pipe(v.optional(v.array(TimeBandSchema), []), v.transform(sortedUnique)),
  interests: v.pipe(
    v.optional(v.array(v.pipe(v.string(), v.maxLength(40))), []),
    v.maxLength(10),
    v.transform(sortedUnique),
  ),
  failedFactor: v.optional(MatchFactorNameSchema),
  /** For gaps recorded by hand (e.g. from a 地域福祉懇談会): what is missing, in a sentence. */
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300, '説明は300文字までです'))),
  source: v.optional(v.picklist(['match', 'manual']), 'match'),
});
export type NewGap = v.InferOutput<typeof NewGapSchema>;

export const GapPatchSchema = v.object({
  to: v.optional(GapStatusSchema),
  owner: v.optional(v.pipe(v.string(), v.maxLength(100))),
  due: v.optional(v.pipe(v.string(), v.isoDate('期限は YYYY-MM-DD です'))),
  resolvedBy: v.optional(v.string()),
  reason: v.optional(v.pipe(v.string(), v.maxLength(300))),
  comment: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(1000, 'コメントは1000文字までです'))),
});

export const GapSchema = v.object({
  id: v.string(),
  municipality: v.string(),
  period: v.string(),
  district: v.nullable(v.string()),
  stage: v.nullable(v.number()),
  situations: v.array(v.string()),
  categories: v.array(v.string()),
  timeBands: v.array(v.string()),
  interests: v.array(v.string()),
  failedFactor: v.nullable(v.string()),
  description: v.nullable(v.string()),
  count: v.union([v.number(), v.literal('3未満')]),
  status: GapStatusSchema,
  owner: v.nullable(v.string()),
  due: v.nullable(v.string()),
  resolvedBy: v.nullable(v.string()),
  reason: v.nullable(v.string()),
  comments: v.array(v.object({ at: v.string(), by: v.nullable(v.string()), text: v.string() })),
  updatedAt: v.string(),
});
export type Gap = v.InferOutput<typeof GapSchema>;

/**
 * Text that looks like it is about a person (a name with さん/様, a phone number, a house
 * address) is flagged before a manual gap is saved: gaps describe needs, not people.
 */
export function personalTextWarnings(text: string): string[] {
  const t = text.normalize('NFKC');
  const out: string[] = [];
  if (/0\d{1,4}-?\d{1,4}-?\d{3,4}|\b\d{10,11}\b/.test(t)) out.push('電話番号のような数字があります');
  if (/[一-龯々]{1,4}(さん|様|氏|くん|ちゃん)/.test(t)) out.push('人の名前のような書き方があります');
  if (/\d+丁目|\d+番地?|\d+-\d+-\d+|[市町村区].{0,10}\d+号/.test(t)) out.push('住所のような書き方があります');
  return out;
}

/** Which time band a weekly availability slot falls in. */
export function timeBandOf(day: string, from: string): keyof typeof timeBandLabels {
  if (day === 'sat' || day === 'sun') return 'weekend';
  return from >= '17:00' ? 'weekday_evening' : 'weekday_day';
}
