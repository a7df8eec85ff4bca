import { HouseholdMatchResponseSchema, HouseholdProfileSchema } from '@norishiro/data';
import { json, ref } from '../openapi/parts.ts';

/**
 * The household matching route's part of the OpenAPI document, kept beside the route and
 * spread into api/src/openapi/spec.ts, from the same data/ schemas the route validates with.
 */

export const householdMatchPaths = {
  '/api/match/household': {
    post: {
      summary:
        '世帯（6人まで）のそれぞれに合う資源を同じ規則で順位づけし、複数の人に共通する資源と世帯としての不足を返す（入力は保存もログもしません）',
      requestBody: { content: ref('HouseholdProfile') },
      responses: {
        200: { description: '成功', content: ref('HouseholdMatchResponse') },
        400: {
          description: '入力の誤り（地区名が近いものもないときは、選べる地区名を details に挙げます）',
          content: ref('ApiError'),
        },
      },
    },
  },
};

export const householdMatchSchemas = {
  HouseholdProfile: json(HouseholdProfileSchema, 'input'),
  HouseholdMatchResponse: json(HouseholdMatchResponseSchema, 'output'),
};
