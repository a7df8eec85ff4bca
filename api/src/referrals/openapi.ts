import {
  FollowupRecordSchema,
  FollowupSchema,
  NewReferralSchema,
  OutcomeRowSchema,
  ReferralEventInputSchema,
  ReferralSchema,
} from '@norishiro/data';
import { body, conflict, denied, invalid, json, list, ok, okBody, path, ref, scopedDenied } from '../openapi/parts.ts';

/** Referrals' and follow-ups' part of the OpenAPI document, from the data/ schemas. */
const id = path('id', '紹介の ID');

export const referralPaths = {
  '/api/referrals': {
    get: {
      summary: '紹介の一覧（コーディネーター・職員は担当自治体、受け入れ先は自分の資源あて）',
      responses: { 200: ok('成功', list('Referral')), ...scopedDenied },
    },
    post: {
      summary: '紹介を作る（本人同意か支援会議の記録が必須。Idempotency-Key が同じ再送は同じ紹介を返します）',
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: '再送しても紹介が二重にならないための鍵',
        },
      ],
      requestBody: body('NewReferral'),
      responses: { 201: ok('作成した', ref('Referral')), ...invalid, ...scopedDenied },
    },
  },
  '/api/referrals/outcomes': {
    get: {
      summary: '資源ごとの結果（紹介・受け入れ・参加開始・3か月後も参加）。1〜2件は「3未満」',
      responses: { 200: ok('成功', list('OutcomeRow')), ...denied },
    },
  },
  '/api/referrals/{id}': {
    get: {
      summary: '紹介1件と経過（受け入れ先には同意の範囲の項目だけ）',
      parameters: [id],
      responses: { 200: ok('成功', ref('Referral')), ...scopedDenied },
    },
  },
  '/api/referrals/{id}/events': {
    post: {
      summary: '状態を変える・日程・出欠・同意の撤回（version が今の版と違うと 409）',
      parameters: [id],
      requestBody: body('ReferralEventInput'),
      responses: { 200: ok('記録した', ref('Referral')), ...invalid, ...scopedDenied, ...conflict },
    },
  },
  '/api/referrals/{id}/print': {
    get: {
      summary: '紹介票の内容（資源、日程、コーディネーターの連絡先、同意された項目だけ）',
      parameters: [id],
      responses: { 200: ok('成功', { 'application/json': { schema: { type: 'object' } } }), ...scopedDenied },
    },
  },
  '/api/referrals/{id}/visit.ics': {
    get: {
      summary: '見学・体験の日のカレンダー（.ics）',
      parameters: [id],
      responses: {
        200: ok('成功', { 'text/calendar': { schema: { type: 'string' } } }),
        ...scopedDenied,
      },
    },
  },
  '/api/followups': {
    get: {
      summary: '今日の確認（定着支援の予定と受け入れ先からの支援依頼、期限切れが先）',
      responses: { 200: ok('成功', list('Followup')), ...denied },
    },
  },
  '/api/followups/{id}': {
    post: {
      summary: '確認を記録する（様子と次にすること。暗号化して保存）',
      parameters: [path('id', '確認の番号')],
      requestBody: body('FollowupRecord'),
      responses: { 200: ok('記録した', okBody), ...invalid, ...scopedDenied },
    },
  },
};

export const referralSchemas = {
  Referral: json(ReferralSchema),
  NewReferral: json(NewReferralSchema, 'input'),
  ReferralEventInput: json(ReferralEventInputSchema, 'input'),
  Followup: json(FollowupSchema),
  FollowupRecord: json(FollowupRecordSchema, 'input'),
  OutcomeRow: json(OutcomeRowSchema),
};
