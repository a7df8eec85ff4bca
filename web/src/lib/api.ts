import type { ApiError } from '@norishiro/data';

/** An API failure carrying the server's Japanese message. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) return body as T;
  const err = (body as ApiError | undefined)?.error;
  throw new ApiFailure(
    res.status,
    err?.message ?? `通信に失敗しました（${res.status}）。時間をおいて もう一度 ためしてください。`,
    err?.code,
    err?.details ?? [],
  );
}

type Fetch = typeof fetch;

export async function apiGet<T>(fetchFn: Fetch, path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetchFn(`/api${path}`, { signal, headers: { accept: 'application/json' } }).catch((e: unknown) => {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiFailure(0, 'サーバーに つながりません。通信を たしかめて、もう一度 ためしてください。');
  });
  return parse<T>(res);
}

export async function apiPost<T>(fetchFn: Fetch, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await fetchFn(`/api${path}`, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  }).catch((e: unknown) => {
    if ((e as Error)?.name === 'AbortError') throw e;
    throw new ApiFailure(0, 'サーバーに つながりません。通信を たしかめて、もう一度 ためしてください。');
  });
  return parse<T>(res);
}

/** Builds a query string, skipping empty values; arrays become comma lists. */
export function queryString(params: Record<string, string | number | boolean | readonly string[] | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || v === false) continue;
    if (Array.isArray(v)) {
      if (v.length) sp.set(k, v.join(','));
    } else sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}
