import * as v from 'valibot';
import { SearchDocumentSchema } from '../search/document.ts';
import { RelationSchema } from '../case/schema.ts';

/** A search document without the fields that exist only to be searched. */
export const ResourceSummarySchema = v.omit(SearchDocumentSchema, ['readings', 'variants']);
export type ResourceSummary = v.InferOutput<typeof ResourceSummarySchema>;

/**
 * What a match result needs to be shown, placed on the map and told apart: the whole record
 * is one click away at /api/resources/:id. Ten results of the full summary were most of the
 * answer's bytes, which both ends pay to write and read on every match.
 */
export const MATCH_RESOURCE_FIELDS = [
  'id',
  'municipality',
  'municipalityName',
  'name',
  'kind',
  'categories',
  'targets',
  'stages',
  'district',
  'scheduleKnown',
  'scheduleSummary',
  'status',
  'precision',
  '_geo',
  'outside',
] as const satisfies readonly (keyof ResourceSummary)[];

export const MatchResourceSchema = v.pick(ResourceSummarySchema, MATCH_RESOURCE_FIELDS);
export type MatchResource = v.InferOutput<typeof MatchResourceSchema>;

export const MatchFactorNameSchema = v.picklist([
  'distance',
  'schedule',
  'target',
  'stage',
  'category',
  'interest',
  'needs',
] as const);

export const MatchFactorSchema = v.object({
  factor: MatchFactorNameSchema,
  weight: v.number(),
  /** How well this factor fits, in [0, 1]. */
  value: v.number(),
  /** A short Japanese sentence a coordinator can read aloud. */
  reason: v.string(),
});

export const MatchResultSchema = v.object({
  resource: MatchResourceSchema,
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  /** 1-based; results with equal scores share a rank and are shown as equal (同点). */
  rank: v.number(),
  /** Absent when the person gave no location or the resource's place is unknown. */
  distanceKm: v.optional(v.number()),
  planned: v.boolean(),
  factors: v.array(MatchFactorSchema),
});

export const MatchGapSchema = v.object({
  suspected: v.boolean(),
  /** What is missing in one sentence the 構築会議 can use, or how many resources fit. */
  summary: v.string(),
  /** The rule the signal follows, in a coordinator's words, shown beside the summary. */
  rule: v.string(),
  /** Which factor failed: no host near, no opening at those times, nothing for that situation… */
  missing: v.array(v.object({ factor: MatchFactorNameSchema, message: v.string() })),
});

export const MatchResponseSchema = v.object({
  results: v.array(MatchResultSchema),
  considered: v.number(),
  gap: MatchGapSchema,
});

export type MatchFactorName = v.InferOutput<typeof MatchFactorNameSchema>;
export type MatchFactor = v.InferOutput<typeof MatchFactorSchema>;
export type MatchResult = v.InferOutput<typeof MatchResultSchema>;
export type MatchGap = v.InferOutput<typeof MatchGapSchema>;
export type MatchResponse = v.InferOutput<typeof MatchResponseSchema>;

export const HouseholdMemberResultSchema = v.object({
  /** Position of the member in the request, so the desk can put answers side by side. */
  member: v.number(),
  relation: RelationSchema,
  results: v.array(MatchResultSchema),
  considered: v.number(),
  gap: MatchGapSchema,
});

export const SharedResultSchema = v.object({
  resource: MatchResourceSchema,
  /** The members (positions in the request) this resource is among the results of. */
  members: v.array(v.number()),
  distanceKm: v.optional(v.number()),
  /** A short Japanese sentence: whom it serves and why. */
  reason: v.string(),
});

export const HouseholdMatchResponseSchema = v.object({
  members: v.array(HouseholdMemberResultSchema),
  /** Resources that serve two or more members: one visit, several needs. */
  shared: v.array(SharedResultSchema),
  /** The household's combined gap: every member's missing things, named per member. */
  gap: MatchGapSchema,
});

export type HouseholdMemberResult = v.InferOutput<typeof HouseholdMemberResultSchema>;
export type SharedResult = v.InferOutput<typeof SharedResultSchema>;
export type HouseholdMatchResponse = v.InferOutput<typeof HouseholdMatchResponseSchema>;
