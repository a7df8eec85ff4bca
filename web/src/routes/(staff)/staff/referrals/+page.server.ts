import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { OutcomeRowSchema, ReferralSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, parent }) => {
  const { actor } = await parent();
  const [list, outcomes] = await Promise.all([
    fetch('/api/referrals'),
    actor.role === 'staff' ? fetch('/api/referrals/outcomes') : Promise.resolve(undefined),
  ]);
  if (!list.ok) error(list.status === 403 ? 403 : 502, '紹介を読み込めませんでした');
  return {
    referrals: v.parse(v.array(ReferralSchema), await list.json()),
    outcomes: outcomes?.ok ? v.parse(v.array(OutcomeRowSchema), await outcomes.json()) : [],
  };
};
