import * as v from 'valibot';
import {
  AccountSchema,
  AuditRowSchema,
  NewAccountSchema,
  SessionActorSchema,
  SetPasswordSchema,
  SetupSchema,
} from '@norishiro/data';
import { AuditQuerySchema } from '../audit/routes.ts';
import {
  body,
  denied,
  error,
  invalid,
  json,
  list,
  ok,
  path,
  ref,
  scopedDenied,
  DATE,
  okBody,
} from '../openapi/parts.ts';

/**
 * Accounts, the signed-in person and the audit log in the OpenAPI document. Sign-in itself
 * (`/api/auth/*`) is better-auth's surface and follows its documentation.
 */
const done = okBody;
const AUDIT_TYPES: Record<keyof typeof AuditQuerySchema.entries, Record<string, unknown>> = {
  person: { type: 'string', maxLength: 200 },
  objectType: { type: 'string', maxLength: 50 },
  objectId: { type: 'string', maxLength: 200 },
  from: DATE,
  to: DATE,
  format: { type: 'string', enum: ['json', 'csv'], default: 'json' },
  limit: { type: 'integer', minimum: 0, maximum: 10_000, default: 500 },
};
const auditQuery = Object.keys(AuditQuerySchema.entries).map((name) => ({
  name,
  in: 'query',
  required: false,
  schema: AUDIT_TYPES[name as keyof typeof AUDIT_TYPES],
}));

export const accountPaths = {
  '/api/sign-in-options': {
    get: {
      summary: 'ログインの方法（OpenID Connect が設定されていればその表示名）',
      responses: { 200: ok('成功', { 'application/json': { schema: { type: 'object' } } }) },
    },
  },
  '/api/me': {
    get: {
      summary: 'ログインしている人（役割・担当自治体・受け入れ先の資源）',
      responses: { 200: ok('成功', ref('SessionActor')), 401: error('ログインしていない') },
    },
  },
  '/api/setup': {
    get: {
      summary: '最初の管理者を登録するリンクが使えるか',
      parameters: [{ name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
      responses: {
        200: ok('成功', {
          'application/json': { schema: { type: 'object', properties: { valid: { type: 'boolean' } } } },
        }),
      },
    },
    post: {
      summary: '最初の管理者を登録する（起動時に表示される1時間有効のリンクで1回だけ）',
      requestBody: body('Setup'),
      responses: { 201: ok('登録した', done), ...invalid, 403: error('リンクが使えない') },
    },
  },
  '/api/account/password': {
    post: {
      summary: 'パスワードを設定する（管理者・職員が発行した1回限りのリンクで）',
      requestBody: body('SetPassword'),
      responses: { 200: ok('設定した', done), ...invalid, 403: error('リンクが使えない') },
    },
  },
  '/api/accounts': {
    get: {
      summary: 'アカウントの一覧（職員は担当自治体の分、管理者はすべて）',
      responses: { 200: ok('成功', list('Account')), ...denied },
    },
    post: {
      summary: 'アカウントを作る（自己登録はありません。パスワード設定のリンクを返します）',
      requestBody: body('NewAccount'),
      responses: {
        201: ok('作成した', {
          'application/json': {
            schema: {
              type: 'object',
              properties: { account: { $ref: '#/components/schemas/Account' }, setPasswordUrl: { type: 'string' } },
            },
          },
        }),
        ...invalid,
        ...denied,
        409: error('同じメールアドレスのアカウントがある'),
      },
    },
  },
  '/api/accounts/{id}/disable': {
    post: {
      summary: 'アカウントを無効にする（その人のセッションはすぐ切れます）',
      parameters: [path('id', 'アカウントの ID')],
      responses: { 200: ok('無効にした', done), ...invalid, ...scopedDenied },
    },
  },
  '/api/audit': {
    get: {
      summary: '操作記録（担当自治体の分。読んだこと・書き出したことも記録されます）',
      parameters: auditQuery,
      responses: {
        200: ok('成功', { ...list('AuditRow'), 'text/csv': { schema: { type: 'string' } } }),
        ...invalid,
        ...denied,
      },
    },
  },
};

export const accountSchemas = {
  Account: json(AccountSchema),
  NewAccount: json(NewAccountSchema, 'input'),
  SessionActor: json(SessionActorSchema),
  Setup: json(SetupSchema, 'input'),
  SetPassword: json(SetPasswordSchema, 'input'),
  AuditRow: json(AuditRowSchema as v.GenericSchema),
};
