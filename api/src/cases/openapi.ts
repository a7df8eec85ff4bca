import { CasePatchSchema, CaseSchema, CaseSummarySchema, NewCaseSchema } from '@norishiro/data';
import { body, conflict, invalid, json, list, ok, okBody, path, ref, scopedDenied } from '../openapi/parts.ts';

/** Cases' part of the OpenAPI document, from the data/ schemas the routes validate with. */
const id = path('id', 'ケースの ID');

export const casePaths = {
  '/api/cases': {
    get: {
      summary: 'ケースの一覧（担当する自治体のみ。読んだことは操作記録に残ります）',
      responses: { 200: ok('成功', list('CaseSummary')), ...scopedDenied },
    },
    post: {
      summary: 'ケースを作る（記号は仮名。名前・住所・電話は受け取りません。メモは暗号化して保存）',
      requestBody: body('NewCase'),
      responses: { 201: ok('作成した', ref('Case')), ...invalid, ...scopedDenied },
    },
  },
  '/api/cases/{id}': {
    get: {
      summary: 'ケース1件（世帯員の状況とメモ）',
      parameters: [id],
      responses: { 200: ok('成功', ref('Case')), ...scopedDenied },
    },
    patch: {
      summary: 'ケースを変える（version が今の版と違うと 409）',
      parameters: [id],
      requestBody: body('CasePatch'),
      responses: { 200: ok('変更した', ref('Case')), ...invalid, ...scopedDenied, ...conflict },
    },
  },
  '/api/cases/{id}/erase': {
    post: {
      summary: '本人の求めによる消去（職員のみ。記号・メモを消し、統計のための状態だけ残します）',
      parameters: [id],
      responses: { 200: ok('消去した', okBody), ...scopedDenied },
    },
  },
};

export const caseSchemas = {
  Case: json(CaseSchema),
  CaseSummary: json(CaseSummarySchema),
  NewCase: json(NewCaseSchema, 'input'),
  CasePatch: json(CasePatchSchema, 'input'),
};
