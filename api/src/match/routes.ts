import { Hono } from 'hono';
import { HouseholdProfileSchema, NeedsProfileSchema, resolveDistrict, type Municipality } from '@norishiro/data';
import { publicRoute } from '../auth/permissions.ts';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { jsonBody, parseInput } from '../validate.ts';
import { matchHousehold, matchProfile } from './service.ts';

async function municipalityOf(deps: AppDeps, code: string): Promise<Municipality> {
  const municipality = (await deps.municipalities()).find((m) => m.code === code);
  if (!municipality) {
    throw new HttpError('invalid_request', 'この自治体はまだ登録されていません', [
      { path: 'municipality', message: `団体コード ${code} の資源台帳がありません` },
    ]);
  }
  return municipality;
}

/**
 * A district as typed (「稲積」, 「天城湯ケ島」) is accepted when it is close to exactly one
 * district; otherwise 400, listing the names that were close or, failing that, all of them.
 */
function checkDistrict(m: Municipality, district: string | undefined): void {
  if (district === undefined || district.trim() === '') return;
  const match = resolveDistrict(m, district);
  if (match.district) return;
  throw new HttpError('invalid_request', '地区の指定に誤りがあります', [
    {
      path: 'district',
      message: `${m.name}に「${district.trim()}」に当たる地区が見つかりません。次のどれかを指定してください：${match.candidates.join('、')}`,
    },
    ...match.candidates.map((name) => ({ path: 'district', message: name })),
  ]);
}

export function matchRoutes(deps: AppDeps) {
  return new Hono()
    .post('/', async (c) => {
      const profile = parseInput(NeedsProfileSchema, await jsonBody(c.req), 'ニーズの入力');
      const municipality = await municipalityOf(deps, profile.municipality);
      checkDistrict(municipality, profile.district);
      return c.json(await matchProfile(deps.meili, deps.indexName, profile, municipality));
    })
    .post('/household', publicRoute(), async (c) => {
      const household = parseInput(HouseholdProfileSchema, await jsonBody(c.req), '世帯の入力');
      const municipality = await municipalityOf(deps, household.municipality);
      checkDistrict(municipality, household.district);
      return c.json(await matchHousehold(deps.meili, deps.indexName, household, municipality));
    });
}
