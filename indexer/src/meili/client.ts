import { Meilisearch } from 'meilisearch';
import { nodeHttpClient } from './http.ts';

/**
 * Every Meilisearch call goes through keep-alive node:http (see http.ts), so the service,
 * the CLI and the tests share one path. `Accept-Encoding: identity`: with gzip, Nagle and
 * delayed ACK add ~40 ms to every response on a kept-alive connection (stack notes).
 */
export function meiliClient(url: string, apiKey: string | undefined, opts: { timeoutMs?: number } = {}): Meilisearch {
  return new Meilisearch({
    host: url,
    apiKey,
    requestInit: { headers: { 'Accept-Encoding': 'identity' } },
    httpClient: nodeHttpClient(64, opts.timeoutMs),
  });
}

export async function meiliHealthy(client: Meilisearch): Promise<boolean> {
  try {
    return (await client.health()).status === 'available';
  } catch {
    return false;
  }
}
