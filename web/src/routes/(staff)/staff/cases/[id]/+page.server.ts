import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { CaseSchema, ReferralSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

/** Loaded on the server only: participant data is never part of a universal load's HTML payload cache. */
export const load: PageServerLoad = async ({ fetch, params }) => {
  const [c, r] = await Promise.all([
    fetch(`/api/cases/${encodeURIComponent(params.id)}`),
    fetch(`/api/referrals?caseId=${encodeURIComponent(params.id)}`),
  ]);
  if (c.status === 404) error(404, 'ケースが見つかりません');
  if (!c.ok || !r.ok) error(502, 'ケースを読み込めませんでした');
  return { item: v.parse(CaseSchema, await c.json()), referrals: v.parse(v.array(ReferralSchema), await r.json()) };
};
