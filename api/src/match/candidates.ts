import type { MatchContext } from './context.ts';
import { PUBLIC_STATUS_FILTER, quote } from '../resources/search-params.ts';

/**
 * Hard constraints, applied by Meilisearch: public status, the person's city (or within reach
 * of a known home), a target that fits the person, someone they care for, or anyone, age
 * limits, and no coordination bodies unless asked.
 */
export function candidateFilter(ctx: MatchContext): string[] {
  const { profile, origin } = ctx;
  const inCity = `municipality = ${quote(profile.municipality)}`;
  const filters = [
    PUBLIC_STATUS_FILTER,
    origin
      ? `(${inCity} OR _geoRadius(${origin.lat}, ${origin.lng}, ${Math.round(profile.maxTravelKm * 1000)}))`
      : inCity,
    // A plan that does not say whom a place is for leaves it open to ask about (scored low in target.ts).
    `(targets IN [${[...ctx.reach, 'anyone'].map(quote).join(', ')}] OR targets IS EMPTY)`,
  ];
  if (profile.age !== undefined) {
    filters.push(`(ageMin NOT EXISTS OR ageMin <= ${profile.age})`, `(ageMax NOT EXISTS OR ageMax >= ${profile.age})`);
  }
  if (!profile.includeCoordination && !profile.wants.includes('coordination'))
    filters.push('NOT categories = "coordination"');
  return filters;
}
