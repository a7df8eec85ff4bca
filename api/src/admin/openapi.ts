import { body, error, invalid, ok } from '../openapi/parts.ts';

/**
 * The operator's routes: called by `pnpm index` and `pnpm admin` on the same machine with
 * the token kept in DATA_DIR, never by a browser.
 */
const token = [{ adminToken: [] }];
const lines = (what: string) => ({
  'application/x-ndjson': { schema: { type: 'string', description: `1行に1つの JSON（${what}）` } },
});
const refused = { 401: error('管理用トークンが違う') };

export const adminPaths = {
  '/api/admin/index': {
    post: {
      summary: '資源の台帳を読み込み、データベースと検索の索引を作り直す（進みぐあいを1行ずつ返します）',
      security: token,
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: { type: 'object', properties: { dryRun: { type: 'boolean' }, batch: { type: 'object' } } },
          },
        },
      },
      responses: { 200: ok('進みぐあいと結果', lines('progress / done / error')), ...invalid, ...refused },
    },
  },
  '/api/admin/hsds': {
    get: {
      summary: 'データベースの全資源を HSDS 3 の形で書き出す',
      security: token,
      responses: { 200: ok('成功', { 'application/json': { schema: { type: 'object' } } }), ...refused },
    },
  },
  '/api/admin/cli': {
    post: {
      summary: '`pnpm admin` のコマンドを動いているサービスの中で実行する（出力を1行ずつ返します）',
      security: token,
      requestBody: body('AdminCommand'),
      responses: { 200: ok('出力と終了コード', lines('out / err / exit')), ...invalid, ...refused },
    },
  },
};

export const adminSchemas = {
  AdminCommand: {
    type: 'object',
    required: ['argv'],
    properties: {
      argv: { type: 'array', items: { type: 'string' } },
      stdin: { type: 'string' },
      cwd: { type: 'string' },
    },
  },
};
