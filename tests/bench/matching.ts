import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Meilisearch } from 'meilisearch';
import {
  NeedsProfileSchema,
  ResourceSummarySchema,
  DAYS,
  TARGETS,
  type Municipality,
  type NeedsProfile,
} from '@norishiro/data';
import { buildContext, candidateFilter, candidateQuery, CANDIDATE_LIMIT } from '@norishiro/api';
import { nodeHttpClient, prng } from '@norishiro/indexer';
import * as v from 'valibot';
import { percentile } from './stats.ts';

/** Every field of a result summary: what a plain search client asks for (the bare side). */
export const SUMMARY_FIELDS = Object.keys(ResourceSummarySchema.entries);

export interface LoadFigures {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  rps: number;
}

export interface MatchingFigures {
  bare: LoadFigures;
  ours: LoadFigures;
  p95Ratio: number;
  throughputRatio: number;
  /** The API's own Meilisearch query sent bare: what the API adds over the query it makes. */
  sameQuery: LoadFigures;
  overheadP95Ratio: number;
  overheadThroughputRatio: number;
}

/** Deterministic, plausible profiles over the five cities. */
export function profiles(municipalities: readonly Municipality[], n: number): NeedsProfile[] {
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: n }, () => {
    const m = pick(municipalities);
    const day = pick(DAYS);
    const located = m.districts.filter((d) => d.point);
    // Half the coordinators name a district (distance then sorts the query), half give no place.
    const district = located.length > 0 && rand() < 0.5 ? pick(located).name : undefined;
    return v.parse(NeedsProfileSchema, {
      municipality: m.code,
      ...(district ? { district } : {}),
      age: 15 + Math.floor(rand() * 70),
      situations: [pick(TARGETS)],
      stage: 1 + Math.floor(rand() * 4),
      availability: [{ day, from: '10:00', to: '15:00' }],
      interests: rand() < 0.5 ? ['料理'] : [],
      maxTravelKm: 10,
    });
  });
}

async function load(concurrency: number, total: number, send: (i: number) => Promise<boolean>): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        const ok = await send(i).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: total,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: total / seconds,
  };
}

/** The real API in its own process over the given index (tests/bench/match-server.ts). */
export async function startMatchServer(meiliUrl: string, meiliKey: string, indexName: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/match-server.ts', meiliUrl, meiliKey, indexName],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [line] = (await once(child.stdout!, 'data')) as [Buffer];
  return { port: Number(/READY (\d+)/.exec(line.toString())![1]), stop: () => child.kill() };
}

/**
 * What a plain search client sends for each profile (the bare side, as in the first matching
 * pass): the same hard constraints with Meilisearch's own radius filter, nearest first.
 */
export function bareQueries(list: readonly NeedsProfile[], municipalities: readonly Municipality[]) {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  return list.map((p) => {
    const ctx = buildContext(p, byCode.get(p.municipality)!);
    const { sort } = candidateQuery(ctx);
    return { filter: candidateFilter(ctx, 'radius'), ...(sort ? { sort } : {}) };
  });
}

/** The query POST /api/match itself sends to Meilisearch for each profile. */
export function matchQueries(list: readonly NeedsProfile[], municipalities: readonly Municipality[]) {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  return list.map((p) => candidateQuery(buildContext(p, byCode.get(p.municipality)!)));
}

/**
 * Every side sends through the same keep-alive node:http client, so the load generator's own
 * cost is alike and small.
 *
 * 20 concurrent clients: POST /api/match on the real API process against the bare client's
 * query for the same profile, in the same run. The bare client asks, as a plain search client
 * would (and as the first matching pass did), for the 60 nearest candidates in reach with
 * their whole summaries; the API asks for the fields it scores and shows, within the box
 * around the reach. The API's own query sent bare is timed too, so what the API adds over
 * its own query is on record beside the goal's ratio.
 */
export async function benchMatching(
  meili: Meilisearch,
  meiliUrl: string,
  meiliKey: string,
  indexName: string,
  municipalities: readonly Municipality[],
  opts = { concurrency: 20, requests: 2000 },
): Promise<MatchingFigures> {
  const server = await startMatchServer(meiliUrl, meiliKey, indexName);
  try {
    const port = server.port;
    const list = profiles(municipalities, opts.requests);
    const queries = bareQueries(list, municipalities);
    const own = matchQueries(list, municipalities);
    const index = meili.index(indexName);
    const bareSend = async (i: number) => {
      const q = queries[i % queries.length]!;
      await index.search('', { ...q, limit: CANDIDATE_LIMIT, attributesToRetrieve: SUMMARY_FIELDS });
      return true;
    };
    const sameSend = async (i: number) => {
      const q = own[i % own.length]!;
      await index.search('', { ...q, attributesToRetrieve: [...q.attributesToRetrieve] });
      return true;
    };
    const post = nodeHttpClient(opts.concurrency);
    const oursSend = async (i: number) => {
      await post(`http://127.0.0.1:${port}/api/match`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(list[i % list.length]),
      });
      return true;
    };
    await load(opts.concurrency, 100, bareSend);
    await load(opts.concurrency, 100, oursSend);
    await load(opts.concurrency, 100, sameSend);
    const bare = await load(opts.concurrency, opts.requests, bareSend);
    const ours = await load(opts.concurrency, opts.requests, oursSend);
    const sameQuery = await load(opts.concurrency, opts.requests, sameSend);
    return {
      bare,
      ours,
      p95Ratio: ours.p95 / bare.p95,
      throughputRatio: ours.rps / bare.rps,
      sameQuery,
      overheadP95Ratio: ours.p95 / sameQuery.p95,
      overheadThroughputRatio: ours.rps / sameQuery.rps,
    };
  } finally {
    server.stop();
  }
}
