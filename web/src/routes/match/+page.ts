import { loadMunicipalities } from '$lib/municipalities.ts';
import type { PageLoad } from './$types';

// Only the public municipality list is loaded; the profile never leaves component state.
export const load: PageLoad = async ({ fetch, data }) => ({ ...data, ...(await loadMunicipalities(fetch)) });
