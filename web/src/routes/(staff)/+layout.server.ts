import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** The staff area needs a session; the API still checks every request on its own. */
export const load: LayoutServerLoad = ({ locals, url }) => {
  if (!locals.actor) redirect(303, `/staff/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  return { actor: locals.actor };
};
