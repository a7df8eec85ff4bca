import { ResourceSummarySchema, type ResourceSummary } from '@norishiro/data';
import type { MatchContext } from '../context.ts';

/**
 * Candidates arrive as result summaries plus their distance. Parsing 200 whole documents
 * costs more than scoring them (stack notes), so search-only fields are never fetched.
 */
export const SUMMARY_FIELDS = Object.keys(ResourceSummarySchema.entries) as (keyof ResourceSummary)[];

export interface Candidate extends ResourceSummary {
  distanceKm: number;
}

export interface FactorResult {
  /** Fit in [0, 1]; 0.5 means "nothing known either way". */
  value: number;
  reason: string;
}

export type Factor = (doc: Candidate, ctx: MatchContext) => FactorResult;

export const NEUTRAL = 0.5;
