import * as v from 'valibot';
import { CategorySchema, StageSchema, TargetSchema } from '../taxonomy/codes.ts';
import { MunicipalityCodeSchema } from '../municipality/schema.ts';
import { PrecisionSchema } from '../location/schema.ts';
import { MatchFactorNameSchema } from '../api/match.ts';
import { INTEREST_GROUPS } from '../interests/synonyms.ts';
import { normalizeText, toHiragana } from '../text/kana.ts';

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

const foldInterest = (s: string) => toHiragana(normalizeText(s).trim().toLowerCase());

/**
 * An interest as a taxonomy tag: the first written form of its group (「はたけ」→「農業」).
 * Words outside the vocabulary are not kept, so nothing typed about a person reaches a gap.
 */
export function interestTag(typed: string): string | undefined {
  const t = foldInterest(typed);
  return INTEREST_GROUPS.find(
    (g) => g.words.some((w) => foldInterest(w) === t) || g.readings.some((r) => foldInterest(r) === t),
  )?.words[0];
}

/**
 * A missing resource, described only by the need: no case code and nothing about a person.
 * Lists are sorted so the same need always has the same key and is counted, not repeated.
 */
const NewGapEntriesSchema = v.object({
  municipality: MunicipalityCodeSchema,
  district: v.optional(v.pipe(v.string(), v.maxLength(40))),
  stage: v.optional(StageSchema),
  situations: v.pipe(v.optional(v.array(TargetSchema), []), v.transform(sortedUnique)),
  categories: v.pipe(v.optional(v.array(CategorySchema), []), v.transform(sortedUnique)),
  timeBands: v.pipe(v.optional(v.array(TimeBandSchema), []), v.transform(sortedUnique)),
  interests: v.pipe(
    v.optional(v.array(v.pipe(v.string(), v.maxLength(40))), []),
    v.maxLength(10),
    v.transform((xs) => sortedUnique(xs.flatMap((x) => interestTag(x) ?? []))),
  ),
  failedFactor: v.optional(MatchFactorNameSchema),
  /** For gaps recorded by hand (e.g. from a 地域福祉懇談会): what is missing, in a sentence. */
  description: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(300, '説明は300文字までです'))),
  source: v.optional(v.picklist(['match', 'manual']), 'match'),
});

/** A gap as recorded: one written by hand must say what is missing. */
export const NewGapSchema = v.pipe(
  NewGapEntriesSchema,
  v.forward(
    v.check(
      (g) => g.source !== 'manual' || !!g.description,
      '手で記録する不足には、足りないものを一文で書いてください',
    ),
    ['description'],
  ),
);
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
 * Words before さん・様・ちゃん that name a role or a relation, not a person: 「お子さん」
 * 「親御さん」「利用者様」 are how needs are written and must not be flagged.
 */
const GENERIC_HONORIFIC =
  /(お子|子ども|子供|娘|息子|奥|皆|みな|親御|ご家族|家族|利用者|住民|相談者|当事者|高齢者|患者|お客|生徒|学生|大家|民生委員|農家|店員|おばあ|おじい|お母|お父|母|父|兄|姉|妹|弟|赤|お年寄り|年寄り|お隣|近所|保健師|看護師|職員|支援員|相談員|ワーカー|ボランティア|スタッフ|ヘルパー|ケアマネ)$/;

/**
 * Text that looks like it is about a person (a name with さん/様, a phone number, a house
 * address) is flagged before a manual gap or a comment is saved: gaps describe needs, not
 * people. A heuristic: it warns, and the writer may confirm.
 */
export function personalTextWarnings(text: string): string[] {
  const t = text.normalize('NFKC');
  const out: string[] = [];
  if (/(?<!\d)(\(?0\d{1,4}[-)]?\s?\d{1,4}-?\d{3,4}|0[5789]0\d{8})(?!\d)/.test(t))
    out.push('電話番号のような数字があります');
  const names = [
    ...t.matchAll(
      /([\p{Script=Han}々\p{Script=Katakana}ー\p{Script=Hiragana}]{1,8})(さん|様|さま|氏|くん|ちゃん)(?![々子式相])/gu,
    ),
  ];
  if (names.some((m) => !GENERIC_HONORIFIC.test(m[1]!))) out.push('人の名前のような書き方があります');
  if (
    /(\d+|[一二三四五六七八九十]+)丁目|\d+番地|\d+番\d+号?|(?<!\d)\d{1,3}-\d{1,3}-\d{1,3}(?!\d)|〒\s*\d{3}-?\d{4}|(?<![\d-])\d{3}-\d{4}(?![\d-])/.test(
      t,
    )
  )
    out.push('住所のような書き方があります');
  return out;
}

/** Which time band a weekly availability slot falls in. */
export function timeBandOf(day: string, from: string): keyof typeof timeBandLabels {
  if (day === 'sat' || day === 'sun') return 'weekend';
  return from >= '17:00' ? 'weekday_evening' : 'weekday_day';
}

const CountSchema = v.union([v.number(), v.literal('3未満')]);

export const CoverageSchema = v.object({
  by: v.picklist(['district_category', 'district_situation', 'category_timeband']),
  rows: v.array(v.string()),
  cols: v.array(v.string()),
  cells: v.array(v.object({ row: v.string(), col: v.string(), resources: v.number(), gaps: CountSchema })),
  /** Per row, each resource and each record counted once. */
  totals: v.array(v.object({ row: v.string(), resources: v.number(), gaps: CountSchema })),
});

/** District points sized by recorded gaps, with the active resources drawn on top. */
export const CoverageMapSchema = v.object({
  districts: v.array(
    v.object({ name: v.string(), lat: v.number(), lng: v.number(), gaps: CountSchema, resources: v.number() }),
  ),
  /** Records with no district, or a district without a point. */
  unplaced: CountSchema,
  resources: v.array(
    v.object({
      id: v.string(),
      name: v.string(),
      lat: v.number(),
      lng: v.number(),
      precision: PrecisionSchema,
    }),
  ),
});
export type CoverageMap = v.InferOutput<typeof CoverageMapSchema>;

export const GapTrendSchema = v.array(v.object({ month: v.string(), recorded: CountSchema, resolved: CountSchema }));

/** The page a 構築会議 reads for a period: what is missing, what changed, what was resolved. */
export const KochikuReportSchema = v.object({
  municipality: v.string(),
  from: v.string(),
  to: v.string(),
  summary: v.object({ records: CountSchema, needs: v.number(), inCouncil: v.number(), resolved: v.number() }),
  topGaps: v.array(GapSchema),
  coverage: CoverageSchema,
  resourcesChanged: v.array(
    v.object({ id: v.string(), name: v.string(), change: v.picklist(['追加', '変更', '終了']), at: v.string() }),
  ),
  /** null: this instance keeps no referral records (「紹介の記録はまだありません」). */
  referralOutcomes: v.nullable(v.array(v.object({ category: v.string(), sent: CountSchema, started: CountSchema }))),
  resolved: v.array(GapSchema),
  trends: GapTrendSchema,
});
export type KochikuReport = v.InferOutput<typeof KochikuReportSchema>;
export type Coverage = v.InferOutput<typeof CoverageSchema>;
