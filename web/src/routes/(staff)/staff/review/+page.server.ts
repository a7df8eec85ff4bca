import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export interface ReviewItem {
  id: number;
  resourceId: string;
  resourceName: string;
  kind: 'resident' | 'host';
  message: string | null;
  patch: Record<string, unknown> | null;
  createdAt: string;
}

export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('/api/review');
  if (res.status === 403) error(403, '確認待ちを見る権限がありません');
  if (!res.ok) error(502, '確認待ちを読み込めませんでした');
  return { items: (await res.json()) as ReviewItem[] };
};
