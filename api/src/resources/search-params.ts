import type { ResourceQuery, Unconfirmed } from '@norishiro/data';

/** Only what residents may see: resources that run or will run. */
export const PUBLIC_STATUS_FILTER = 'status IN [active, planned, considering]';
export const FACETS = ['municipality', 'categories', 'targets', 'stages', 'days', 'district', 'cost'] as const;

/** Meilisearch filter values are quoted, so any text a user sends stays a value. */
export const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const inList = (field: string, values: readonly (string | number)[]) =>
  `${field} IN [${values.map((x) => (typeof x === 'number' ? String(x) : quote(x))).join(', ')}]`;

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const OTHER_KINDS = ['programme', 'service', 'role', 'meeting'] as const;

/** Filters on what is always known about an entry (city, category, who it is for…). */
export function baseFilters(q: ResourceQuery): string[] {
  const filters = [PUBLIC_STATUS_FILTER];
  if (q.municipality) filters.push(`municipality = ${quote(q.municipality)}`);
  if (q.district) filters.push(`district = ${quote(q.district)}`);
  if (q.category?.length) filters.push(inList('categories', q.category));
  else if (q.includeCoordination !== 'true') filters.push('NOT categories = "coordination"');
  // A place open to anyone is also a place for each group.
  if (q.target?.length) filters.push(inList('targets', [...q.target, 'anyone']));
  if (q.stage?.length) filters.push(inList('stages', q.stage));
  if (q.kind?.length) {
    // An entry the inventories have not given a kind yet counts as a place.
    const excluded = OTHER_KINDS.filter((k) => !q.kind!.includes(k));
    if (!q.kind.includes('place')) filters.push(inList('kind', q.kind));
    else if (excluded.length) filters.push(`NOT ${inList('kind', excluded)}`);
  }
  // Within a chosen city every entry counts, located or not; the radius is for "near me".
  if (q.near && !q.municipality)
    filters.push(`_geoRadius(${q.near.lat}, ${q.near.lng}, ${Math.round((q.radiusKm ?? 10) * 1000)})`);
  return filters;
}

/**
 * A filter on something the plan may not say (day, time, cost): `known` matches entries the
 * plan confirms, `unknown` those where the plan is silent. Unknown never means "no".
 */
export interface Uncertain {
  what: Unconfirmed;
  known: string;
  unknown: string;
}

export function uncertainFilters(q: ResourceQuery): Uncertain[] {
  const out: Uncertain[] = [];
  const days = q.day?.length ? q.day : undefined;
  if (q.openAt) {
    const hour = q.openAt.slice(0, 2);
    const keys = (days ?? ALL_DAYS).map((d) => `${d}-${hour}`);
    out.push({
      what: 'time',
      known: inList('openHours', keys),
      // Hours unknown: still a candidate unless its days are known and none is asked for.
      unknown: days ? `(openHours IS EMPTY AND (days IS EMPTY OR ${inList('days', days)}))` : 'openHours IS EMPTY',
    });
  } else if (days) {
    out.push({ what: 'day', known: inList('days', days), unknown: 'days IS EMPTY' });
  }
  if (q.free === 'true') out.push({ what: 'cost', known: 'cost = "free"', unknown: 'cost = "unknown"' });
  return out;
}

/** The entry is placed well enough to measure a distance to (not a city-hall stand-in). */
export const LOCATED = 'precision IN [address, district]';

/**
 * The list in the order a resident reads it, as disjoint filters: confirmed matches first,
 * then the ones the plan is silent on; near a point, located places before the rest.
 */
export function tierFilters(q: ResourceQuery): string[][] {
  const base = baseFilters(q);
  const uncertain = uncertainFilters(q);
  const known = uncertain.map((u) => u.known);
  const tiers: string[][] = [[...base, ...known]];
  if (uncertain.length && q.confirmed !== 'true') {
    const lenient = uncertain.map((u) => `(${u.known} OR ${u.unknown})`);
    tiers.push([...base, ...lenient, `(${uncertain.map((u) => u.unknown).join(' OR ')})`]);
  }
  if (!q.near) return tiers;
  return tiers.flatMap((t) => [
    [...t, LOCATED],
    [...t, `NOT ${LOCATED}`],
  ]);
}

/** Every entry of every tier: for totals and facet counts. */
export function unionFilter(q: ResourceQuery): string[] {
  const uncertain = uncertainFilters(q);
  const lenient =
    q.confirmed === 'true' ? uncertain.map((u) => u.known) : uncertain.map((u) => `(${u.known} OR ${u.unknown})`);
  return [...baseFilters(q), ...lenient];
}

/** Which of the asked-for facts the plan does not confirm for this entry. */
export function unconfirmedFor(
  q: ResourceQuery,
  doc: { days: readonly string[]; openHours: readonly string[]; cost: string },
): Unconfirmed[] {
  const out: Unconfirmed[] = [];
  for (const u of uncertainFilters(q)) {
    if (u.what === 'day' && doc.days.length === 0) out.push('day');
    if (u.what === 'time' && doc.openHours.length === 0) out.push('time');
    if (u.what === 'cost' && doc.cost === 'unknown') out.push('cost');
  }
  return out;
}

/** Kanji-only text would otherwise be segmented as Chinese (see stack notes). */
export const JAPANESE = { locales: ['jpn'] };

/**
 * Every word must match: a reading split into kana fragments would otherwise match
 * anything sharing one fragment (にんちしょう found 111 entries, 認知症 4).
 */
export const MATCH_ALL_WORDS = { matchingStrategy: 'all' as const };

export function resourceSort(q: ResourceQuery): string[] | undefined {
  return q.near ? [`_geoPoint(${q.near.lat}, ${q.near.lng}):asc`] : q.q ? undefined : ['name:asc'];
}
