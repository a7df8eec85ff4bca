import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { CaseSummarySchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('/api/cases');
  if (res.status === 403) error(403, 'ケースを見る権限がありません');
  if (!res.ok) error(502, 'ケースを読み込めませんでした');
  return { cases: v.parse(v.array(CaseSummarySchema), await res.json()) };
};
