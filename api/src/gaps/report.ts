import ExcelJS from 'exceljs';
import {
  categoryLabels,
  gapStatusLabels,
  suppressSmall,
  targetLabels,
  timeBandLabels,
  type Gap,
  type KochikuReport,
} from '@norishiro/data';
import { csvCell } from '../audit/csv.ts';
import { coverageInputs, reportInputs, type CountAxis } from '../store/gaps.ts';
import type { Scope } from '../store/scope.ts';
import { coverage, type Coverage, type CoverageBy } from './coverage.ts';

export type { KochikuReport };

const AXES: Record<CoverageBy, readonly CountAxis[]> = {
  district_category: ['district', 'categories'],
  district_situation: ['district', 'situations'],
  category_timeband: ['categories', 'time_bands'],
};

/** A municipality's coverage table, as the board and the report show it. */
export async function coverageOf(
  scope: Scope,
  municipality: string,
  by: CoverageBy,
  from?: string,
  to?: string,
): Promise<Coverage> {
  const { resources, gaps } = await coverageInputs(scope, municipality, AXES[by], from, to);
  return coverage(resources, gaps, by);
}

export const suppressTrends = (rows: readonly { month: string; recorded: number; resolved: number }[]) =>
  rows.map((r) => ({ month: r.month, recorded: suppressSmall(r.recorded), resolved: suppressSmall(r.resolved) }));

/** The twelve months (YYYY-MM) ending with the month of `to`. */
export function twelveMonths(to: string): string[] {
  const [y, m] = to.split('-').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(y, m - 12 + i, 1)).toISOString().slice(0, 7));
}

const jstDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 10);

/**
 * The page a 構築会議 reads for a period: summary figures, the most recorded needs, the
 * coverage table, resources added or changed, referral outcomes by category, what was
 * resolved in the period (by the day it was resolved) and twelve months of trends.
 */
export async function kochikuReport(
  scope: Scope,
  municipality: string,
  from: string,
  to: string,
): Promise<KochikuReport> {
  const months = twelveMonths(to);
  const since = from < `${months[0]}-01` ? from : `${months[0]}-01`;
  const data = await reportInputs(scope, municipality, { from, to, since });
  const resolved = data.resolved.filter((g) => {
    const day = jstDay(g.resolvedAt);
    return day >= from && day <= to;
  });
  const outcomes = data.referrals;
  const recorded = new Map(data.recordedByMonth.map((r) => [r.month, r.n]));
  const resolvedIn = (month: string) =>
    data.resolved.filter((g) => jstDay(g.resolvedAt).slice(0, 7) === month && jstDay(g.resolvedAt) <= to).length;
  return {
    municipality,
    from,
    to,
    summary: {
      records: suppressSmall(data.records),
      needs: data.needs,
      inCouncil: data.inCouncil,
      resolved: resolved.length,
    },
    topGaps: data.top,
    coverage: coverage(data.resources, data.counts, 'district_category'),
    resourcesChanged: data.changed.map((c) => ({
      id: c.id,
      name: c.name,
      change: c.kind === 'create' ? '追加' : c.kind === 'retire' ? '終了' : '変更',
      at: jstDay(new Date(c.at).toISOString()),
    })),
    referralOutcomes:
      outcomes?.map((o) => ({
        category: categoryLabels[o.category as keyof typeof categoryLabels]?.ja ?? o.category,
        sent: suppressSmall(o.sent),
        started: suppressSmall(o.started),
      })) ?? null,
    resolved: resolved.map(({ resolvedAt: _when, ...g }) => g),
    trends: suppressTrends(
      months.map((month) => ({ month, recorded: recorded.get(month) ?? 0, resolved: resolvedIn(month) })),
    ),
  };
}

const need = (g: Gap) =>
  [
    g.district ?? '',
    g.categories.map((c) => categoryLabels[c as keyof typeof categoryLabels]?.ja ?? c).join('・'),
    g.situations.map((s) => targetLabels[s as keyof typeof targetLabels]?.ja ?? s).join('・'),
    g.timeBands.map((t) => timeBandLabels[t as keyof typeof timeBandLabels] ?? t).join('・'),
  ] as const;

export const GAP_HEADERS = [
  '記録した月',
  '地区',
  '求める分類',
  '状況',
  '時間帯',
  '段階',
  '興味',
  '足りない理由',
  '説明',
  '件数',
  '状態',
  '担当',
  '期限',
];

export function gapRows(gaps: readonly Gap[]): (string | number)[][] {
  return gaps.map((g) => {
    const [district, cats, sits, bands] = need(g);
    return [
      g.period,
      district,
      cats,
      sits,
      bands,
      g.stage ?? '',
      g.interests.join('・'),
      g.failedFactor ?? '',
      g.description ?? '',
      g.count,
      gapStatusLabels[g.status],
      g.owner ?? '',
      g.due ?? '',
    ];
  });
}

export const NO_REFERRALS = '紹介の記録はまだありません';

/** The coverage table flat: per column, resources then gaps; the row's totals last. */
export function coverageRows(c: Coverage): (string | number)[][] {
  const cell = (row: string, col: string) => c.cells.find((x) => x.row === row && x.col === col);
  const total = (row: string) => c.totals.find((t) => t.row === row);
  return [
    ['', ...c.cols.flatMap((col) => [`${col}（資源）`, `${col}（不足）`]), '計（資源）', '計（不足）'],
    ...c.rows.map((row) => [
      row,
      ...c.cols.flatMap((col) => [cell(row, col)?.resources ?? 0, cell(row, col)?.gaps ?? 0]),
      total(row)?.resources ?? 0,
      total(row)?.gaps ?? 0,
    ]),
  ];
}

/** UTF-8 with BOM and CRLF, Japanese headers: opens with the right characters in Excel. */
export const toCsv = (rows: (string | number)[][]) =>
  '\uFEFF' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** One sheet per table of the report, and the whole gap list of the period. */
export async function reportXlsx(report: KochikuReport, gaps: readonly Gap[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = (name: string, rows: (string | number)[][]) => {
    const s = book.addWorksheet(name);
    for (const r of rows) s.addRow(r);
    s.getRow(1).font = { bold: true };
  };
  sheet('概要', [
    ['項目', '値'],
    ['自治体', report.municipality],
    ['期間', `${report.from}〜${report.to}`],
    ['不足の記録（件）', report.summary.records],
    ['不足の種類', report.summary.needs],
    ['構築会議で検討中', report.summary.inCouncil],
    ['解消', report.summary.resolved],
  ]);
  sheet('不足の上位', [GAP_HEADERS, ...gapRows(report.topGaps)]);
  sheet('不足の一覧', [GAP_HEADERS, ...gapRows(gaps)]);
  sheet('地区×分類', coverageRows(report.coverage));
  sheet('資源の追加・変更', [
    ['資源', '変更', '日付'],
    ...report.resourcesChanged.map((r) => [r.name, r.change, r.at]),
  ]);
  sheet('紹介の結果', [
    ['分類', '紹介', '参加開始'],
    ...(report.referralOutcomes?.map((o) => [o.category, o.sent, o.started]) ?? [[NO_REFERRALS]]),
  ]);
  sheet('解消した不足', [GAP_HEADERS, ...gapRows(report.resolved)]);
  sheet('月ごとの推移', [['月', '不足の記録', '解消'], ...report.trends.map((t) => [t.month, t.recorded, t.resolved])]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
