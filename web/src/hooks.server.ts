import type { HandleFetch } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';

/**
 * The API (/api/*) is served by the same Node process but outside SvelteKit, so a
 * server-side `fetch('/api/…')` in a load function must leave SvelteKit and reach it
 * over loopback (API_ORIGIN overrides, e.g. when the API runs elsewhere).
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
    const port = env.PORT && env.PORT !== '0' ? env.PORT : '';
    const origin =
      env.API_ORIGIN ||
      (port ? `http://127.0.0.1:${port}` : `http://${event.request.headers.get('host') ?? '127.0.0.1:3000'}`);
    return globalThis.fetch(new Request(origin + url.pathname + url.search, request));
  }
  return fetch(request);
};
