import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { AccountSchema, MunicipalitySchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const [accounts, municipalities] = await Promise.all([fetch('/api/accounts'), fetch('/api/municipalities')]);
  if (accounts.status === 403) error(403, 'アカウントを管理する権限がありません');
  if (!accounts.ok || !municipalities.ok) error(502, 'アカウントの一覧を読み込めませんでした');
  return {
    accounts: v.parse(v.array(AccountSchema), await accounts.json()),
    municipalities: v
      .parse(v.array(MunicipalitySchema), await municipalities.json())
      .map((m) => ({ code: m.code, name: m.name })),
  };
};
