import type { Meilisearch } from 'meilisearch';
import type { Municipality } from '@norishiro/data';
import { CANDIDATE_LIMIT } from '@norishiro/api';
import { nodeHttpClient } from '@norishiro/indexer';
import { bareQueries, profiles, startMatchServer, type LoadFigures, SUMMARY_FIELDS } from './matching.ts';
import { percentile } from './stats.ts';

export interface LoadSide {
  bare: LoadFigures;
  ours: LoadFigures;
  p95Ratio: number;
}

/** `connections` workers sending back to back for `ms`; every failure (non-2xx, timeout) counted. */
async function sustain(connections: number, ms: number, send: (i: number) => Promise<unknown>): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const until = started + ms;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const i = next++;
        const t = performance.now();
        await send(i).catch(() => errors++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / ((performance.now() - started) / 1000),
  };
}

const WORDS = ['サロン', '居場所', 'いばしょ', '相談', '体操', '就労', 'ボランティア', '子育て', '認知症', 'カフェ'];

/**
 * Many coordinators and residents at once: `connections` keep-alive connections for `seconds`
 * on search (GET /api/resources?q=) and on match (POST /api/match), each against the bare
 * Meilisearch query it wraps, same index, same run.
 */
export async function benchLoad(
  meili: Meilisearch,
  meiliUrl: string,
  meiliKey: string,
  indexName: string,
  municipalities: readonly Municipality[],
  opts: { connections: number; seconds: number },
): Promise<{ search: LoadSide; match: LoadSide }> {
  const server = await startMatchServer(meiliUrl, meiliKey, indexName);
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const ms = opts.seconds * 1000;
    const http = nodeHttpClient(opts.connections, 30_000);
    const index = meili.index(indexName);
    const list = profiles(municipalities, 2000);
    const queries = bareQueries(list, municipalities);
    const word = (i: number) => WORDS[i % WORDS.length]!;
    const city = (i: number) => municipalities[i % municipalities.length]!.code;

    const bareSearch = await sustain(opts.connections, ms, (i) =>
      index.search(word(i), { filter: [`municipality = "${city(i)}"`], limit: 20 }),
    );
    const oursSearch = await sustain(opts.connections, ms, (i) =>
      http(`${base}/api/resources?q=${encodeURIComponent(word(i))}&municipality=${city(i)}`),
    );
    const bareMatch = await sustain(opts.connections, ms, (i) =>
      index.search('', {
        ...queries[i % queries.length]!,
        limit: CANDIDATE_LIMIT,
        attributesToRetrieve: SUMMARY_FIELDS,
      }),
    );
    const oursMatch = await sustain(opts.connections, ms, (i) =>
      http(`${base}/api/match`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(list[i % list.length]),
      }),
    );
    return {
      search: { bare: bareSearch, ours: oursSearch, p95Ratio: oursSearch.p95 / bareSearch.p95 },
      match: { bare: bareMatch, ours: oursMatch, p95Ratio: oursMatch.p95 / bareMatch.p95 },
    };
  } finally {
    server.stop();
  }
}
