import * as v from 'valibot';
import {
  ApiErrorSchema,
  CategorySchema,
  DaySchema,
  HealthSchema,
  KindSchema,
  ProxySearchResponseSchema,
  StageSchema,
  TargetSchema,
  TaxonomyListsSchema,
  MatchResponseSchema,
  MunicipalitySchema,
  NeedsProfileSchema,
  OkSchema,
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

/** A comma list (`category=ibasho,salon`), as the server reads it. */
const listOf = (item: v.GenericSchema) => ({ type: 'array', items: json(item) });
const boolean = { type: 'boolean' };

/**
 * The search parameters with the types the server parses them to (the query string carries
 * text; these say which text is accepted), one for each entry of ResourceQuerySchema.
 */
const QUERY_TYPES: Record<keyof typeof ResourceQuerySchema.entries, Record<string, unknown>> = {
  q: { type: 'string', maxLength: 200 },
  municipality: { type: 'string', pattern: '^\\d{6}$' },
  district: { type: 'string' },
  category: listOf(CategorySchema),
  target: listOf(TargetSchema),
  stage: listOf(StageSchema),
  day: listOf(DaySchema),
  openAt: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
  free: boolean,
  near: { type: 'string', pattern: '^-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?$', description: '緯度,経度' },
  radiusKm: { type: 'number', minimum: 0.1, maximum: 500 },
  includeCoordination: boolean,
  confirmed: boolean,
  kind: listOf(KindSchema),
  page: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
  perPage: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
};

const queryParameters = Object.entries(ResourceQuerySchema.entries).map(([name, schema]) => ({
  name,
  in: 'query',
  required: false,
  schema: QUERY_TYPES[name as keyof typeof QUERY_TYPES],
  ...(QUERY_TYPES[name as keyof typeof QUERY_TYPES].type === 'array' && { style: 'form', explode: false }),
  description: (json(schema as v.GenericSchema, 'input').description as string | undefined) ?? undefined,
}));

type Operation = { operationId?: string; security?: unknown[]; responses: Record<string, unknown> };

/** `get /api/cases/{id}/erase` → `getCasesByIdErase`: stable ids for generated clients. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\/?/, '')
    .split(/[/._-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `By${w.slice(1, 2).toUpperCase()}${w.slice(2, -1)}` : w))
    .map((w) => w.slice(0, 1).toUpperCase() + w.slice(1));
  return method + words.join('');
}

/**
 * Every operation gets an operationId and says how it is authorised: a route that answers
 * 401 needs a staff session; the rest are public (an explicit empty list).
 */
function finish<T extends Record<string, Record<string, Operation>>>(paths: T): T {
  for (const [path, ops] of Object.entries(paths))
    for (const [method, op] of Object.entries(ops)) {
      op.operationId ??= operationIdOf(method, path);
      op.security ??= '401' in op.responses ? [{ session: [] }] : [];
    }
  return paths;
}

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
    servers: [{ url: '/', description: 'この API を配信しているサービス（同じオリジン）' }],
    paths: finish({
      '/api/health': {
        get: {
          summary: '稼働状況',
          responses: { 200: ok('Health', '正常'), 503: ok('Health', '一部停止（どこが止まっているかを返します）') },
        },
      },
      '/api/taxonomy': {
        get: { summary: '分類・対象・段階などのコードと表示名', responses: { 200: ok('TaxonomyLists') } },
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
            200: ok('ProxySearchResponse', 'Meilisearch の multi-search 応答（公開項目のみ）'),
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
        get: {
          summary: 'この文書（OpenAPI 3.1）',
          responses: {
            200: { description: '成功', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
      '/api/docs': {
        get: {
          summary: 'この文書の対話型リファレンス（Swagger UI。パラメーターと「Try it out」つき）',
          responses: { 200: { description: '成功', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
      '/api/docs/{file}': {
        get: {
          summary: 'リファレンスの画面が読み込むファイル（swagger-ui.css、swagger-ui-bundle.js、init.js）',
          parameters: [
            {
              name: 'file',
              in: 'path',
              required: true,
              schema: { type: 'string', enum: ['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js'] },
            },
          ],
          responses: {
            200: { description: '成功', content: { 'text/javascript': { schema: { type: 'string' } } } },
            404: error('そのファイルはない'),
          },
        },
      },
    }),
    components: {
      schemas: {
        ApiError: json(ApiErrorSchema),
        Ok: json(OkSchema),
        Health: json(HealthSchema),
        TaxonomyLists: json(TaxonomyListsSchema),
        ProxySearchResponse: json(ProxySearchResponseSchema),
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
