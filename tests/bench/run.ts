// `pnpm bench`: indexing and matching against the bare Meilisearch client, then the map.
// Benchmarks measure and report; they never pass or fail on time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { inventoryBatch, meiliClient, startEmbeddedMeili } from '@norishiro/indexer';
import { benchIndexing } from './indexing.ts';
import { benchMatching } from './matching.ts';
import { benchLoad } from './load.ts';
import { benchSession } from './session.ts';
import { benchReferrals } from './referrals.ts';
import { benchGapScale } from './gaps.ts';
import { openPglite, openPostgres } from '@norishiro/indexer';
import { findPgBin, startThrowawayPostgres } from '../support/postgres.ts';
import { fmt } from './stats.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    seconds: { type: 'string', default: '60' },
    'gap-records': { type: 'string', default: '1000000' },
  },
});
const n = Number(values.n);
const want = (part: string) => !values.only || values.only.split(',').includes(part);

const dir = mkdtempSync(join(tmpdir(), 'norishiro-bench-'));
const out: Record<string, unknown> = { date: new Date().toISOString(), documents: n };
const meili = await startEmbeddedMeili(dir);
try {
  const client = meiliClient(meili.url, meili.masterKey);
  const indexName = 'bench';
  if (want('index') || want('match') || want('load')) {
    console.log(`▶ Indexing ${n.toLocaleString()} synthetic resources: bare client, then our indexer…`);
    const f = await benchIndexing(client, meili.pid!, n, indexName);
    out.indexing = f;
    console.log(`  bare client  ${fmt(f.bareSeconds)} s`);
    console.log(`  our indexer  ${fmt(f.oursSeconds)} s  (${fmt(f.oursDocsPerSecond, 0)} docs/s)`);
    console.log(`  ratio        ${fmt(f.ratio, 2)}  (goal ≤ 1.2)`);
    console.log(`  peak RSS     node ${fmt(f.nodePeakRssMiB, 0)} MiB, meilisearch ${fmt(f.meiliPeakRssMiB, 0)} MiB`);
  }
  if (want('match')) {
    const requests = Number(values.requests);
    const runs = Math.max(1, Number(values.runs));
    console.log(`▶ Matching: 20 concurrent clients, ${requests} requests each side, ${runs} runs…`);
    const municipalities = inventoryBatch().municipalities;
    const all = [];
    for (let i = 0; i < runs; i++) {
      const f = await benchMatching(client, meili.url, meili.masterKey, `${indexName}_synthetic`, municipalities, {
        concurrency: 20,
        requests,
      });
      all.push(f);
      const row = (label: string, l: typeof f.bare) =>
        console.log(
          `  ${label}  p50 ${fmt(l.p50)} ms  p95 ${fmt(l.p95)} ms  ${fmt(l.rps, 0)} req/s  errors ${l.errors}`,
        );
      console.log(`  run ${i + 1}`);
      row('bare Meilisearch query', f.bare);
      row('POST /api/match       ', f.ours);
      row("the API's own query   ", f.sameQuery);
      console.log(`  p95 ratio ${fmt(f.p95Ratio, 2)}, throughput ratio ${fmt(f.throughputRatio, 2)}`);
      console.log(
        `  over its own query: p95 ratio ${fmt(f.overheadP95Ratio, 2)}, throughput ratio ${fmt(f.overheadThroughputRatio, 2)}`,
      );
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const p95Ratio = median(all.map((f) => f.p95Ratio));
    const throughputRatio = median(all.map((f) => f.throughputRatio));
    out.matching = { runs: all, median: { p95Ratio, throughputRatio } };
    console.log(
      `  median of ${runs}: p95 ratio ${fmt(p95Ratio, 2)} (goal ≤ 1.15), throughput ratio ${fmt(throughputRatio, 2)} (goal ≥ 0.9)`,
    );
  }
  if (want('load')) {
    const seconds = Number(values.seconds);
    console.log(
      `▶ Load: 200 connections for ${seconds} s each on search and match, each beside its bare Meilisearch query…`,
    );
    const f = await benchLoad(
      client,
      meili.url,
      meili.masterKey,
      `${indexName}_synthetic`,
      inventoryBatch().municipalities,
      {
        connections: 200,
        seconds,
      },
    );
    out.load = f;
    for (const [name, side] of [
      ['GET /api/resources?q=', f.search],
      ['POST /api/match      ', f.match],
    ] as const) {
      const row = (label: string, l: typeof side.bare) =>
        console.log(
          `  ${label}  ${l.requests} requests  p50 ${fmt(l.p50)} ms  p95 ${fmt(l.p95)} ms  ${fmt(l.rps, 0)} req/s  errors ${l.errors}`,
        );
      row('bare Meilisearch query', side.bare);
      row(name, side.ours);
      console.log(`  p95 ratio ${fmt(side.p95Ratio, 2)}`);
    }
  }
  if (want('session')) {
    const requests = Number(values.requests);
    console.log(`▶ Session cost: the five plans, 20 clients, ${requests} requests per side, signed in vs not…`);
    const f = await benchSession(meili.url, meili.masterKey, 'session_bench', { requests, concurrency: 20 });
    out.session = f;
    for (const name of ['match', 'resources'] as const) {
      const s = f[name];
      console.log(
        `  ${name === 'match' ? 'POST /api/match   ' : 'GET /api/resources'}  p95 anonymous ${fmt(s.anonymous.p95)} ms, signed in ${fmt(s.signedIn.p95)} ms  ratio ${fmt(s.p95Ratio, 2)} (goal ≤ 1.10)  errors ${s.anonymous.errors + s.signedIn.errors}`,
      );
    }
  }
  if (want('referrals')) {
    const bin = findPgBin();
    if (!bin) console.log('▶ Referrals: skipped (no PostgreSQL server binaries; install the postgresql package)');
    else {
      const seconds = Number(values.seconds);
      console.log(
        `▶ Referrals: 200 coordinators changing statuses for ${seconds} s, then a bare INSERT for ${seconds} s…`,
      );
      const pgServer = await startThrowawayPostgres(bin);
      try {
        const f = await benchReferrals(pgServer.url, meili.url, meili.masterKey, { seconds, clients: 200 });
        out.referrals = f;
        console.log(
          `  status change  ${f.statusChanges.count} done, errors ${f.statusChanges.errors}, p50 ${fmt(f.statusChanges.p50)} ms, p95 ${fmt(f.statusChanges.p95)} ms`,
        );
        console.log(
          `  bare INSERT    ${f.bareInsert.count} done, p50 ${fmt(f.bareInsert.p50)} ms, p95 ${fmt(f.bareInsert.p95)} ms`,
        );
        console.log(
          `  p95 ratio ${fmt(f.p95Ratio, 2)}; events expected ${f.eventsExpected}, found ${f.eventsFound} (lost ${f.eventsExpected - f.eventsFound})`,
        );
      } finally {
        pgServer.stop();
      }
    }
  }
  if (want('gaps')) {
    const sizes = { municipalities: 1741, resources: 100_000, gaps: Number(values['gap-records']), samples: 200 };
    console.log(
      `▶ Gap board at scale: ${sizes.municipalities} municipalities, ${sizes.resources} resources, ${sizes.gaps} gap records…`,
    );
    const runs: Record<string, unknown> = {};
    const report = (f: Awaited<ReturnType<typeof benchGapScale>>) =>
      console.log(
        `  ${f.database.padEnd(8)} loaded in ${fmt(f.loadSeconds)} s\n` +
          `    coverage p95 ${fmt(f.coverage.p95, 2)} ms vs a count over the same rows ${fmt(f.bareCoverageRows.p95, 2)} ms: ratio ${fmt(f.coverage.ratio, 2)} (goal ≤ 1.5; vs the gaps alone ${fmt(f.coverage.ratioGapsOnly, 2)})\n` +
          `    report   p95 ${fmt(f.report.p95, 2)} ms vs a count over the same rows ${fmt(f.bareReportRows.p95, 2)} ms: ratio ${fmt(f.report.ratio, 2)} (goal ≤ 1.5; vs the gaps alone ${fmt(f.report.ratioGapsOnly, 2)})`,
      );
    const pglite = await openPglite();
    try {
      report((runs.pglite = await benchGapScale(pglite, 'pglite', sizes)) as Awaited<ReturnType<typeof benchGapScale>>);
    } finally {
      await pglite.close();
    }
    const bin = findPgBin();
    if (bin) {
      const server = await startThrowawayPostgres(bin);
      const db = await openPostgres(server.url);
      try {
        report(
          (runs.postgres = await benchGapScale(db, 'postgres', sizes)) as Awaited<ReturnType<typeof benchGapScale>>,
        );
      } finally {
        await db.close();
        server.stop();
      }
    }
    out.gaps = runs;
  }
} finally {
  await meili.stop();
  rmSync(dir, { recursive: true, force: true });
}
mkdirSync('tests/artifacts', { recursive: true });
writeFileSync('tests/artifacts/bench.json', JSON.stringify(out, null, 2));

if (want('map') && existsSync('tests/bench/map/run.ts')) {
  console.log('▶ Map: JavaScript shipped and time to show markers…');
  spawnSync(process.execPath, ['--import', 'tsx', 'tests/bench/map/run.ts'], { stdio: 'inherit' });
}
