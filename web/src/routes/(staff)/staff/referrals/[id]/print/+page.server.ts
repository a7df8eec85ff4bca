import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ReferralSchema, ResourceSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const res = await fetch(`/api/referrals/${encodeURIComponent(params.id)}/print`);
  if (res.status === 404) error(404, '紹介が見つかりません');
  if (!res.ok) error(502, '紹介票を作れませんでした');
  const body = (await res.json()) as {
    referral: unknown;
    resource: unknown;
    coordinator: { name: string; email: string };
  };
  return {
    referral: v.parse(ReferralSchema, body.referral),
    resource: v.parse(ResourceSchema, body.resource),
    coordinator: body.coordinator,
  };
};
