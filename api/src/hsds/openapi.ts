import { error, invalid, ok, path, query } from '../openapi/parts.ts';

/**
 * The HSDS 3.0 read API. Bodies are HSDS's own shapes (openreferral/specification 3.0,
 * schema/compiled/*.json); the test suite validates them against those files.
 */
const spec = (file: string) => `https://github.com/openreferral/specification/blob/3.0/schema/${file}`;
const hsds = (file: string, description: string) => ({
  'application/json': { schema: { type: 'object', description: `${description}（HSDS 3.0 ${spec(file)}）` } },
});
const pageOf = (file: string, description: string) => ({
  'application/json': {
    schema: {
      type: 'object',
      description: `HSDS の Page（${description}）`,
      required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
      properties: {
        total_items: { type: 'integer' },
        total_pages: { type: 'integer' },
        page_number: { type: 'integer' },
        size: { type: 'integer' },
        first_page: { type: 'boolean' },
        last_page: { type: 'boolean' },
        empty: { type: 'boolean' },
        contents: { type: 'array', items: { type: 'object', description: spec(file) } },
      },
    },
  },
});
const paging = [
  {
    name: 'page',
    in: 'query',
    required: false,
    description: 'ページ番号（1から）',
    schema: { type: 'integer', minimum: 1, default: 1 },
  },
  {
    name: 'per_page',
    in: 'query',
    required: false,
    description: '1ページの件数',
    schema: { type: 'integer', minimum: 1, maximum: 1000, default: 50 },
  },
];
const flag = (name: string, description: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'boolean' },
});
const missing = { 404: error('見つからない') };
const tags = ['HSDS 3.0'];

export const hsdsPaths = {
  '/api/hsds': {
    get: {
      tags,
      operationId: 'hsdsMeta',
      summary: 'この API の HSDS の版と文書の場所',
      responses: {
        200: ok('成功', {
          'application/json': {
            schema: {
              type: 'object',
              properties: {
                version: { type: 'string' },
                profile: { type: 'string', format: 'uri' },
                openapi_url: { type: 'string', format: 'uri' },
              },
            },
          },
        }),
      },
    },
  },
  '/api/hsds/services': {
    get: {
      tags,
      operationId: 'hsdsListServices',
      summary: 'サービスの一覧（HSDS の service_list をページで）',
      parameters: [
        ...paging,
        query('search', '名称・別名・説明に含まれる語'),
        query('taxonomy_term_id', 'この分類項目を持つサービスだけ'),
        query('taxonomy_id', 'この分類のどれかの項目を持つサービスだけ'),
        query('organization_id', 'この組織のサービスだけ'),
        flag('full', 'true なら入れ子の service を返す'),
      ],
      responses: { 200: ok('成功', pageOf('compiled/service_list.json', 'service_list')), ...invalid },
    },
  },
  '/api/hsds/services/{id}': {
    get: {
      tags,
      operationId: 'hsdsGetService',
      summary: 'サービス1件（HSDS の入れ子の service）。Norishiro の資源 ID でも引けます',
      parameters: [path('id', 'HSDS のサービス ID（UUID）または Norishiro の資源 ID')],
      responses: { 200: ok('成功', hsds('compiled/service.json', '入れ子の service')), ...missing },
    },
  },
  '/api/hsds/organizations': {
    get: {
      tags,
      operationId: 'hsdsListOrganizations',
      summary: '組織の一覧（市町村と、計画に書かれた実施主体）',
      parameters: paging,
      responses: { 200: ok('成功', pageOf('compiled/organization_list.json', 'organization_list')), ...invalid },
    },
  },
  '/api/hsds/taxonomies': {
    get: {
      tags,
      operationId: 'hsdsListTaxonomies',
      summary: 'Norishiro が公開する分類の一覧',
      parameters: paging,
      responses: { 200: ok('成功', pageOf('taxonomy.json', 'taxonomy')), ...invalid },
    },
  },
  '/api/hsds/taxonomies/{id}': {
    get: {
      tags,
      operationId: 'hsdsGetTaxonomy',
      summary: '分類1件（taxonomy の uri が指す先）',
      parameters: [path('id', '分類の ID（UUID）')],
      responses: { 200: ok('成功', hsds('taxonomy.json', 'taxonomy')), ...missing },
    },
  },
  '/api/hsds/taxonomy_terms': {
    get: {
      tags,
      operationId: 'hsdsListTaxonomyTerms',
      summary: '分類の項目の一覧',
      parameters: [
        ...paging,
        query('taxonomy_id', 'この分類の項目だけ'),
        query('parent_id', 'この項目の下の項目だけ'),
        flag('top_only', 'true なら親のない項目だけ'),
      ],
      responses: { 200: ok('成功', pageOf('taxonomy_term.json', 'taxonomy_term')), ...invalid },
    },
  },
  '/api/hsds/taxonomy_terms/{id}': {
    get: {
      tags,
      operationId: 'hsdsGetTaxonomyTerm',
      summary: '分類の項目1件（term_uri が指す先）',
      parameters: [path('id', '分類の項目の ID（UUID）')],
      responses: { 200: ok('成功', hsds('taxonomy_term.json', 'taxonomy_term')), ...missing },
    },
  },
};
