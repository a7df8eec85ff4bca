import {
  categoryLabels,
  suppressSmall,
  targetLabels,
  timeBandLabels,
  timeBandOf,
  type Coverage,
  type CoverageMap,
  type Municipality,
} from '@norishiro/data';
import type { CoverageResource, GapCounts, MapResource } from '../store/gaps.ts';

export type { Coverage, CoverageMap };

export type CoverageBy = Coverage['by'];

export type { GapCounts };

const NO_DISTRICT = '地区の記載なし';
const ANY = '指定なし';
const UNKNOWN_TIME = '時間の記載なし';

const label = (axis: string, code: string) =>
  axis === 'category'
    ? (categoryLabels[code as keyof typeof categoryLabels]?.ja ?? code)
    : axis === 'situation'
      ? (targetLabels[code as keyof typeof targetLabels]?.ja ?? code)
      : axis === 'timeband'
        ? (timeBandLabels[code as keyof typeof timeBandLabels] ?? code)
        : code;

function resourceKeys(r: CoverageResource, axis: string): string[] {
  if (axis === 'district') return [r.district ?? NO_DISTRICT];
  if (axis === 'category') return r.categories.map((c) => label('category', c));
  if (axis === 'situation') return r.targets.map((t) => label('situation', t));
  const s = r.schedule;
  if (s.kind !== 'weekly') return [UNKNOWN_TIME];
  const bands = s.slots.flatMap((slot) => slot.days.map((d) => timeBandOf(d, slot.open ?? '10:00')));
  return [...new Set(bands)].map((b) => label('timeband', b));
}

function gapKeys(g: GapCounts, axis: string): string[] {
  const list = (xs: string[]) => (xs.length ? xs.map((x) => label(axis, x)) : [ANY]);
  if (axis === 'district') return [g.district ?? ANY];
  if (axis === 'category') return list(g.categories);
  if (axis === 'situation') return list(g.situations);
  return list(g.timeBands);
}

/**
 * Active resources and recorded gaps side by side on two axes. Gap counts of 1 or 2 read
 * 「3未満」, in every view and export.
 */
export function coverage(resources: readonly CoverageResource[], gaps: readonly GapCounts[], by: CoverageBy): Coverage {
  const [a, b] = by.split('_') as [string, string];
  const cells = new Map<string, { row: string; col: string; resources: number; gaps: number }>();
  const at = (row: string, col: string) => {
    const k = `${row}\u0000${col}`;
    if (!cells.has(k)) cells.set(k, { row, col, resources: 0, gaps: 0 });
    return cells.get(k)!;
  };
  for (const r of resources)
    if (r.status === 'active')
      for (const row of resourceKeys(r, a)) for (const col of resourceKeys(r, b)) at(row, col).resources++;
  for (const g of gaps) for (const row of gapKeys(g, a)) for (const col of gapKeys(g, b)) at(row, col).gaps += g.count;
  // A row's total counts each resource and each record once, however many columns it spans.
  const totals = new Map<string, { row: string; resources: number; gaps: number }>();
  const total = (row: string) => {
    if (!totals.has(row)) totals.set(row, { row, resources: 0, gaps: 0 });
    return totals.get(row)!;
  };
  for (const r of resources)
    if (r.status === 'active') for (const row of new Set(resourceKeys(r, a))) total(row).resources++;
  for (const g of gaps) for (const row of new Set(gapKeys(g, a))) total(row).gaps += g.count;
  const all = [...cells.values()];
  const rows = sorted(all.map((c) => c.row));
  return {
    by,
    rows,
    cols: sorted(all.map((c) => c.col)),
    cells: all.map((c) => ({ ...c, gaps: suppressSmall(c.gaps) })),
    totals: rows.map((row) => ({ ...total(row), gaps: suppressSmall(total(row).gaps) })),
  };
}

// One collator for every sort: localeCompare with a locale builds a new one per comparison.
const byJapanese = new Intl.Collator('ja');
const sorted = (xs: string[]) => [...new Set(xs)].sort(byJapanese.compare);

/**
 * The coverage map: each district's representative point with its recorded gaps (sized on the
 * map, 「3未満」 below 3) and active resources, and the resources with a point for the layer on
 * top. Records with no district, or whose district has no point, are counted as 「地図に置けない」.
 */
export function coverageMap(
  municipality: Pick<Municipality, 'districts'>,
  resources: readonly MapResource[],
  gaps: readonly GapCounts[],
): CoverageMap {
  const byDistrict = new Map<string, number>();
  let unplaced = 0;
  const placed = new Set(municipality.districts.filter((d) => d.point).map((d) => d.name));
  for (const g of gaps) {
    if (g.district && placed.has(g.district)) byDistrict.set(g.district, (byDistrict.get(g.district) ?? 0) + g.count);
    else unplaced += g.count;
  }
  const active = resources.filter((r) => r.status === 'active');
  return {
    districts: municipality.districts.flatMap((d) =>
      d.point
        ? [
            {
              name: d.name,
              lat: d.point.lat,
              lng: d.point.lng,
              gaps: suppressSmall(byDistrict.get(d.name) ?? 0),
              resources: active.filter((r) => r.district === d.name).length,
            },
          ]
        : [],
    ),
    unplaced: suppressSmall(unplaced),
    resources: active.flatMap((r) => {
      const l = r.location;
      // Places outside the city, or with no point ('unknown'), are not drawn (never on the city hall).
      const outside = 'outside' in l && !!l.outside;
      return typeof l.lat === 'number' && typeof l.lng === 'number' && !outside
        ? [{ id: r.id, name: r.name, lat: l.lat, lng: l.lng, precision: l.precision }]
        : [];
    }),
  };
}
