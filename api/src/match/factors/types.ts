import { ResourceSummarySchema, type ResourceSummary } from '@norishiro/data';
import type { MatchContext } from '../context.ts';

/**
 * Candidates arrive as result summaries plus their distance. Parsing 200 whole documents
 * costs more than scoring them (stack notes), so search-only fields are never fetched.
 */
export const SUMMARY_FIELDS = Object.keys(ResourceSummarySchema.entries) as (keyof ResourceSummary)[];

export interface Candidate extends ResourceSummary {
  /** Kilometres from the person's origin; undefined when either end is unknown. */
  distanceKm?: number;
}

export interface FactorResult {
  /** Fit in [0, 1]; 0.5 means "nothing known either way". */
  value: number;
  reason: string;
}

export type Factor = (doc: Candidate, ctx: MatchContext) => FactorResult;

export const NEUTRAL = 0.5;

/**
 * Fields of the data contract the inventories carry as they adopt it (kind of resource,
 * places outside the city). Read through here so matching works before and after.
 */
interface ContractFields {
  kind?: 'place' | 'programme' | 'service' | 'role' | 'meeting';
  outside?: { municipality?: string; name: string };
}
const contract = (doc: ResourceSummary) => doc as ResourceSummary & ContractFields;

export const kindOf = (doc: ResourceSummary) => contract(doc).kind;
export const outsideOf = (doc: ResourceSummary) => contract(doc).outside;

/** Only places, programmes and services are a next step for a person; roles and meetings are not. */
export const isOffered = (doc: ResourceSummary) => {
  const kind = kindOf(doc);
  return kind === undefined || kind === 'place' || kind === 'programme' || kind === 'service';
};

/** Open now: not planned, not under consideration. */
export const isOpen = (doc: ResourceSummary) => doc.status === 'active';

/** The place is known well enough to measure a distance to (not a city-hall stand-in). */
export const isLocated = (doc: ResourceSummary) =>
  (doc.precision === 'address' || doc.precision === 'district') &&
  outsideOf(doc) === undefined &&
  doc._geo !== undefined;
