import * as v from 'valibot';
import { CategorySchema, DaySchema, StageSchema, TargetSchema } from '../taxonomy/codes.ts';
import { PointSchema } from '../location/schema.ts';
import { MunicipalityCodeSchema } from '../municipality/schema.ts';
import { TimeSchema, toMinutes } from '../schedule/schema.ts';

export const AvailabilitySlotSchema = v.pipe(
  v.object({ day: DaySchema, from: TimeSchema, to: TimeSchema }),
  v.check((s) => toMinutes(s.from) < toMinutes(s.to), '空いている時間の終わりは始まりより後にしてください'),
);

export const NeedsFlagsSchema = v.object({
  free: v.optional(v.boolean(), false),
  wheelchair: v.optional(v.boolean(), false),
  peerSupport: v.optional(v.boolean(), false),
  smallGroup: v.optional(v.boolean(), false),
  withChild: v.optional(v.boolean(), false),
});

/**
 * What a coordinator knows of a participant's needs. Deliberately holds no name or
 * contact: it is 要配慮個人情報 and is never stored or logged by matching.
 */
export const NeedsProfileSchema = v.object({
  municipality: MunicipalityCodeSchema,
  home: v.optional(PointSchema),
  district: v.optional(v.string()),
  maxTravelKm: v.optional(
    v.pipe(v.number(), v.minValue(0.5), v.maxValue(100, '移動距離は100km以内で指定してください')),
    10,
  ),
  age: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(120, '年齢は0〜120で指定してください'))),
  situations: v.optional(v.array(TargetSchema), []),
  /**
   * The situation of someone this person looks after (a parent with dementia, a son with a
   * disability): a carer is also served by what serves that person.
   */
  caresFor: v.optional(v.array(TargetSchema), []),
  wants: v.optional(v.array(CategorySchema), []),
  stage: v.optional(StageSchema, 1),
  availability: v.optional(v.array(AvailabilitySlotSchema), []),
  interests: v.optional(v.array(v.pipe(v.string(), v.maxLength(40))), []),
  needs: v.optional(NeedsFlagsSchema, {}),
  /** Coordination bodies are not a next step for a person; include them only on request. */
  includeCoordination: v.optional(v.boolean(), false),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50)), 10),
});

export type AvailabilitySlot = v.InferOutput<typeof AvailabilitySlotSchema>;
export type NeedsFlags = v.InferOutput<typeof NeedsFlagsSchema>;
export type NeedsProfile = v.InferOutput<typeof NeedsProfileSchema>;
export type NeedsProfileInput = v.InferInput<typeof NeedsProfileSchema>;
