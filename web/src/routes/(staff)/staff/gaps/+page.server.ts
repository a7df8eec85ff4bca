import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { CoverageMapSchema, CoverageSchema, GapSchema, GapTrendSchema, MunicipalitySchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

const FILTERS = ['district', 'category', 'situation', 'stage', 'status', 'from', 'to'] as const;
const VIEWS = ['district_category', 'district_situation', 'category_timeband'] as const;

export const load: PageServerLoad = async ({ fetch, url, parent }) => {
  const { actor, mapStyle } = await parent();
  const municipality = url.searchParams.get('municipality') ?? actor.municipalities[0] ?? '';
  const query = new URLSearchParams({ municipality });
  for (const f of FILTERS) if (url.searchParams.get(f)) query.set(f, url.searchParams.get(f)!);
  const by = VIEWS.find((b) => b === url.searchParams.get('by')) ?? 'district_category';
  const view = url.searchParams.get('view') === 'map' ? 'map' : 'table';
  const period = new URLSearchParams({ municipality });
  for (const f of ['from', 'to'] as const) if (url.searchParams.get(f)) period.set(f, url.searchParams.get(f)!);
  const [gaps, cov, map, trends, cities] = await Promise.all([
    fetch(`/api/gaps?${query}`),
    fetch(`/api/coverage?${period}&by=${by}`),
    view === 'map' ? fetch(`/api/coverage/map?${period}`) : undefined,
    fetch(`/api/gaps/trends?municipality=${municipality}`),
    fetch('/api/municipalities'),
  ]);
  if (gaps.status === 403) error(403, '不足の一覧を見る権限がありません');
  if (!gaps.ok) error(502, '不足の一覧を読み込めませんでした');
  const names = cities.ok ? v.parse(v.array(MunicipalitySchema), await cities.json()) : [];
  return {
    municipality,
    city: names.find((m) => m.code === municipality)?.name ?? municipality,
    districts: names.find((m) => m.code === municipality)?.districts.map((d) => d.name) ?? [],
    cities: names.filter((m) => actor.municipalities.includes(m.code)).map((m) => ({ code: m.code, name: m.name })),
    query: query.toString(),
    period: period.toString(),
    by,
    view,
    mapStyle,
    gaps: v.parse(v.array(GapSchema), await gaps.json()),
    coverage: cov.ok ? v.parse(CoverageSchema, await cov.json()) : undefined,
    map: map?.ok ? v.parse(CoverageMapSchema, await map.json()) : undefined,
    trends: trends.ok ? v.parse(GapTrendSchema, await trends.json()) : undefined,
  };
};
