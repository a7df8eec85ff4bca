import {
  categoryLabels,
  suppressSmall,
  targetLabels,
  timeBandLabels,
  timeBandOf,
  type Resource,
  type SMALL_COUNT,
} from '@norishiro/data';

export type CoverageBy = 'district_category' | 'district_situation' | 'category_timeband';

export interface GapCounts {
  district: string | null;
  categories: string[];
  situations: string[];
  timeBands: string[];
  count: number;
}

export interface CoverageCell {
  row: string;
  col: string;
  resources: number;
  gaps: number | typeof SMALL_COUNT;
}

export interface Coverage {
  by: CoverageBy;
  rows: string[];
  cols: string[];
  cells: CoverageCell[];
}

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

function resourceKeys(r: Resource, axis: string): string[] {
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
export function coverage(resources: readonly Resource[], gaps: readonly GapCounts[], by: CoverageBy): Coverage {
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
  const all = [...cells.values()];
  const sorted = (xs: string[]) => [...new Set(xs)].sort((x, y) => x.localeCompare(y, 'ja'));
  return {
    by,
    rows: sorted(all.map((c) => c.row)),
    cols: sorted(all.map((c) => c.col)),
    cells: all.map((c) => ({ ...c, gaps: suppressSmall(c.gaps) })),
  };
}
