import { describe, expect, it } from 'vitest';
import { coverageCounts, reportSums } from './rollup.ts';

const key = (status: string, district: string | null, categories: string[], situations = ['hikikomori']) =>
  JSON.stringify([status, district, categories, situations, ['weekday_day']]);

describe('reportSums', () => {
  const months = [
    { period: '2026-03', cells: { [key('new', '稲積地区', ['ibasho'])]: [2, 9] as [number, number] } },
    {
      period: '2026-04',
      cells: {
        [key('new', '稲積地区', ['ibasho'], ['youth'])]: [1, 4] as [number, number],
        [key('council', null, ['salon'])]: [1, 2] as [number, number],
        [key('dropped', '稲積地区', ['ibasho'])]: [1, 7] as [number, number],
      },
    },
  ];

  const reportMonths = months.map(({ period, cells }) => ({
    period,
    cells: Object.fromEntries(
      Object.entries(cells).map(([k, v]) => [JSON.stringify((JSON.parse(k) as unknown[]).slice(0, 3)), v] as const),
    ),
  }));

  it('sums the period by district and categories, leaving 見送り out of records but not of needs', () => {
    const s = reportSums(reportMonths, '2026-04');
    expect(s.counts).toEqual([
      { district: '稲積地区', categories: ['ibasho'], situations: [], timeBands: [], count: 4 },
      { district: null, categories: ['salon'], situations: [], timeBands: [], count: 2 },
    ]);
    expect({ records: s.records, needs: s.needs, inCouncil: s.inCouncil }).toEqual({
      records: 6,
      needs: 3,
      inCouncil: 1,
    });
  });

  it('counts months before the period towards the trends only, every status included', () => {
    expect(reportSums(reportMonths, '2026-04').recordedByMonth).toEqual([
      { month: '2026-03', n: 9 },
      { month: '2026-04', n: 13 },
    ]);
  });

  it('coverage sums every month given on its own axes, leaving 見送り out', () => {
    expect(coverageCounts(months, ['district', 'situations'])).toEqual([
      { district: '稲積地区', categories: [], situations: ['hikikomori'], timeBands: [], count: 9 },
      { district: '稲積地区', categories: [], situations: ['youth'], timeBands: [], count: 4 },
      { district: null, categories: [], situations: ['hikikomori'], timeBands: [], count: 2 },
    ]);
  });
});
