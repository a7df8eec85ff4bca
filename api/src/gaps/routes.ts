import { Hono } from 'hono';
import * as v from 'valibot';
import { GAP_NEXT, GapPatchSchema, GapStatusSchema, NewGapSchema, personalTextWarnings } from '@norishiro/data';
import type { Db } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import { requires, type AuthEnv } from '../auth/permissions.ts';
import { HttpError } from '../errors.ts';
import * as store from '../store/gaps.ts';
import { scoped, within } from '../store/scope.ts';
import { jsonBody, parseInput } from '../validate.ts';
import { coverage, type CoverageBy } from './coverage.ts';
import {
  coverageRows,
  gapCounts,
  gapRows,
  GAP_HEADERS,
  kochikuReport,
  reportXlsx,
  resourcesOf,
  toCsv,
} from './report.ts';

const date = v.optional(v.pipe(v.string(), v.isoDate('日付は YYYY-MM-DD で指定してください')));
const GapQuerySchema = v.object({
  municipality: v.optional(v.pipe(v.string(), v.regex(/^\d{6}$/))),
  district: v.optional(v.string()),
  category: v.optional(v.string()),
  situation: v.optional(v.string()),
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
  const scope = (c: { get(k: 'actor'): AuthEnv['Variables']['actor'] }) => scoped(db, c.get('actor')!);
  const ownCity = (c: { get(k: 'actor'): AuthEnv['Variables']['actor'] }, m: string) => {
    if (!scope(c).municipalities.includes(m)) throw new HttpError('not_found', 'この自治体の記録は見られません');
  };
  return new Hono<AuthEnv>()
    .get('/gaps', requires('gaps:manage'), async (c) => {
      const q = parseInput(GapQuerySchema, c.req.query(), '不足の条件');
      const gaps = await store.listGaps(scope(c), q);
      return q.format === 'csv' ? csv(toCsv([GAP_HEADERS, ...gapRows(gaps)]), 'gaps.csv') : c.json(gaps);
    })
    .post('/gaps', requires('gaps:record'), async (c) => {
      const body = parseInput(NewGapSchema, await jsonBody(c.req), '不足の記録');
      ownCity(c, body.municipality);
      const warnings = body.description ? personalTextWarnings(body.description) : [];
      if (warnings.length && c.req.query('confirm') !== 'true')
        throw new HttpError(
          'invalid_request',
          '個人が分かる書き方かもしれません。確かめてから、もう一度保存してください',
          warnings.map((w) => ({ path: 'description', message: w })),
        );
      const s = scope(c);
      const out = await db.transaction(async (tx) => {
        const saved = await store.recordGap(within(s, tx), body);
        await audit(tx, s.actor, {
          action: 'gap_record',
          objectType: 'gap',
          objectId: saved.id,
          municipality: body.municipality,
        });
        return saved;
      });
      return c.json(out, 201);
    })
    .patch('/gaps/:id', requires('gaps:manage'), async (c) => {
      const body = parseInput(GapPatchSchema, await jsonBody(c.req), '不足の更新');
      const s = scope(c);
      await db.transaction(async (tx) => {
        const t = within(s, tx);
        const gap = await store.lockGap(t, c.req.param('id'));
        if (!gap) throw new HttpError('not_found', '不足の記録が見つかりません');
        if (body.to) {
          if (!GAP_NEXT[gap.status].includes(body.to)) throw new HttpError('conflict', 'その状態には進められません');
          if (body.to === 'in_progress' && !body.owner)
            throw new HttpError('invalid_request', '担当を入れてください', [
              { path: 'owner', message: '担当を入れてください' },
            ]);
          if (body.to === 'resolved' && !body.resolvedBy)
            throw new HttpError('invalid_request', '解消した資源を選んでください', [
              { path: 'resolvedBy', message: '新しい資源か変えた資源の ID を入れてください' },
            ]);
          if (body.to === 'dropped' && !body.reason)
            throw new HttpError('invalid_request', '見送る理由を書いてください', [
              { path: 'reason', message: '理由を書いてください' },
            ]);
        }
        await store.updateGap(t, c.req.param('id'), {
          status: body.to,
          owner: body.owner,
          due: body.due,
          resolvedBy: body.resolvedBy,
          reason: body.reason,
        });
        await store.gapEvent(t, {
          gapId: c.req.param('id'),
          kind: body.to ? 'status' : 'comment',
          from: body.to ? gap.status : null,
          to: body.to ?? null,
          comment: body.comment,
        });
        await audit(tx, s.actor, {
          action: body.to ? 'gap_status' : 'gap_comment',
          objectType: 'gap',
          objectId: c.req.param('id'),
          municipality: gap.municipality,
        });
      });
      const [updated] = await store.listGaps(s, {}).then((gs) => gs.filter((g) => g.id === c.req.param('id')));
      return c.json(updated);
    })
    .get('/coverage', requires('reports:read'), async (c) => {
      const q = parseInput(CoverageQuerySchema, c.req.query(), '表の条件');
      ownCity(c, q.municipality);
      const table = coverage(
        await resourcesOf(db, q.municipality),
        await gapCounts(scope(c), q.municipality, q.from, q.to),
        q.by as CoverageBy,
      );
      return q.format === 'csv' ? csv(toCsv(coverageRows(table)), 'coverage.csv') : c.json(table);
    })
    .get('/reports/kochiku', requires('reports:read'), async (c) => {
      const q = parseInput(ReportQuerySchema, c.req.query(), '報告の条件');
      ownCity(c, q.municipality);
      const report = await kochikuReport(scope(c), q.municipality, q.from, q.to);
      await db.transaction((tx) =>
        audit(tx, c.get('actor')!, {
          action: `report_kochiku_${q.format}`,
          objectType: 'report',
          municipality: q.municipality,
        }),
      );
      if (q.format === 'csv') return csv(toCsv([GAP_HEADERS, ...gapRows(report.topGaps)]), 'kochiku-gaps.csv');
      if (q.format === 'xlsx')
        return new Response(new Uint8Array(await reportXlsx(report)), {
          headers: {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'content-disposition': 'attachment; filename="kochiku-report.xlsx"',
          },
        });
      return c.json(report);
    });
}
