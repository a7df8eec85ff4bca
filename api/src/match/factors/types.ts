import type { SearchDocument } from '@norishiro/data';
import type { MatchContext } from '../context.ts';

export interface Candidate extends SearchDocument {
  distanceKm: number;
}

export interface FactorResult {
  /** Fit in [0, 1]; 0.5 means "nothing known either way". */
  value: number;
  reason: string;
}

export type Factor = (doc: Candidate, ctx: MatchContext) => FactorResult;

export const NEUTRAL = 0.5;
