import { loadMunicipalities } from '$lib/municipalities.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, url }) => ({
  ...(await loadMunicipalities(fetch)),
  initial: {
    city: url.searchParams.get('city') ?? '',
    district: url.searchParams.get('district') ?? '',
  },
});
