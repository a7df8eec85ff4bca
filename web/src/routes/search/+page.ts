import { loadMunicipalities } from '$lib/municipalities.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => ({
  ...(await loadMunicipalities(fetch)),
  q: url.searchParams.get('q') ?? '',
});
