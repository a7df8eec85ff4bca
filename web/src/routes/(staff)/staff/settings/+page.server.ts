import { error } from '@sveltejs/kit';
import * as v from 'valibot';
import { MunicipalitySettingsSchema } from '@norishiro/data';
import type { PageServerLoad } from './$types';

/** Each municipality the staff member looks after, with its settings (defaults filled in). */
export const load: PageServerLoad = async ({ fetch, parent }) => {
  const { actor } = await parent();
  if (actor.role !== 'staff') error(403, '設定を変えられるのは職員です');
  const names = new Map(
    ((await (await fetch('/api/municipalities')).json()) as { code: string; name: string }[]).map((m) => [
      m.code,
      m.name,
    ]),
  );
  const cities = await Promise.all(
    actor.municipalities.map(async (code) => {
      const res = await fetch(`/api/settings/${code}`);
      if (!res.ok) error(502, '設定を読み込めませんでした');
      return { code, name: names.get(code) ?? code, settings: v.parse(MunicipalitySettingsSchema, await res.json()) };
    }),
  );
  return { cities };
};
