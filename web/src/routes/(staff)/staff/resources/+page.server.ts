import { error } from '@sveltejs/kit';
import type { Resource } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch }) => {
  const res = await fetch('/api/resources/mine');
  if (res.status === 403) error(403, '資源を編集する権限がありません');
  if (!res.ok) error(502, '資源の一覧を読み込めませんでした');
  return { resources: (await res.json()) as Resource[] };
};
