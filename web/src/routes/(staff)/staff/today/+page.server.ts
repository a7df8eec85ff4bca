import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { FollowupSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('/api/followups');
  if (res.status === 403) error(403, '確認の一覧を見る権限がありません');
  if (!res.ok) error(502, '今日の確認を読み込めませんでした');
  return { followups: v.parse(v.array(FollowupSchema), await res.json()) };
};
