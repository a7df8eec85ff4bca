import type { Municipality } from '@norishiro/data';
import { apiGet } from './api.ts';

/** Loads the municipality list; a failure leaves the page usable with a message. */
export async function loadMunicipalities(
  fetchFn: typeof fetch,
): Promise<{ municipalities: Municipality[]; loadError?: string }> {
  try {
    return { municipalities: await apiGet<Municipality[]>(fetchFn, '/municipalities') };
  } catch (e) {
    return { municipalities: [], loadError: (e as Error).message };
  }
}
