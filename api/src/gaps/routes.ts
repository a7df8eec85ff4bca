import { Hono } from 'hono';
import * as v from 'valibot';
import {
  CategorySchema,
  GapPatchSchema,
  GapStatusSchema,
  NewGapSchema,
  TargetSchema,
  type Municipality,
} from '@norishiro/data';
import type { Db } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import { requires, type AuthEnv } from '../auth/permissions.ts';
import { HttpError } from '../errors.ts';
import * as store from '../store/gaps.ts';
import { inScope, scoped } from '../store/scope.ts';
import { jsonBody, parseInput } from '../validate.ts';
import { coverageMap } from './coverage.ts';
import {
  coverageOf,
  coverageRows,
  gapRows,
  GAP_HEADERS,
  kochikuReport,
  reportXlsx,
  suppressTrends,
  toCsv,
} from './report.ts';
import { GapService } from './service.ts';

const date = v.optional(v.pipe(v.string(), v.isoDate('日付は YYYY-MM-DD で指定してください')));
const GapQuerySchema = v.object({
  municipality: v.optional(v.pipe(v.string(), v.regex(/^\d{6}$/))),
  district: v.optional(v.string()),
  category: v.optional(CategorySchema),
  situation: v.optional(TargetSchema),
  stage: v.optional(v.pipe(v.string(), v.regex(/^[1-4]$/), v.transform(Number))),
  status: v.optional(GapStatusSchema),
  from: date,
  to: date,
  format: v.optional(v.picklist(['json', 'csv']), 'json'),
});
const CoverageQuerySchema = v.object({
  municipality: v.pipe(v.string('自治体を指定してください'), v.regex(/^\d{6}$/, '団体コードは6桁です')),
  by: v.optional(
    v.picklist(['district_category', 'district_situation', 'category_timeband'], '表の種類が正しくありません'),
    'district_category',
  ),
  from: date,
  to: date,
  format: v.optional(v.picklist(['json', 'csv']), 'json'),
});
const TrendQuerySchema = v.object({
  municipality: v.pipe(v.string('自治体を指定してください'), v.regex(/^\d{6}$/, '団体コードは6桁です')),
  to: date,
});
const CoverageMapQuerySchema = v.object({
  municipality: v.pipe(v.string('自治体を指定してください'), v.regex(/^\d{6}$/, '団体コードは6桁です')),
  from: date,
  to: date,
});
const today = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
const ReportQuerySchema = v.object({
  municipality: v.pipe(v.string('自治体を指定してください'), v.regex(/^\d{6}$/, '団体コードは6桁です')),
  from: v.pipe(v.string('期間の始めを指定してください'), v.isoDate('日付は YYYY-MM-DD で指定してください')),
  to: v.pipe(v.string('期間の終わりを指定してください'), v.isoDate('日付は YYYY-MM-DD で指定してください')),
  format: v.optional(v.picklist(['json', 'csv', 'xlsx']), 'json'),
});

const csv = (body: string, name: string) =>
  new Response(body, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` },
  });

/** The gap board, coverage and the 構築会議 report. */
export function gapRoutes(db: Db) {
  const service = new GapService(db);
  const actor = (c: { get(k: 'actor'): AuthEnv['Variables']['actor'] }) => c.get('actor')!;
  const scope = (c: { get(k: 'actor'): AuthEnv['Variables']['actor'] }) => scoped(db, actor(c));
  const ownCity = (c: { get(k: 'actor'): AuthEnv['Variables']['actor'] }, m: string) => {
    if (!inScope(scope(c), m)) throw new HttpError('not_found', 'この自治体の記録は見られません');
  };
  const confirmed = (c: { req: { query(k: string): string | undefined } }) => c.req.query('confirm') === 'true';
  return new Hono<AuthEnv>()
    .get('/gaps', requires('gaps:manage'), async (c) => {
      const q = parseInput(GapQuerySchema, c.req.query(), '不足の条件');
      const gaps = await store.listGaps(scope(c), q);
      return q.format === 'csv' ? csv(toCsv([GAP_HEADERS, ...gapRows(gaps)]), 'gaps.csv') : c.json(gaps);
    })
    .get('/gaps/trends', requires('reports:read'), async (c) => {
      const q = parseInput(TrendQuerySchema, c.req.query(), '推移の条件');
      ownCity(c, q.municipality);
      return c.json(suppressTrends(await store.monthlyTrends(scope(c), q.municipality, q.to ?? today())));
    })
    .post('/gaps', requires('gaps:record'), async (c) => {
      const body = parseInput(NewGapSchema, await jsonBody(c.req), '不足の記録');
      return c.json(await service.record(actor(c), body, confirmed(c)), 201);
    })
    .patch('/gaps/:id', requires('gaps:manage'), async (c) => {
      const body = parseInput(GapPatchSchema, await jsonBody(c.req), '不足の更新');
      return c.json(await service.change(actor(c), c.req.param('id'), body, confirmed(c)));
    })
    .get('/coverage', requires('reports:read'), async (c) => {
      const q = parseInput(CoverageQuerySchema, c.req.query(), '表の条件');
      ownCity(c, q.municipality);
      const table = await coverageOf(scope(c), q.municipality, q.by, q.from, q.to);
      return q.format === 'csv' ? csv(toCsv(coverageRows(table)), `coverage-${q.by}.csv`) : c.json(table);
    })
    .get('/coverage/map', requires('reports:read'), async (c) => {
      const q = parseInput(CoverageMapQuerySchema, c.req.query(), '地図の条件');
      ownCity(c, q.municipality);
      const [city] = await db.query<{ data: Municipality }>('select data from municipalities where code = $1', [
        q.municipality,
      ]);
      if (!city) throw new HttpError('not_found', 'この自治体の記録は見られません');
      const { resources, gaps } = await store.mapInputs(scope(c), q.municipality, q.from, q.to);
      return c.json(coverageMap(city.data, resources, gaps));
    })
    .get('/reports/kochiku', requires('reports:read'), async (c) => {
      const q = parseInput(ReportQuerySchema, c.req.query(), '報告の条件');
      ownCity(c, q.municipality);
      if (q.from > q.to)
        throw new HttpError('invalid_request', '期間の始めが終わりより後になっています', [
          { path: 'from', message: '期間の始めが終わりより後になっています' },
        ]);
      const s = scope(c);
      const report = await kochikuReport(s, q.municipality, q.from, q.to);
      await db.transaction((tx) =>
        audit(tx, actor(c), {
          action: `report_kochiku_${q.format}`,
          objectType: 'report',
          municipality: q.municipality,
        }),
      );
      if (q.format === 'json') return c.json(report);
      // Exports carry the whole list of the period, not only the top of it.
      const gaps = await store.listGaps(s, { municipality: q.municipality, from: q.from, to: q.to });
      if (q.format === 'csv') return csv(toCsv([GAP_HEADERS, ...gapRows(gaps)]), 'kochiku-gaps.csv');
      return new Response(new Uint8Array(await reportXlsx(report, gaps)), {
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-disposition': 'attachment; filename="kochiku-report.xlsx"',
        },
      });
    });
}
