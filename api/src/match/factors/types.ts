import { MATCH_RESOURCE_FIELDS, type ResourceSummary } from '@norishiro/data';
import type { MatchContext } from '../context.ts';

/** The interest factor reads what the plan says of a resource; nothing else needs the text. */
export const INTEREST_FIELDS = ['reading', 'aliases', 'description', 'tags', 'categoryLabels'] as const;

/**
 * What scoring and a shown result read, and nothing more: each field fetched is paid for
 * three times (Meilisearch writes it, we parse it, we drop it), sixty candidates a match.
 */
export const CANDIDATE_FIELDS = [
  ...MATCH_RESOURCE_FIELDS,
  'days',
  'openHours',
  'cost',
  'features',
] as const satisfies readonly (keyof ResourceSummary)[];

type CandidateField = (typeof CANDIDATE_FIELDS)[number];
type InterestField = (typeof INTEREST_FIELDS)[number];

/** A candidate as fetched: the interest text only when the person named interests. */
export interface Candidate
  extends Pick<ResourceSummary, CandidateField>, Partial<Pick<ResourceSummary, InterestField>> {
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
const contract = (doc: Candidate) => doc as Candidate & ContractFields;

export const kindOf = (doc: Candidate) => contract(doc).kind;
export const outsideOf = (doc: Candidate) => contract(doc).outside;

/** Only places, programmes and services are a next step for a person; roles and meetings are not. */
export const isOffered = (doc: Candidate) => {
  const kind = kindOf(doc);
  return kind === undefined || kind === 'place' || kind === 'programme' || kind === 'service';
};

/** Open now: not planned, not under consideration. */
export const isOpen = (doc: Candidate) => doc.status === 'active';

/** The place is known well enough to measure a distance to (not a city-hall stand-in). */
export const isLocated = (doc: Candidate) =>
  (doc.precision === 'address' || doc.precision === 'district') &&
  outsideOf(doc) === undefined &&
  doc._geo !== undefined;
