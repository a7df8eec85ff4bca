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

/**
 * A place known to be closed whenever the person is free cannot be the next step this week:
 * it keeps this share of its score (unknown hours keep all of it).
 */
export const KNOWN_CLOSED_FACTOR = 0.55;

/** A resource not yet open (開設予定・検討中) still shows, lower, and never as open. */
export const NOT_OPEN_FACTOR = 0.8;

/**
 * How many candidates Meilisearch hands to scoring: more than any city's whole directory
 * after the target filter (伊豆市, the largest, has 57 resources), so the gap rule sees all.
 */
export const CANDIDATE_LIMIT = 60;
