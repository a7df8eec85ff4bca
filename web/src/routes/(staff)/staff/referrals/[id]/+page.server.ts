import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ReferralSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const res = await fetch(`/api/referrals/${encodeURIComponent(params.id)}`);
  if (res.status === 404) error(404, '紹介が見つかりません');
  if (!res.ok) error(502, '紹介を読み込めませんでした');
  return { referral: v.parse(ReferralSchema, await res.json()) };
};
