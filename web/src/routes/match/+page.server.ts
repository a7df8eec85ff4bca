import type { PageServerLoad } from './$types';

/** Only whether the viewer may record gaps; the API checks the permission again on save. */
export const load: PageServerLoad = ({ locals }) => ({
  recordsGaps: locals.actor?.role === 'coordinator' || locals.actor?.role === 'staff',
});
