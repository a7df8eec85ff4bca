import type { ResourceList } from '@norishiro/data';
import { apiGet, queryString } from '$lib/api.ts';
import { loadMunicipalities } from '$lib/municipalities.ts';
import type { PageLoad } from './$types';
import { MAX_QUERY, parseSearch, PER_PAGE } from './state.ts';

/**
 * One request per search, never retried by itself: a failure is shown in Japanese with
 * the words kept. Words over the limit are not sent at all.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const state = parseSearch(url.searchParams);
  const { municipalities, loadError } = await loadMunicipalities(fetch);
  if (state.q.length > MAX_QUERY)
    return {
      municipalities,
      loadError,
      state,
      list: null,
      searchError: `さがす ことばは ${MAX_QUERY}文字までです（いま ${state.q.length}文字）。みじかくして ください。`,
    };
  try {
    const list = await apiGet<ResourceList>(
      fetch,
      `/resources${queryString({
        q: state.q || undefined,
        municipality: state.city || undefined,
        category: state.categories,
        target: state.target ? [state.target] : undefined,
        includeCoordination: 'true',
        page: state.page,
        perPage: PER_PAGE,
      })}`,
    );
    return { municipalities, loadError, state, list, searchError: '' };
  } catch (e) {
    return {
      municipalities,
      loadError,
      state,
      list: null,
      searchError: `検索できませんでした：${(e as Error).message}`,
    };
  }
};
