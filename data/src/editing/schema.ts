import * as v from 'valibot';
import { ContactSchema, ResourceSchema } from '../resource/schema.ts';
import { ScheduleSchema } from '../schedule/schema.ts';

/**
 * Staff save the whole record (checked against ResourceSchema field by field); `version` is
 * what they loaded, so a concurrent save is caught. `suggestion` names the resident's note
 * this save puts into the record, so the note is accepted with it.
 */
export const ResourceEditSchema = v.object({
  resource: v.record(v.string(), v.unknown()),
  version: v.string('版を指定してください'),
  suggestion: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

/** What a host may change about their own resource. */
export const HostChangeSchema = v.object({
  changes: v.object({
    schedule: v.optional(ScheduleSchema),
    contact: v.optional(ContactSchema),
    description: v.optional(v.pipe(v.string(), v.maxLength(2000, '説明は2000文字までです'))),
  }),
  version: v.string('版を指定してください'),
});

export const RetireSchema = v.object({
  reason: v.pipe(v.string('理由を書いてください'), v.trim(), v.minLength(1, '理由を書いてください'), v.maxLength(500)),
});

/** A resident's note: no name or contact is asked for; `website` is a trap field for bots. */
export const SuggestionSchema = v.object({
  message: v.pipe(
    v.string('内容を書いてください'),
    v.trim(),
    v.minLength(5, 'どこがちがうかを5文字以上で書いてください'),
    v.maxLength(1000, '1000文字までで書いてください'),
  ),
  website: v.optional(v.string()),
});

export const ReviewDecisionSchema = v.object({
  decision: v.picklist(['accept', 'dismiss'], '採用か見送りかを選んでください'),
  reason: v.optional(v.pipe(v.string(), v.maxLength(500))),
});

export const ConflictDecisionSchema = v.object({
  keep: v.picklist(['staff', 'plan'], '職員の値か計画の値かを選んでください'),
});

export const FieldChangeSchema = v.object({ field: v.string(), old: v.unknown(), new: v.unknown() });
export type FieldChange = v.InferOutput<typeof FieldChangeSchema>;

export const HistoryEntrySchema = v.object({
  id: v.number(),
  at: v.string(),
  actorName: v.nullable(v.string()),
  kind: v.picklist(['edit', 'create', 'retire', 'suggestion', 'host_change', 'conflict']),
  changes: v.array(FieldChangeSchema),
});
export type HistoryEntry = v.InferOutput<typeof HistoryEntrySchema>;

/** GET /api/resources/{id}/edit: the record, its version for optimistic locking, and its history. */
export const EditableResourceSchema = v.object({
  resource: ResourceSchema,
  version: v.string(),
  history: v.array(HistoryEntrySchema),
});
/** A staff save: the record as saved and what changed, field by field. */
export const StaffEditResultSchema = v.object({ resource: ResourceSchema, changes: v.array(FieldChangeSchema) });
/** A host's change: published at once (with the record) or waiting for staff. */
export const HostChangeResultSchema = v.object({ published: v.boolean(), resource: v.optional(ResourceSchema) });

export const historyKindLabels: Record<HistoryEntry['kind'], string> = {
  edit: '職員の編集',
  create: '職員が追加',
  retire: '終了にした',
  suggestion: '住民の知らせを反映',
  host_change: '受け入れ先の変更を採用',
  conflict: '計画との競合を解決',
};

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep the order a form sent. */
const canonical = (value: unknown): string =>
  JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Top-level fields whose values differ, in a stable order. */
export function diffResource(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => canonical(before[f]) !== canonical(after[f]))
    .map((f) => ({ field: f, old: before[f] ?? null, new: after[f] ?? null }));
}

/** Japanese names of a resource's fields, for the history and conflict lists. */
export const resourceFieldLabels: Record<string, string> = {
  name: '名称',
  reading: '読み',
  aliases: '別名',
  categories: '分類',
  targets: '対象',
  stages: '参加の段階',
  description: '説明',
  operator: '実施主体・委託先',
  operation: '運営形態',
  department: '担当課',
  legalBasis: '法令の根拠',
  district: '地区',
  location: '位置',
  schedule: '開いている日時',
  cost: '費用',
  count: '箇所数',
  status: '状態',
  usage: '実績',
  ageMin: '年齢の下限',
  ageMax: '年齢の上限',
  features: '特徴',
  tags: '活動・興味のことば',
  contact: '問い合わせ先',
  notes: 'メモ',
  source: '出典',
  verifiedAt: '確認した日',
};

/** Per-municipality choices staff make, as read back with their defaults filled in. */
export const MunicipalitySettingsSchema = v.object({
  hostChangesPublishDirectly: v.boolean('公開のしかたを選んでください'),
  /** Years a closed case is kept before it is anonymized (default 5). */
  retentionYears: v.pipe(
    v.number('保存する年数を数字で書いてください'),
    v.integer('保存する年数は整数で書いてください'),
    v.minValue(1, '保存する年数は1年以上です'),
    v.maxValue(30, '保存する年数は30年までです'),
  ),
  /** Days after 参加開始 when the coordinator checks in (default 14, 30, 90). */
  followupDays: v.pipe(
    v.array(
      v.pipe(
        v.number('確認の日を数字で書いてください'),
        v.integer('確認の日は整数で書いてください'),
        v.minValue(1, '確認の日は1日後以降です'),
        v.maxValue(730, '確認の日は730日後までです'),
      ),
    ),
    v.minLength(1, '確認の予定を1回以上入れてください'),
    v.maxLength(10, '確認の予定は10回までです'),
  ),
});
/** A change to some of the settings; what is left out stays as it was. */
export const MunicipalitySettingsPatchSchema = v.partial(MunicipalitySettingsSchema);
export type MunicipalitySettings = v.InferOutput<typeof MunicipalitySettingsSchema>;
export type MunicipalitySettingsPatch = v.InferOutput<typeof MunicipalitySettingsPatchSchema>;

/** A resident's note or a host's proposed change, waiting in the review queue. */
export const SuggestionItemSchema = v.object({
  id: v.number(),
  resourceId: v.string(),
  resourceName: v.string(),
  kind: v.picklist(['resident', 'host']),
  message: v.nullable(v.string()),
  patch: v.nullable(v.record(v.string(), v.unknown())),
  /** The record's present values of the fields a host's change touches, to compare. */
  current: v.optional(v.record(v.string(), v.unknown())),
  createdAt: v.string(),
});
export type SuggestionItem = v.InferOutput<typeof SuggestionItemSchema>;

/** A field where a re-import met a staff edit: the staff value was kept until someone decides. */
export const ConflictItemSchema = v.object({
  id: v.number(),
  resourceId: v.string(),
  resourceName: v.string(),
  field: v.string(),
  staff: v.unknown(),
  plan: v.unknown(),
  detectedAt: v.string(),
});
export type ConflictItem = v.InferOutput<typeof ConflictItemSchema>;
