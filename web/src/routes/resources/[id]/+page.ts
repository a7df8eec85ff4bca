import { error } from '@sveltejs/kit';
import type { ResourceDetail } from '@norishiro/data';
import { apiGet, ApiFailure } from '$lib/api.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  try {
    return await apiGet<ResourceDetail>(fetch, `/resources/${encodeURIComponent(params.id)}`);
  } catch (e) {
    const status = e instanceof ApiFailure && e.status >= 400 ? e.status : 503;
    error(status, {
      message: status === 404 ? 'この場所は みつかりませんでした。' : (e as Error).message,
    });
  }
};
