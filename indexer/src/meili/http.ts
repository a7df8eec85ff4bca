import { Agent, request } from 'node:http';
import type { Meilisearch } from 'meilisearch';

/** Meilisearch's error body, kept as the error's cause like the client's own errors. */
export class MeiliHttpError extends Error {
  constructor(
    readonly status: number,
    readonly cause: { code?: string; type?: string; message?: string },
  ) {
    super(cause.message ?? `Meilisearch answered HTTP ${status}`);
  }
}

/** A hung Meilisearch must not hang us: queries give up after this, large uploads after more. */
export const QUERY_TIMEOUT_MS = 5_000;
const UPLOAD_TIMEOUT_MS = 120_000;

interface Call {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  agent: Agent;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** One request on a kept-alive socket; the reply's JSON, or a MeiliHttpError for what it refused. */
function send({ url, method, headers, body, agent, timeoutMs, signal }: Call): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // node:http takes the signal itself and drops its listener when the request ends.
    const req = request(url, { method, headers, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
        const status = res.statusCode ?? 0;
        let reply: unknown;
        try {
          reply = text ? (JSON.parse(text) as unknown) : undefined;
        } catch {
          // A proxy's HTML error page or a cut-off reply: an error for this call, never a
          // throw inside this listener, which would take the whole process down.
          return reject(
            new MeiliHttpError(status, {
              type: 'bad_reply',
              message: `Meilisearch answered HTTP ${status} with a body that is not JSON`,
            }),
          );
        }
        if (status >= 200 && status < 300) resolve(reply);
        else reject(new MeiliHttpError(status, (reply ?? {}) as MeiliHttpError['cause']));
      });
      res.on('error', reject);
    });
    const limit = body && body.length > 1_000_000 ? UPLOAD_TIMEOUT_MS : timeoutMs;
    req.setTimeout(limit, () =>
      req.destroy(
        new MeiliHttpError(0, { type: 'timeout', message: `Meilisearch did not answer within ${limit / 1000} s` }),
      ),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A keep-alive node:http client for the Meilisearch JS client. `fetch` costs ~3 ms of CPU
 * per call here, more than the search itself; plain node:http costs a fraction of that,
 * which matters on the matching hot path.
 */
export function nodeHttpClient(maxSockets = 64, timeoutMs = QUERY_TIMEOUT_MS) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return (input: RequestInfo | URL, init?: RequestInit): Promise<unknown> =>
    send({
      url: new URL(typeof input === 'string' || input instanceof URL ? input : input.url),
      method: init?.method ?? 'GET',
      headers: Object.fromEntries(new Headers(init?.headers).entries()),
      body: init?.body as string | undefined,
      agent,
      timeoutMs,
      signal: init?.signal ?? undefined,
    });
}

interface Searcher {
  agent: Agent;
  headers: Record<string, string>;
  base: string;
  urls: Map<string, URL>;
}
const searchers = new WeakMap<Meilisearch, Searcher>();

/**
 * One search straight to the socket, for the matching hot path: the JS client builds URLs,
 * headers and abort signals anew for every call, which costs more CPU than scoring does.
 * Failures are the same MeiliHttpError and socket errors the client's calls end in.
 */
export function searchIndex<T>(
  meili: Meilisearch,
  indexName: string,
  query: Record<string, unknown>,
): Promise<{ hits: T[]; estimatedTotalHits?: number }> {
  let s = searchers.get(meili);
  if (!s) {
    const { host, apiKey } = meili.config;
    s = {
      agent: new Agent({ keepAlive: true, maxSockets: 64 }),
      headers: {
        'content-type': 'application/json',
        'accept-encoding': 'identity',
        ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      },
      base: host.replace(/\/$/, '').replace(/^(?!https?:\/\/)/, 'http://'),
      urls: new Map(),
    };
    searchers.set(meili, s);
  }
  let url = s.urls.get(indexName);
  if (!url) s.urls.set(indexName, (url = new URL(`${s.base}/indexes/${encodeURIComponent(indexName)}/search`)));
  return send({
    url,
    method: 'POST',
    headers: s.headers,
    body: JSON.stringify(query),
    agent: s.agent,
    timeoutMs: QUERY_TIMEOUT_MS,
  }) as Promise<{ hits: T[]; estimatedTotalHits?: number }>;
}

/**
 * The `type` Meilisearch gave a failed request (`invalid_request`, `auth`…). The JS client
 * wraps a custom client's rejection, so the body sits somewhere down the cause chain.
 */
export function meiliErrorType(e: unknown): string | undefined {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    const type = (c as { type?: unknown }).type;
    if (typeof type === 'string') return type;
  }
  return undefined;
}

/** Meilisearch's own error body for a failed request, found like its type. */
function meiliReply(e: unknown): MeiliHttpError['cause'] | undefined {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    if (c instanceof MeiliHttpError) return c.cause;
  }
  return undefined;
}

/** The `code` Meilisearch gave a failed request (`index_not_found`…). */
export const meiliErrorCode = (e: unknown): string | undefined => meiliReply(e)?.code;

/** Meilisearch's own words on a failed request: the client's wrapper only names the URL. */
export const meiliErrorMessage = (e: unknown): string | undefined => meiliReply(e)?.message;

/** Failures of the connection itself, as node:http reports them. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * True when Meilisearch itself cannot answer (down, hung, restarting, a broken reply, a
 * corrupt or missing live index), as opposed to refusing what we asked: the caller can do
 * nothing but wait, so it is a 503, not a 500.
 */
export function meiliUnavailable(e: unknown): boolean {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    const { code, type } = c as { code?: unknown; type?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || code === 'index_not_found')) return true;
    if (type === 'timeout' || type === 'bad_reply' || type === 'internal') return true;
    if (c instanceof MeiliHttpError && (c.status === 0 || c.status >= 500)) return true;
    if ((c as { name?: unknown }).name === 'MeilisearchRequestTimeOutError') return true;
  }
  return false;
}
