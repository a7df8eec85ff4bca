import * as v from 'valibot';
import { PointSchema } from '../location/schema.ts';
import { MunicipalityCodeSchema } from '../municipality/schema.ts';
import { NeedsProfileSchema } from './schema.ts';
import { RelationSchema } from '../case/schema.ts';

/** The most members a household request may carry (重層的支援 cases rarely have more). */
export const MAX_HOUSEHOLD_MEMBERS = 6;

/**
 * One member (relation codes as in cases, data/src/case/schema.ts): the same needs as a single person, without what the household shares
 * (municipality, home, district) and without a result limit of its own.
 */
export const HouseholdMemberSchema = v.object({
  relation: RelationSchema,
  ...v.omit(NeedsProfileSchema, ['municipality', 'home', 'district', 'limit']).entries,
});

export const HouseholdProfileSchema = v.object({
  municipality: MunicipalityCodeSchema,
  home: v.optional(PointSchema),
  district: v.optional(v.string()),
  members: v.pipe(
    v.array(HouseholdMemberSchema),
    v.minLength(1, '世帯の人を1人以上入れてください'),
    v.maxLength(MAX_HOUSEHOLD_MEMBERS, `世帯の人は${MAX_HOUSEHOLD_MEMBERS}人までです`),
  ),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20)), 5),
});

export type HouseholdMember = v.InferOutput<typeof HouseholdMemberSchema>;
export type HouseholdProfile = v.InferOutput<typeof HouseholdProfileSchema>;
export type HouseholdProfileInput = v.InferInput<typeof HouseholdProfileSchema>;
