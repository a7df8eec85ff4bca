import * as v from 'valibot';
import {
  CategorySchema,
  FeatureSchema,
  KindSchema,
  OperationSchema,
  StageSchema,
  StatusSchema,
  TargetSchema,
} from '../taxonomy/codes.ts';
import { LocationSchema } from '../location/schema.ts';
import { MunicipalityCodeSchema } from '../municipality/schema.ts';
import { ScheduleSchema } from '../schedule/schema.ts';
import { SourceSchema } from '../source/schema.ts';

export const ResourceIdSchema = v.pipe(
  v.string(),
  v.regex(/^\d{6}-[a-z0-9]+(-[a-z0-9]+)*$/, 'ID は「団体コード-英小文字のスラッグ」の形です (例: 222224-step-salon)'),
);

const KatakanaSchema = v.pipe(
  v.string(),
  v.regex(/^[\u30a0-\u30ff\uff10-\uff19\u3000\s0-9A-Za-z]+$/, '読みはカタカナで書いてください'),
);

const nonEmpty = (message: string) => v.pipe(v.string(), v.trim(), v.minLength(1, message));
const nonEmptyList = <T extends v.GenericSchema>(item: T, message: string) =>
  v.pipe(v.array(item), v.minLength(1, message));

export const CostSchema = v.object({
  kind: v.picklist(['free', 'paid', 'unknown'] as const, '費用は free / paid / unknown のいずれかです'),
  note: v.optional(v.string()),
});

/** A figure the plan reports, kept in its words (e.g. 「令和4年度 延べ参加者数 1,234人」). */
export const UsageFigureSchema = v.object({
  label: nonEmpty('実績の項目名を書いてください'),
  value: v.optional(v.number()),
  unit: v.optional(v.string()),
  period: v.optional(v.string()),
});

export const ContactSchema = v.object({
  phone: v.optional(v.string()),
  url: v.optional(v.pipe(v.string(), v.url('URL の形が正しくありません'))),
  address: v.optional(v.string()),
});

const AgeSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120));

export const ResourceSchema = v.pipe(
  v.object({
    id: ResourceIdSchema,
    municipality: MunicipalityCodeSchema,
    name: nonEmpty('名称を書いてください'),
    /** Place, programme or service (offered to residents), or a role or meeting (never offered). */
    kind: KindSchema,
    reading: v.optional(KatakanaSchema),
    aliases: v.optional(v.array(v.string()), []),
    categories: nonEmptyList(CategorySchema, '分類を1つ以上書いてください'),
    /**
     * Whom the plan says it is for. Empty when the plan does not say: shown as 「計画に記載なし」
     * and never matched as open to anyone.
     */
    targets: v.array(TargetSchema),
    stages: nonEmptyList(StageSchema, '参加の段階を1つ以上書いてください'),
    description: v.optional(v.string()),
    /** 実施主体 / 委託先. */
    operator: v.optional(v.string()),
    operation: v.optional(OperationSchema),
    /** 担当課. */
    department: v.optional(v.string()),
    /** e.g. 社会福祉法第106条の4第2項第3号, only where the plan says. */
    legalBasis: v.optional(v.string()),
    district: v.optional(v.string()),
    location: LocationSchema,
    schedule: ScheduleSchema,
    cost: v.optional(CostSchema, { kind: 'unknown' }),
    /** For entries the plan gives only as a number of places. */
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, '箇所数は1以上です'))),
    status: StatusSchema,
    usage: v.optional(v.array(UsageFigureSchema), []),
    ageMin: v.optional(AgeSchema),
    ageMax: v.optional(AgeSchema),
    features: v.optional(v.array(FeatureSchema), []),
    /** Activities and interests the plan mentions (農作業, 手芸, ロコトレ…). */
    tags: v.optional(v.array(v.string()), []),
    contact: v.optional(ContactSchema),
    notes: v.optional(v.string()),
    source: SourceSchema,
    /**
     * Ids of entries merged into this one. Ids are permanent URLs: a former id keeps
     * answering with this resource.
     */
    formerIds: v.optional(v.array(ResourceIdSchema)),
    verifiedAt: v.pipe(v.string(), v.isoDate('確認日は YYYY-MM-DD で書いてください')),
  }),
  v.forward(
    v.check(
      (r) => r.ageMin === undefined || r.ageMax === undefined || r.ageMin <= r.ageMax,
      '年齢の下限は上限以下にしてください',
    ),
    ['ageMax'],
  ),
  v.forward(
    v.check((r) => r.id.startsWith(`${r.municipality}-`), 'ID は団体コードで始めてください'),
    ['id'],
  ),
  v.forward(
    v.check((r) => !r.formerIds?.includes(r.id), '以前の ID に自分の ID は書けません'),
    ['formerIds'],
  ),
  v.forward(
    v.check(
      (r) => r.location.outside === undefined || r.location.outside.municipality !== r.municipality,
      '市外の場所に、この資源と同じ団体コードは書けません',
    ),
    ['location'],
  ),
);

export type Resource = v.InferOutput<typeof ResourceSchema>;
export type ResourceInput = v.InferInput<typeof ResourceSchema>;
export type Cost = v.InferOutput<typeof CostSchema>;
export type UsageFigure = v.InferOutput<typeof UsageFigureSchema>;
