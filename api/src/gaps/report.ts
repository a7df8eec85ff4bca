import ExcelJS from 'exceljs';
import {
  categoryLabels,
  gapStatusLabels,
  suppressSmall,
  targetLabels,
  timeBandLabels,
  type Gap,
  type KochikuReport,
  type Resource,
} from '@norishiro/data';
import type { Queryable } from '@norishiro/indexer';
import { csvCell } from '../audit/csv.ts';
import { listGaps, monthlyTrends, referralOutcomesByCategory } from '../store/gaps.ts';
import type { Scope } from '../store/scope.ts';
import { coverage, type Coverage } from './coverage.ts';

export type { KochikuReport };

/** Active resources of a municipality, for coverage. */
export async function resourcesOf(db: Queryable, municipality: string): Promise<Resource[]> {
  return (
    await db.query<{ data: Resource }>('select data from resources where municipality = $1 and not synthetic', [
      municipality,
    ])
  ).map((r) => r.data);
}

/** Raw counts for coverage: the board shows 「3未満」, but cells must add the true counts first. */
export async function gapCounts(scope: Scope, municipality: string, from?: string, to?: string) {
  const rows = await scope.db.query<{
    district: string | null;
    categories: string[];
    situations: string[];
    time_bands: string[];
    count: number;
  }>(
    `select district, categories, situations, time_bands, count from gaps
     where municipality = $1 and municipality = any($2::text[]) and status <> 'dropped'
       and ($3::text is null or period >= $3) and ($4::text is null or period <= $4)`,
    [municipality, [...scope.municipalities], from?.slice(0, 7) ?? null, to?.slice(0, 7) ?? null],
  );
  return rows.map((r) => ({
    district: r.district,
    categories: r.categories,
    situations: r.situations,
    timeBands: r.time_bands,
    count: Number(r.count),
  }));
}

export const suppressTrends = (rows: readonly { month: string; recorded: number; resolved: number }[]) =>
  rows.map((r) => ({ month: r.month, recorded: suppressSmall(r.recorded), resolved: suppressSmall(r.resolved) }));

/** The page a 構築会議 reads: what is missing, what changed, what was resolved, in a period. */
export async function kochikuReport(
  scope: Scope,
  municipality: string,
  from: string,
  to: string,
): Promise<KochikuReport> {
  const period = { municipality, from, to };
  const gaps = await listGaps(scope, period);
  const raw = await gapCounts(scope, municipality, from, to);
  const [changed, outcomes, resources, trends] = await Promise.all([
    scope.db.query<{ id: string; name: string; kind: string; at: Date | string }>(
      `select h.resource_id as id, r.data->>'name' as name, h.kind, max(h.at) as at
       from resource_history h join resources r on r.id = h.resource_id
       where r.municipality = $1 and h.at >= $2::date and h.at < $3::date + 1
       group by h.resource_id, r.data->>'name', h.kind order by max(h.at)`,
      [municipality, from, to],
    ),
    referralOutcomesByCategory(scope, municipality, from, to),
    resourcesOf(scope.db, municipality),
    monthlyTrends(scope, municipality, to),
  ]);
  const total = raw.reduce((n, g) => n + g.count, 0);
  return {
    ...period,
    summary: {
      records: suppressSmall(total),
      needs: gaps.length,
      inCouncil: gaps.filter((g) => g.status === 'council').length,
      resolved: gaps.filter((g) => g.status === 'resolved').length,
    },
    topGaps: gaps.filter((g) => g.status !== 'dropped').slice(0, 10),
    coverage: coverage(resources, raw, 'district_category'),
    resourcesChanged: changed.map((c) => ({
      id: c.id,
      name: c.name,
      change: c.kind === 'create' ? '追加' : c.kind === 'retire' ? '終了' : '変更',
      at: new Date(c.at).toISOString().slice(0, 10),
    })),
    referralOutcomes:
      outcomes?.map((o) => ({
        category: categoryLabels[o.category as keyof typeof categoryLabels]?.ja ?? o.category,
        sent: suppressSmall(o.sent),
        started: suppressSmall(o.started),
      })) ?? null,
    resolved: gaps.filter((g) => g.status === 'resolved'),
    trends: suppressTrends(trends),
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
