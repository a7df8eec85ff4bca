import type { MatchFactorName } from '@norishiro/data';

/** The one place the factor weights live. They sum to 1 so a score stays in [0, 1]. */
export const WEIGHTS: Record<MatchFactorName, number> = {
  stage: 0.2,
  schedule: 0.18,
  distance: 0.17,
  target: 0.15,
  category: 0.15,
  interest: 0.08,
  needs: 0.07,
};

/** A result at or above this score counts as a good fit. */
export const GOOD_SCORE = 0.6;
/** Fewer good fits than this and the response flags a suspected resource gap. */
export const MIN_GOOD_RESULTS = 3;
/** How many candidates Meilisearch hands to scoring. */
export const CANDIDATE_LIMIT = 200;
/** A resource not yet open still shows, a little lower. */
export const PLANNED_FACTOR = 0.9;
