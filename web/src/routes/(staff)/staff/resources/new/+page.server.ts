import { error } from '@sveltejs/kit';
import type { Municipality } from '@norishiro/data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, parent }) => {
  const { actor } = await parent();
  if (actor.role !== 'staff') error(403, '資源の追加は市の職員が行います');
  const all = (await (await fetch('/api/municipalities')).json()) as Municipality[];
  return { municipalities: all.filter((m) => actor.municipalities.includes(m.code)) };
};
