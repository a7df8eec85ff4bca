import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { SuggestionItemSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, parent }) => {
  const { actor } = await parent();
  const res = await fetch('/api/review');
  if (res.status === 403) error(403, '確認待ちを見る権限がありません');
  if (!res.ok) error(502, '確認待ちを読み込めませんでした');
  const settings = await Promise.all(
    actor.municipalities.map(async (code) => {
      const r = await fetch(`/api/settings/${code}`);
      const body = r.ok
        ? ((await r.json()) as { hostChangesPublishDirectly: boolean })
        : { hostChangesPublishDirectly: false };
      return { code, ...body };
    }),
  );
  const names = new Map(
    ((await (await fetch('/api/municipalities')).json()) as { code: string; name: string }[]).map((m) => [
      m.code,
      m.name,
    ]),
  );
  return {
    items: v.parse(v.array(SuggestionItemSchema), await res.json()),
    settings: settings.map((s) => ({ ...s, name: names.get(s.code) ?? s.code })),
  };
};
