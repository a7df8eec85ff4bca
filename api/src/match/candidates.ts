import { distanceKm, type Point } from '@norishiro/data';
import type { MatchContext } from './context.ts';
import { CANDIDATE_FIELDS, INTEREST_FIELDS, type Candidate } from './factors/index.ts';
import { CANDIDATE_LIMIT } from './weights.ts';
import { PUBLIC_STATUS_FILTER, quote } from '../resources/search-params.ts';

const EARTH_RADIUS_KM = 6371;
/** Meilisearch and we may measure the same arc a few metres apart; the box errs wide. */
const BOX_MARGIN = 1.01;

const geoRadius = ({ lat, lng }: Point, km: number) => `_geoRadius(${lat}, ${lng}, ${Math.round(km * 1000)})`;

/**
 * Meilisearch's filter for "within r of a point", as the box around the circle: over 100,000
 * documents Meilisearch spent about 4 ms of CPU on `_geoRadius` alone and 0.4 ms on the box
 * (a whole match query, 9 ms against 2.4 ms). withinReach drops the box's corners. A box that
 * would cross a pole or the antimeridian falls back to the radius.
 */
export function reachBox({ lat, lng }: Point, km: number): string {
  const arc = (km * BOX_MARGIN) / EARTH_RADIUS_KM;
  const dLat = (arc * 180) / Math.PI;
  const cosLat = Math.cos((lat * Math.PI) / 180);
  const dLng = Math.sin(arc) < cosLat ? (Math.asin(Math.sin(arc) / cosLat) * 180) / Math.PI : Infinity;
  const [top, bottom, right, left] = [lat + dLat, lat - dLat, lng + dLng, lng - dLng];
  if (top > 90 || bottom < -90 || right > 180 || left < -180) return geoRadius({ lat, lng }, km);
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return `_geoBoundingBox([${r6(top)}, ${r6(right)}], [${r6(bottom)}, ${r6(left)}])`;
}

/**
 * Hard constraints, applied by Meilisearch: public status, the person's city or their reach
 * from a known home, a target that fits the person, someone they care for, or anyone, age
 * limits, and no coordination bodies unless asked. Reach is sent as the box around the circle
 * (withinReach then keeps the circle); `radius` writes it as a plain client would, with
 * Meilisearch's own `_geoRadius`, for the tests and the bench that compare the two.
 */
export function candidateFilter(ctx: MatchContext, reach: 'box' | 'radius' = 'box'): string[] {
  const { profile, origin } = ctx;
  const inCity = `municipality = ${quote(profile.municipality)}`;
  const around = reach === 'box' ? reachBox : geoRadius;
  const filters = [
    PUBLIC_STATUS_FILTER,
    origin ? `(${inCity} OR ${around(origin, profile.maxTravelKm)})` : inCity,
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

/** In the person's city, or within their travel distance of a known home. */
export function withinReach(doc: Pick<Candidate, 'municipality' | '_geo'>, ctx: MatchContext): boolean {
  const { profile, origin } = ctx;
  if (doc.municipality === profile.municipality || !origin) return true;
  return doc._geo !== undefined && distanceKm(origin, doc._geo) <= profile.maxTravelKm;
}

const WITH_INTEREST_FIELDS: readonly string[] = [...CANDIDATE_FIELDS, ...INTEREST_FIELDS];

/** The one Meilisearch query a match makes: hard constraints, nearest first, what scoring and display read. */
export function candidateQuery(ctx: MatchContext) {
  const { origin } = ctx;
  return {
    filter: candidateFilter(ctx),
    limit: CANDIDATE_LIMIT,
    ...(origin ? { sort: [`_geoPoint(${origin.lat}, ${origin.lng}):asc`] } : {}),
    attributesToRetrieve: ctx.interests.length > 0 ? WITH_INTEREST_FIELDS : CANDIDATE_FIELDS,
  };
}
