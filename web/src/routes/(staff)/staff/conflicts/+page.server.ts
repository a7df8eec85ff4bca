import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export interface ConflictItem {
  id: number;
  resourceId: string;
  resourceName: string;
  field: string;
  staff: unknown;
  plan: unknown;
  detectedAt: string;
}

export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('/api/conflicts');
  if (res.status === 403) error(403, '競合を見る権限がありません');
  if (!res.ok) error(502, '競合を読み込めませんでした');
  return { conflicts: (await res.json()) as ConflictItem[] };
};
