import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { CoverageSchema, GapSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

const FILTERS = ['district', 'category', 'situation', 'stage', 'status', 'from', 'to'] as const;

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { actor } = await parent();
  const municipality = url.searchParams.get('municipality') ?? actor.municipalities[0] ?? '';
  const query = new URLSearchParams({ municipality });
  for (const f of FILTERS) if (url.searchParams.get(f)) query.set(f, url.searchParams.get(f)!);
  const by = url.searchParams.get('by') ?? 'district_category';
  const [gaps, cov] = await Promise.all([
    fetch(`/api/gaps?${query}`),
    fetch(`/api/coverage?municipality=${municipality}&by=${by}`),
  ]);
  if (gaps.status === 403) error(403, '不足の一覧を見る権限がありません');
  if (!gaps.ok) error(502, '不足の一覧を読み込めませんでした');
  return {
    municipality,
    query: query.toString(),
    by,
    gaps: v.parse(v.array(GapSchema), await gaps.json()),
    coverage: cov.ok ? v.parse(CoverageSchema, await cov.json()) : undefined,
  };
};
