import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { SuggestionItemSchema, type HistoryEntry, type Municipality, type Resource } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url, parent }) => {
  const [res, municipalities] = await Promise.all([
    fetch(`/api/resources/${encodeURIComponent(params.id)}/edit`),
    fetch('/api/municipalities'),
  ]);
  if (res.status === 404) error(404, 'この資源は見つからないか、編集できません');
  if (!res.ok) error(502, '資源を読み込めませんでした');
  const body = (await res.json()) as { resource: Resource; version: string; history: HistoryEntry[] };
  const m = ((await municipalities.json()) as Municipality[]).find((x) => x.code === body.resource.municipality);
  return {
    ...body,
    districts: m?.districts.map((d) => d.name) ?? [],
    suggestion: await residentNote(
      fetch,
      url.searchParams.get('suggestion'),
      body.resource.id,
      (await parent()).actor.role,
    ),
  };
};

/** The resident's note staff opened this page to put into the record (「直して採用する」). */
async function residentNote(fetch: typeof globalThis.fetch, id: string | null, resourceId: string, role: string) {
  if (!id || role !== 'staff') return undefined;
  const res = await fetch('/api/review');
  if (!res.ok) return undefined;
  return v
    .parse(v.array(SuggestionItemSchema), await res.json())
    .find((s) => String(s.id) === id && s.kind === 'resident' && s.resourceId === resourceId);
}
