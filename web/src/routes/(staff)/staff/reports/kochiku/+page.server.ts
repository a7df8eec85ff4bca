import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { KochikuReportSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

const jst = (d: Date) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 10);

/** Default period: the last three months up to today. */
export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { actor } = await parent();
  const municipality = url.searchParams.get('municipality') ?? actor.municipalities[0] ?? '';
  const to = url.searchParams.get('to') ?? jst(new Date());
  const from = url.searchParams.get('from') ?? `${jst(new Date(Date.now() - 90 * 86_400_000)).slice(0, 8)}01`;
  const query = new URLSearchParams({ municipality, from, to });
  const res = await fetch(`/api/reports/kochiku?${query}`);
  if (res.status === 403) error(403, '報告を見る権限がありません');
  if (!res.ok) error(res.status === 400 ? 400 : 502, '報告を作れませんでした（期間を確かめてください）');
  const names = (await (await fetch('/api/municipalities')).json()) as { code: string; name: string }[];
  return {
    report: v.parse(KochikuReportSchema, await res.json()),
    query: query.toString(),
    city: names.find((m) => m.code === municipality)?.name ?? municipality,
  };
};
