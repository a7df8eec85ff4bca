import { error, type Handle, type HandleFetch } from '@sveltejs/kit';
import * as v from 'valibot';
import { SessionActorSchema } from '@norishiro/data';
import { env } from '$env/dynamic/private';

type ApiFetch = (request: Request) => Promise<Response>;

/**
 * The API lives in the same process (api/src/server.ts hands us its fetch). Server-side
 * calls go to it directly, never over HTTP to an address taken from the request, which
 * would let a forged Host header aim the server at another port. API_ORIGIN is only for
 * `vite dev`, where the API runs as its own process.
 */
function apiFetch(): ApiFetch | undefined {
  const inProcess = (globalThis as Record<symbol, unknown>)[Symbol.for('norishiro.api')] as ApiFetch | undefined;
  if (inProcess) return inProcess;
  const origin = env.API_ORIGIN;
  if (origin) return (r) => globalThis.fetch(new Request(origin + new URL(r.url).pathname + new URL(r.url).search, r));
  return undefined;
}

const CLIENT_IP = 'x-norishiro-client-ip';

/** Our API request for a page request: its cookie and client address, nothing else of the caller's. */
async function toApi(event: { request: Request }, request: Request): Promise<Request> {
  const headers = new Headers(request.headers);
  const cookie = event.request.headers.get('cookie');
  if (cookie) headers.set('cookie', cookie);
  else headers.delete('cookie');
  headers.set(CLIENT_IP, event.request.headers.get(CLIENT_IP) ?? 'unknown');
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(request.url, { method: request.method, headers, body });
}

export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin === event.url.origin && url.pathname.startsWith('/api/')) {
    const api = apiFetch();
    if (!api) error(503, 'API に接続できません');
    return api(await toApi(event, request));
  }
  return fetch(request);
};

/** Who is signed in, for page guards; the API still decides every request itself. */
export const handle: Handle = async ({ event, resolve }) => {
  event.locals.actor = null;
  const cookie = event.request.headers.get('cookie') ?? '';
  const api = apiFetch();
  if (api && cookie.includes('better-auth.session_token')) {
    const res = await api(await toApi(event, new Request(new URL('/api/me', event.url))));
    if (res.ok) {
      const parsed = v.safeParse(SessionActorSchema, await res.json());
      if (parsed.success) event.locals.actor = parsed.output;
    }
  }
  return resolve(event);
};
