import {
  ConflictDecisionSchema,
  ConflictItemSchema,
  EditableResourceSchema,
  HistoryEntrySchema,
  HostChangeResultSchema,
  StaffEditResultSchema,
  HostChangeSchema,
  MunicipalitySettingsPatchSchema,
  MunicipalitySettingsSchema,
  ResourceEditSchema,
  RetireSchema,
  ReviewDecisionSchema,
  SuggestionItemSchema,
  SuggestionSchema,
} from '@norishiro/data';
import { error, json, list, okBody, path, ref } from '../openapi/parts.ts';

/**
 * Resource editing's part of the OpenAPI document, kept beside the routes and spread into
 * api/src/openapi/spec.ts, from the same data/ schemas the routes validate with.
 */
const resourceId = path('id', '資源の ID（変わらない）');
const itemId = path('id', '番号');
const signedIn = {
  401: error('ログインしていない'),
  403: error('この役割ではできない'),
};
const notFound = error('見つからない、または担当外（存在するかどうかも答えません）');

export const editingPaths = {
  '/api/resources/mine': {
    get: {
      summary: '編集できる資源の一覧（職員は担当自治体の資源、受け入れ先は自分の資源）',
      responses: { 200: { description: '成功', content: list('Resource') }, ...signedIn },
    },
  },
  '/api/resources/{id}/edit': {
    get: {
      summary: '編集用の資源、版（楽観的ロック）と変更履歴',
      parameters: [resourceId],
      responses: { 200: { description: '成功', content: ref('EditableResource') }, ...signedIn, 404: notFound },
    },
    put: {
      summary:
        '職員: 資源全体を保存（確認日を更新し、項目ごとの履歴を残し、検索に反映）。受け入れ先: 日時・問い合わせ先・説明の変更を送る（自治体の設定により確認待ちか、すぐ公開）',
      parameters: [resourceId],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              oneOf: [{ $ref: '#/components/schemas/ResourceEdit' }, { $ref: '#/components/schemas/HostChange' }],
            },
          },
        },
      },
      responses: {
        200: {
          description: '保存した（受け入れ先の変更はすぐ公開された）',
          content: {
            'application/json': {
              schema: {
                oneOf: [
                  { $ref: '#/components/schemas/StaffEditResult' },
                  { $ref: '#/components/schemas/HostChangeResult' },
                ],
              },
            },
          },
        },
        202: { description: '受け入れ先の変更を確認待ちにした', content: ref('HostChangeResult') },
        400: error('入力の誤り（details に項目ごとの理由）'),
        ...signedIn,
        404: notFound,
        409: error('ほかの人が先に更新した'),
      },
    },
  },
  '/api/resources/{id}/retire': {
    post: {
      summary: '資源を終了にする（削除しない。公開ページは「終了」と表示して残る）',
      parameters: [resourceId],
      requestBody: { content: ref('Retire') },
      responses: {
        200: { description: '成功', content: ref('Resource') },
        400: error('理由がない'),
        ...signedIn,
        404: notFound,
      },
    },
  },
  '/api/resources/new': {
    post: {
      summary: '計画にない資源を追加（出典がなければ「職員が確認」と確認した人・日を記録）',
      requestBody: { content: ref('Resource') },
      responses: { 201: { description: '追加した', content: ref('Resource') }, 400: error('入力の誤り'), ...signedIn },
    },
  },
  '/api/resources/{id}/suggestions': {
    post: {
      summary: '「情報のまちがいを知らせる」（ログイン不要・個人情報は不要。送信元ごとに回数制限）',
      parameters: [resourceId],
      requestBody: { content: ref('Suggestion') },
      responses: {
        202: { description: '受け付けた', content: okBody },
        400: error('内容が短すぎる・長すぎる'),
        404: error('資源が見つからない'),
        429: error('送る回数が多すぎる（Retry-After）'),
      },
    },
  },
  '/api/review': {
    get: {
      summary: '確認待ち（住民の知らせと受け入れ先の変更）',
      responses: { 200: { description: '成功', content: list('SuggestionItem') }, ...signedIn },
    },
  },
  '/api/review/{id}': {
    post: {
      summary: '確認待ちを採用する、または理由をつけて見送る',
      parameters: [itemId],
      requestBody: { content: ref('ReviewDecision') },
      responses: {
        200: { description: '成功', content: okBody },
        400: error('見送る理由がない'),
        ...signedIn,
        404: notFound,
      },
    },
  },
  '/api/settings/{code}': {
    get: {
      summary:
        '自治体の設定（受け入れ先の変更をすぐ公開するか、ケースの保存年数、定着支援の確認の日）。選んでいないものは既定値',
      parameters: [path('code', '団体コード')],
      responses: { 200: { description: '成功', content: ref('MunicipalitySettings') }, ...signedIn, 404: notFound },
    },
    put: {
      summary: '自治体の設定を変える（送った項目だけ変わります）',
      parameters: [path('code', '団体コード')],
      requestBody: { content: ref('MunicipalitySettingsPatch') },
      responses: {
        200: { description: '成功', content: ref('MunicipalitySettings') },
        400: error('入力の誤り'),
        ...signedIn,
        404: notFound,
      },
    },
  },
  '/api/conflicts': {
    get: {
      summary: '計画の取り込み直しと職員の編集の競合',
      responses: { 200: { description: '成功', content: list('ConflictItem') }, ...signedIn },
    },
  },
  '/api/conflicts/{id}': {
    post: {
      summary: '競合を解決する（職員の値を残す、または計画の値にする）',
      parameters: [itemId],
      requestBody: { content: ref('ConflictDecision') },
      responses: {
        200: { description: '成功', content: okBody },
        400: error('入力の誤り'),
        ...signedIn,
        404: notFound,
      },
    },
  },
};

export const editingSchemas = {
  ResourceEdit: json(ResourceEditSchema, 'input'),
  HostChange: json(HostChangeSchema, 'input'),
  Retire: json(RetireSchema, 'input'),
  Suggestion: json(SuggestionSchema, 'input'),
  ReviewDecision: json(ReviewDecisionSchema, 'input'),
  ConflictDecision: json(ConflictDecisionSchema, 'input'),
  MunicipalitySettings: json(MunicipalitySettingsSchema, 'output'),
  MunicipalitySettingsPatch: json(MunicipalitySettingsPatchSchema, 'input'),
  HistoryEntry: json(HistoryEntrySchema, 'output'),
  EditableResource: json(EditableResourceSchema, 'output'),
  StaffEditResult: json(StaffEditResultSchema, 'output'),
  HostChangeResult: json(HostChangeResultSchema, 'output'),
  SuggestionItem: json(SuggestionItemSchema, 'output'),
  ConflictItem: json(ConflictItemSchema, 'output'),
};
