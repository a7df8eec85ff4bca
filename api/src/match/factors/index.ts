import type { MatchFactorName } from '@norishiro/data';
import { category } from './category.ts';
import { distance } from './distance.ts';
import { interest } from './interest.ts';
import { needs } from './needs.ts';
import { schedule } from './schedule.ts';
import { stage } from './stage.ts';
import { target } from './target.ts';
import type { Factor } from './types.ts';

export const FACTORS: Record<MatchFactorName, Factor> = {
  distance,
  schedule,
  target,
  stage,
  category,
  interest,
  needs,
};
export { CANDIDATE_FIELDS, INTEREST_FIELDS, type Candidate, type Factor, type FactorResult } from './types.ts';
