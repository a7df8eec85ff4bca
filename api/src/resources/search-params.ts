import type { ResourceQuery } from '@norishiro/data';

/** Only what residents may see: resources that run or will run. */
export const PUBLIC_STATUS_FILTER = 'status IN [active, planned, considering]';
export const FACETS = ['categories', 'targets', 'stages', 'days', 'district', 'cost'] as const;

/** Meilisearch filter values are quoted, so any text a user sends stays a value. */
export const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const inList = (field: string, values: readonly (string | number)[]) =>
  `${field} IN [${values.map((x) => (typeof x === 'number' ? String(x) : quote(x))).join(', ')}]`;

/** Filters shared by the listing and the proxy; a pure function of the query. */
export function resourceFilters(q: ResourceQuery): string[] {
  const filters = [PUBLIC_STATUS_FILTER];
  if (q.municipality) filters.push(`municipality = ${quote(q.municipality)}`);
  if (q.district) filters.push(`district = ${quote(q.district)}`);
  if (q.category?.length) filters.push(inList('categories', q.category));
  else if (q.includeCoordination !== 'true') filters.push('NOT categories = "coordination"');
  // A place open to anyone is also a place for each group.
  if (q.target?.length) filters.push(inList('targets', [...q.target, 'anyone']));
  if (q.stage?.length) filters.push(inList('stages', q.stage));
  if (q.openAt) {
    const hour = q.openAt.slice(0, 2);
    const days = q.day?.length ? q.day : ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
    filters.push(
      inList(
        'openHours',
        days.map((d) => `${d}-${hour}`),
      ),
    );
  } else if (q.day?.length) filters.push(inList('days', q.day));
  if (q.free === 'true') filters.push('cost = "free"');
  if (q.near) filters.push(`_geoRadius(${q.near.lat}, ${q.near.lng}, ${Math.round((q.radiusKm ?? 10) * 1000)})`);
  return filters;
}

/** Kanji-only text would otherwise be segmented as Chinese (see stack notes). */
export const JAPANESE = { locales: ['jpn'] };

export function resourceSearchParams(q: ResourceQuery) {
  return {
    ...JAPANESE,
    filter: resourceFilters(q),
    facets: [...FACETS],
    page: q.page,
    hitsPerPage: q.perPage,
    sort: q.near ? [`_geoPoint(${q.near.lat}, ${q.near.lng}):asc`] : q.q ? undefined : ['name:asc'],
  };
}
