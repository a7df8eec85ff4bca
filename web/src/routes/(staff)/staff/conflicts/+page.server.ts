import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { ConflictItemSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('/api/conflicts');
  if (res.status === 403) error(403, '競合を見る権限がありません');
  if (!res.ok) error(502, '競合を読み込めませんでした');
  return { conflicts: v.parse(v.array(ConflictItemSchema), await res.json()) };
};
