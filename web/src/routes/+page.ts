import { loadMunicipalities } from '$lib/municipalities.ts';
import { parseState } from '$lib/resident/state.ts';
import { loadLists, originOf, type ResidentLists } from '$lib/resident/list.ts';
import type { PageLoad } from './$types';

/**
 * The URL is the whole state of the page. A failed request is shown once, in Japanese,
 * with the choices kept; nothing retries on its own.
 */
export const load: PageLoad = async ({ fetch, url }) => {
  const state = parseState(url.searchParams);
  const { municipalities, loadError } = await loadMunicipalities(fetch);
  const origin = originOf(state, municipalities);
  let lists: ResidentLists | null = null;
  let listError = '';
  try {
    lists = await loadLists(fetch, state, origin);
  } catch (e) {
    listError = (e as Error).message;
  }
  return { municipalities, loadError, state, origin, lists, listError };
};
