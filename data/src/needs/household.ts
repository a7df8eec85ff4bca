import * as v from 'valibot';
import type { Label } from '../taxonomy/codes.ts';
import { PointSchema } from '../location/schema.ts';
import { MunicipalityCodeSchema } from '../municipality/schema.ts';
import { NeedsProfileSchema } from './schema.ts';

export const relationLabels = {
  self: { ja: '本人', en: 'The person' },
  spouse: { ja: '配偶者', en: 'Spouse or partner' },
  parent: { ja: '親', en: 'Parent' },
  child: { ja: '子', en: 'Child' },
  sibling: { ja: 'きょうだい', en: 'Sibling' },
  grandparent: { ja: '祖父母', en: 'Grandparent' },
  grandchild: { ja: '孫', en: 'Grandchild' },
  other: { ja: 'その他の同居人', en: 'Other household member' },
} as const satisfies Record<string, Label>;

export const RelationSchema = v.picklist(
  Object.keys(relationLabels) as [keyof typeof relationLabels, ...(keyof typeof relationLabels)[]],
  '続柄コードが正しくありません',
);

/** The most members a household request may carry (重層的支援 cases rarely have more). */
export const MAX_HOUSEHOLD_MEMBERS = 6;

/**
 * One member: the same needs as a single person, without what the household shares
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

export type Relation = v.InferOutput<typeof RelationSchema>;
export type HouseholdMember = v.InferOutput<typeof HouseholdMemberSchema>;
export type HouseholdProfile = v.InferOutput<typeof HouseholdProfileSchema>;
export type HouseholdProfileInput = v.InferInput<typeof HouseholdProfileSchema>;
