import { error } from '@sveltejs/kit';
import type { HistoryEntry, Municipality, Resource } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => {
  const [res, municipalities] = await Promise.all([
    fetch(`/api/resources/${encodeURIComponent(params.id)}/edit`),
    fetch('/api/municipalities'),
  ]);
  if (res.status === 404) error(404, 'この資源は見つからないか、編集できません');
  if (!res.ok) error(502, '資源を読み込めませんでした');
  const body = (await res.json()) as { resource: Resource; version: string; history: HistoryEntry[] };
  const m = ((await municipalities.json()) as Municipality[]).find((x) => x.code === body.resource.municipality);
  return { ...body, districts: m?.districts.map((d) => d.name) ?? [] };
};
