import type { GapStatus } from '@norishiro/data';
import type { CountAxis, GapCounts } from '../store/gaps.ts';

/**
 * One month of kept sums (table gap_rollup), `[needs, records]` per need: keyed
 * `[status, district, categories, situations, time_bands]` in `cells`, and
 * `[status, district, categories]` in `report_cells`.
 */
export interface RollupMonth {
  period: string;
  cells: Record<string, [number, number]>;
}

type Need = [GapStatus, string | null, string[], string[]?, string[]?];

export interface ReportSums {
  /** Records in the period (not 見送り), per district and categories. */
  counts: GapCounts[];
  records: number;
  needs: number;
  inCouncil: number;
  /** Records per month of every month given, whatever their status. */
  recordedByMonth: { month: string; n: number }[];
}

/** Sums records per need on the given axes only, the others left empty (as coverage reads them). */
class NeedSums {
  private byNeed = new Map<string, GapCounts>();
  constructor(private axes: readonly CountAxis[]) {}
  add([, district, categories, situations = [], timeBands = []]: Need, records: number) {
    const need: GapCounts = {
      district: this.axes.includes('district') ? district : null,
      categories: this.axes.includes('categories') ? categories : [],
      situations: this.axes.includes('situations') ? situations : [],
      timeBands: this.axes.includes('time_bands') ? timeBands : [],
      count: records,
    };
    const key = JSON.stringify([need.district, need.categories, need.situations, need.timeBands]);
    const seen = this.byNeed.get(key);
    if (seen) seen.count += records;
    else this.byNeed.set(key, need);
  }
  list = () => [...this.byNeed.values()];
}

/**
 * The report's gap figures from the months' `report_cells`: `fromMonth` (YYYY-MM) starts the
 * period; earlier months given count only towards the trends.
 */
export function reportSums(months: readonly RollupMonth[], fromMonth: string): ReportSums {
  const counts = new NeedSums(['district', 'categories']);
  const sums: ReportSums = { counts: [], records: 0, needs: 0, inCouncil: 0, recordedByMonth: [] };
  for (const { period, cells } of months) {
    let recorded = 0;
    for (const [key, [needs, records]] of Object.entries(cells)) {
      recorded += records;
      if (period < fromMonth) continue;
      const need = JSON.parse(key) as Need;
      sums.needs += needs;
      if (need[0] === 'council') sums.inCouncil += needs;
      if (need[0] === 'dropped') continue;
      sums.records += records;
      counts.add(need, records);
    }
    sums.recordedByMonth.push({ month: period, n: recorded });
  }
  sums.counts = counts.list();
  return sums;
}

/** Records (not 見送り) of the months' `cells`, summed per need on the coverage's axes. */
export function coverageCounts(months: readonly RollupMonth[], axes: readonly CountAxis[]): GapCounts[] {
  const counts = new NeedSums(axes);
  for (const { cells } of months)
    for (const [key, [, records]] of Object.entries(cells)) {
      const need = JSON.parse(key) as Need;
      if (need[0] !== 'dropped') counts.add(need, records);
    }
  return counts.list();
}
