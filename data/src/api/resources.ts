import * as v from 'valibot';
import { CategorySchema, DaySchema, StageSchema, TargetSchema } from '../taxonomy/codes.ts';
import { MunicipalityCodeSchema, MunicipalitySchema } from '../municipality/schema.ts';
import { ResourceSchema } from '../resource/schema.ts';
import { PlanSchema } from '../source/plans.ts';
import { TimeSchema } from '../schedule/schema.ts';
import { SearchDocumentSchema } from '../search/document.ts';
import { normalizeText } from '../text/kana.ts';

/** Query strings arrive as text: a comma list or repeated keys become arrays. */
const list = <T extends v.GenericSchema<string, unknown>>(item: T) =>
  v.pipe(
    v.union([v.string(), v.array(v.string())]),
    v.transform((x) => (Array.isArray(x) ? x : [x]).flatMap((s) => s.split(',')).filter(Boolean)),
    v.array(item),
  );
/** Resource.kind values (data contract): 場所 / 事業・活動 / 相談・支援 / 役割（人） / 会議. */
const RESOURCE_KINDS = ['place', 'programme', 'service', 'role', 'meeting'] as const;

const int = (min: number, max: number, message: string) =>
  v.pipe(
    v.string(),
    v.regex(/^\d+$/, message),
    v.transform(Number),
    v.number(),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
const num = (message: string) => v.pipe(v.string(), v.transform(Number), v.number(message), v.finite(message));

export const ResourceQuerySchema = v.object({
  /** NFKC-folded like the index, so half-width ｲﾊﾞｼｮ finds 居場所's reading. */
  q: v.optional(v.pipe(v.string(), v.maxLength(200, '検索語は200文字以内にしてください'), v.transform(normalizeText))),
  municipality: v.optional(MunicipalityCodeSchema),
  district: v.optional(v.string()),
  category: v.optional(list(CategorySchema)),
  target: v.optional(list(TargetSchema)),
  stage: v.optional(list(v.pipe(v.string(), v.transform(Number), StageSchema))),
  day: v.optional(list(DaySchema)),
  /** Open at this time on `day` (or on any day when no day is given). */
  openAt: v.optional(TimeSchema),
  free: v.optional(v.picklist(['true', 'false'] as const, 'free は true か false です')),
  near: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'near は「緯度,経度」の形で指定してください'),
      v.transform((s) => {
        const [lat, lng] = s.split(',').map(Number);
        return { lat: lat!, lng: lng! };
      }),
      v.check(
        (p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180,
        'near の緯度は -90〜90、経度は -180〜180 で指定してください',
      ),
    ),
  ),
  radiusKm: v.optional(
    v.pipe(
      num('radiusKm は数値で指定してください'),
      v.minValue(0.1, 'radiusKm は0.1以上です'),
      v.maxValue(500, 'radiusKm は500以下です'),
    ),
  ),
  includeCoordination: v.optional(v.picklist(['true', 'false'] as const)),
  /**
   * `true`: day, time and cost filters keep only what the plan confirms. Otherwise entries
   * whose day, time or cost is unknown stay in the list after the confirmed ones.
   */
  confirmed: v.optional(v.picklist(['true', 'false'] as const, 'confirmed は true か false です')),
  /** Kinds of resource (Resource.kind); an entry without a kind counts as a place. */
  kind: v.optional(list(v.picklist(RESOURCE_KINDS, '種類コードが正しくありません'))),
  page: v.optional(int(1, 1000, 'page は1以上の整数です'), '1'),
  perPage: v.optional(int(1, 100, 'perPage は1〜100の整数です'), '20'),
});

export type ResourceQuery = v.InferOutput<typeof ResourceQuerySchema>;

/** What a filter asked about that the plan does not say for this entry (「曜日は要確認」). */
export const UnconfirmedSchema = v.picklist(['day', 'time', 'cost'] as const);
export type Unconfirmed = v.InferOutput<typeof UnconfirmedSchema>;

export const ResourceHitSchema = v.object({
  ...SearchDocumentSchema.entries,
  /** Present when `near` was given. */
  distanceKm: v.optional(v.number()),
  /** Filters this entry passed only because the plan does not say (sorted after confirmed ones). */
  unconfirmed: v.optional(v.array(UnconfirmedSchema)),
});

export const ResourceListSchema = v.object({
  hits: v.array(ResourceHitSchema),
  total: v.number(),
  page: v.number(),
  perPage: v.number(),
  totalPages: v.number(),
  facets: v.record(v.string(), v.record(v.string(), v.number())),
});

export type ResourceHit = v.InferOutput<typeof ResourceHitSchema>;
export type ResourceList = v.InferOutput<typeof ResourceListSchema>;

/** One resource's public page: the entry, its municipality, and the plan it was read from. */
export const ResourceDetailSchema = v.object({
  resource: ResourceSchema,
  municipality: MunicipalitySchema,
  /** The plan's title and when it was written; absent for entries from other sources. */
  plan: v.optional(v.pick(PlanSchema, ['title', 'period'])),
  /** Set when the id asked for was merged into this resource: the old id it answered for. */
  mergedFrom: v.optional(v.string()),
});

export type ResourceDetail = v.InferOutput<typeof ResourceDetailSchema>;
