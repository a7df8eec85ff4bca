import { env } from '$env/dynamic/private';
import type { LayoutServerLoad } from './$types';

/** MAP_STYLE is read on the server and handed to every page's map. */
export const load: LayoutServerLoad = () => ({ mapStyle: env.MAP_STYLE ?? '' });
