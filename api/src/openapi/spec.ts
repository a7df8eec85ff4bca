import * as v from 'valibot';
import {
  ApiErrorSchema,
  MatchResponseSchema,
  MunicipalitySchema,
  NeedsProfileSchema,
  ResourceDetailSchema,
  ResourceListSchema,
  ResourceQuerySchema,
  ResourceSchema,
} from '@norishiro/data';
import { SearchErrorSchema } from '../search/errors.ts';
import { ProxyRequestSchema } from '../search/proxy-query.ts';
import { householdMatchPaths, householdMatchSchemas } from '../match/openapi.ts';
import { editingPaths, editingSchemas } from '../editing/openapi.ts';
import { gapOpenApi } from '../gaps/openapi.ts';
import { caseSchemas, casePaths } from '../cases/openapi.ts';
import { referralPaths, referralSchemas } from '../referrals/openapi.ts';
import { accountPaths, accountSchemas } from '../accounts/openapi.ts';
import { adminPaths, adminSchemas } from '../admin/openapi.ts';
import { hsdsPaths } from '../hsds/openapi.ts';
import { error, json, ref } from './parts.ts';

const ok = (name: string, description = '成功') => ({ description, content: ref(name) });

const queryParameters = Object.entries(ResourceQuerySchema.entries).map(([name, schema]) => ({
  name,
  in: 'query',
  required: false,
  schema: { type: 'string' },
  description: (json(schema as v.GenericSchema, 'input').description as string | undefined) ?? undefined,
}));

/** OpenAPI 3.1, generated from the same data/ schemas the API validates with. */
export function openApiSpec() {
  const gaps = gapOpenApi();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Norishiro API',
      version: '0.1.0',
      description:
        '重層的支援体制整備事業の社会資源ディレクトリとマッチングの API。エラーは ApiError の形で返ります（検索プロキシ /api/search/* だけは、InstantSearch が読める Meilisearch の形 SearchError）。',
    },
    paths: {
      '/api/health': {
        get: { summary: '稼働状況', responses: { 200: { description: '正常' }, 503: { description: '一部停止' } } },
      },
      '/api/taxonomy': {
        get: { summary: '分類・対象・段階などのコードと表示名', responses: { 200: { description: '成功' } } },
      },
      '/api/municipalities': {
        get: {
          summary: '自治体と地区の一覧',
          responses: {
            200: {
              description: '成功',
              content: {
                'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Municipality' } } },
              },
            },
          },
        },
      },
      '/api/resources': {
        get: {
          summary: '資源の検索（キーワード・絞り込み・距離順・ファセット）',
          parameters: queryParameters,
          responses: { 200: ok('ResourceList'), 400: error('検索条件の誤り') },
        },
      },
      '/api/resources/{id}': {
        get: {
          summary: '資源の公開情報',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: ok('ResourceDetail', '成功（統合された以前の ID には、統合先の資源と mergedFrom を返します）'),
            404: error('見つからない'),
          },
        },
      },
      '/api/search/multi-search': {
        post: {
          summary: 'instant-meilisearch 用の検索プロキシ（公開項目・公開中の資源のみ）',
          requestBody: { content: ref('ProxyRequest') },
          responses: {
            200: { description: 'Meilisearch の multi-search 応答' },
            400: {
              description: '許可されていない検索（件数・抜粋の長さは上限に丸めます）',
              content: ref('SearchError'),
            },
            413: { description: 'リクエストが大きすぎる', content: ref('SearchError') },
            503: { description: '検索が一時的に使えない（Retry-After つき）', content: ref('SearchError') },
          },
        },
      },
      '/api/match': {
        post: {
          summary: 'ニーズに合う資源を理由つきで順位づけ（入力は保存もログもしません）',
          requestBody: { content: ref('NeedsProfile') },
          responses: { 200: ok('MatchResponse'), 400: error('入力の誤り') },
        },
      },
      ...householdMatchPaths,
      ...editingPaths,
      ...gaps.paths,
      ...casePaths,
      ...referralPaths,
      ...accountPaths,
      ...adminPaths,
      ...hsdsPaths,
      '/api/openapi.json': {
        get: { summary: 'この文書（OpenAPI 3.1）', responses: { 200: { description: '成功' } } },
      },
      '/api/docs': {
        get: {
          summary: 'この文書を読むための HTML',
          responses: { 200: { description: '成功', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
    },
    components: {
      schemas: {
        ApiError: json(ApiErrorSchema),
        Municipality: json(MunicipalitySchema),
        Resource: json(ResourceSchema),
        ResourceDetail: json(ResourceDetailSchema),
        ResourceList: json(ResourceListSchema),
        NeedsProfile: json(NeedsProfileSchema, 'input'),
        MatchResponse: json(MatchResponseSchema),
        ProxyRequest: json(ProxyRequestSchema, 'input'),
        SearchError: json(SearchErrorSchema),
        ...householdMatchSchemas,
        ...editingSchemas,
        ...gaps.schemas,
        ...caseSchemas,
        ...referralSchemas,
        ...accountSchemas,
        ...adminSchemas,
      },
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'DATA_DIR の管理用トークン（同じ機械の CLI だけが使う）',
        },
      },
    },
  };
}
