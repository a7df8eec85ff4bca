import {
  CategorySchema,
  CoverageMapSchema,
  CoverageSchema,
  GapPatchSchema,
  GapSchema,
  GapTrendSchema,
  KochikuReportSchema,
  NewGapSchema,
  StageSchema,
  TargetSchema,
} from '@norishiro/data';
import { DATE, error, json, MUNICIPALITY_CODE, query, ref, typedQuery } from '../openapi/parts.ts';

/**
 * The gap board's part of the OpenAPI document, kept beside its routes and spread into
 * api/src/openapi/spec.ts, from the same data/ schemas the routes validate with.
 */
export function gapOpenApi() {
  const csv = { 'text/csv': { schema: { type: 'string', description: 'UTF-8（BOM つき）、見出しは日本語' } } };
  const denied = {
    401: error('ログインしていない'),
    403: error('この役割では使えない'),
    404: error('担当外の自治体（存在を明かしません）'),
  };
  const municipality = typedQuery('municipality', '全国地方公共団体コード（6桁）', MUNICIPALITY_CODE, true);
  const from = typedQuery('from', '期間の始め（YYYY-MM-DD）', DATE);
  const to = typedQuery('to', '期間の終わり（YYYY-MM-DD）', DATE);
  const by = query('by', '表の軸（既定は地区×分類）', false, [
    'district_category',
    'district_situation',
    'category_timeband',
  ]);
  const small = '件数が1〜2のものは「3未満」と返します。';

  const paths = {
    '/api/gaps': {
      get: {
        summary: `不足の一覧（担当する自治体のみ、件数の多い順）。${small}`,
        parameters: [
          typedQuery('municipality', '全国地方公共団体コード（6桁）', MUNICIPALITY_CODE),
          query('district', '地区名'),
          typedQuery('category', '求める分類のコード', json(CategorySchema)),
          typedQuery('situation', '状況（対象）のコード', json(TargetSchema)),
          typedQuery('stage', '参加の段階（1〜4）', json(StageSchema)),
          query('status', '状態', false, ['new', 'council', 'in_progress', 'resolved', 'dropped']),
          from,
          to,
          query('format', '形式', false, ['json', 'csv']),
        ],
        responses: {
          200: {
            description: '成功',
            content: {
              'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Gap' } } },
              ...csv,
            },
          },
          400: error('条件の誤り'),
          ...denied,
        },
      },
      post: {
        summary:
          '不足を記録（必要の属性だけ。ケースや本人の情報は受け取りません）。同じ月の同じ必要は件数が増えます。説明に名前・電話番号・住所のような書き方があると 400 で止め、?confirm=true で保存します',
        parameters: [query('confirm', '個人が分かる書き方の警告を確かめたうえで保存する', false, ['true'])],
        requestBody: { content: ref('NewGap') },
        responses: {
          201: {
            description: '記録した（または件数を増やした）',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { id: { type: 'string' }, count: { type: 'integer' } },
                  required: ['id', 'count'],
                },
              },
            },
          },
          400: error('入力の誤り、地区名が見つからない、または個人が分かる書き方の警告'),
          ...denied,
        },
      },
    },
    '/api/gaps/{id}': {
      patch: {
        summary:
          '状態を進める（新規 → 構築会議で検討 → 対応中（担当・期限）→ 解消（資源の ID）/ 見送り（理由））、コメントを残す',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          query('confirm', 'コメントの個人情報の警告を確かめたうえで保存する', false, ['true']),
        ],
        requestBody: { content: ref('GapPatch') },
        responses: {
          200: { description: '更新後の不足', content: ref('Gap') },
          400: error('担当・資源・理由の不足、またはコメントの警告'),
          409: error('その状態には進められない'),
          ...denied,
        },
      },
    },
    '/api/gaps/trends': {
      get: {
        summary: `月ごとの不足の記録と解消（直近12か月）。${small}`,
        parameters: [municipality, typedQuery('to', '最後の月を含む日（YYYY-MM-DD、既定は今日）', DATE)],
        responses: { 200: { description: '成功', content: ref('GapTrend') }, 400: error('条件の誤り'), ...denied },
      },
    },
    '/api/coverage': {
      get: {
        summary: `実施中の資源と記録された不足を2つの軸で並べた表。${small}`,
        parameters: [municipality, by, from, to, query('format', '形式', false, ['json', 'csv'])],
        responses: {
          200: { description: '成功', content: { ...ref('Coverage'), ...csv } },
          400: error('条件の誤り'),
          ...denied,
        },
      },
    },
    '/api/coverage/map': {
      get: {
        summary: `地区の代表点ごとの不足の数と、地図に置ける実施中の資源。${small}`,
        parameters: [municipality, from, to],
        responses: {
          200: { description: '成功', content: ref('CoverageMap') },
          400: error('条件の誤り'),
          ...denied,
        },
      },
    },
    '/api/reports/kochiku': {
      get: {
        summary: `構築会議の報告（まとめ、多い不足、資源と不足の表、資源の追加・変更、分類ごとの紹介の結果、解消、推移）。CSV は期間の不足の一覧、XLSX は表ごとのシート。${small}`,
        parameters: [
          municipality,
          { ...from, required: true },
          { ...to, required: true },
          query('format', '形式', false, ['json', 'csv', 'xlsx']),
        ],
        responses: {
          200: {
            description: '成功',
            content: {
              ...ref('KochikuReport'),
              ...csv,
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
                schema: { type: 'string', format: 'binary' },
              },
            },
          },
          400: error('条件の誤り'),
          ...denied,
        },
      },
    },
  };

  const schemas = {
    NewGap: json(NewGapSchema, 'input'),
    GapPatch: json(GapPatchSchema, 'input'),
    Gap: json(GapSchema, 'output'),
    GapTrend: json(GapTrendSchema, 'output'),
    Coverage: json(CoverageSchema, 'output'),
    CoverageMap: json(CoverageMapSchema, 'output'),
    KochikuReport: json(KochikuReportSchema, 'output'),
  };
  return { paths, schemas };
}
