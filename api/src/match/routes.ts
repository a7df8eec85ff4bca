import { Hono } from 'hono';
import { NeedsProfileSchema } from '@norishiro/data';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { jsonBody, parseInput } from '../validate.ts';
import { matchProfile } from './service.ts';

export function matchRoutes(deps: AppDeps) {
  return new Hono().post('/', async (c) => {
    const profile = parseInput(NeedsProfileSchema, await jsonBody(c.req), 'ニーズの入力');
    const municipality = (await deps.municipalities()).find((m) => m.code === profile.municipality);
    if (!municipality) {
      throw new HttpError('invalid_request', 'この自治体はまだ登録されていません', [
        { path: 'municipality', message: `団体コード ${profile.municipality} の資源台帳がありません` },
      ]);
    }
    if (profile.district && !municipality.districts.some((d) => d.name === profile.district)) {
      throw new HttpError('invalid_request', '地区の指定に誤りがあります', [
        { path: 'district', message: `${municipality.name}に「${profile.district}」という地区はありません` },
      ]);
    }
    return c.json(await matchProfile(deps.meili, deps.indexName, profile, municipality));
  });
}
