import { spawn } from 'node:child_process';
import { percentile } from './stats.ts';

export interface SideFigures {
  p50: number;
  p95: number;
  errors: number;
}

export interface SessionFigures {
  requests: number;
  match: { anonymous: SideFigures; signedIn: SideFigures; p95Ratio: number };
  resources: { anonymous: SideFigures; signedIn: SideFigures; p95Ratio: number };
}

const PROFILES = [
  { municipality: '162051', situations: ['hikikomori'], stage: 1, maxTravelKm: 10 },
  { municipality: '212105', situations: ['elderly'], stage: 2, interests: ['体操'] },
  { municipality: '222224', situations: ['children', 'school_refusal'], age: 13, stage: 1 },
  { municipality: '152056', situations: ['disability'], stage: 3 },
];

async function run(total: number, concurrency: number, send: (i: number) => Promise<boolean>) {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        if (!(await send(i).catch(() => false))) errors++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, errors };
}

function figures(latencies: number[], errors: number): SideFigures {
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), errors };
}

/**
 * The same calls with and without a signed-in session, interleaved in rounds so drift
 * in the machine's load falls on both sides alike.
 */
export async function benchSession(
  meiliUrl: string,
  meiliKey: string,
  indexName: string,
  opts: { requests: number; concurrency: number; rounds?: number },
): Promise<SessionFigures> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/session-server.ts', meiliUrl, meiliKey, indexName],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [port, cookie] = await new Promise<[string, string]>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = out.match(/READY (\d+) (\S+)/);
      if (m) resolve([m[1]!, Buffer.from(m[2]!, 'base64').toString()]);
    });
    child.once('exit', (code) => reject(new Error(`session server exited (${code})`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const calls = {
    match: (i: number, headers: Record<string, string>) =>
      fetch(`${base}/api/match`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(PROFILES[i % PROFILES.length]),
      }),
    resources: (i: number, headers: Record<string, string>) =>
      fetch(`${base}/api/resources?municipality=${PROFILES[i % PROFILES.length]!.municipality}&limit=50`, { headers }),
  };
  try {
    const rounds = opts.rounds ?? 4;
    const per = Math.ceil(opts.requests / rounds);
    const result = {} as SessionFigures;
    for (const [name, call] of Object.entries(calls) as [keyof typeof calls, (typeof calls)['match']][]) {
      const anon = { latencies: [] as number[], errors: 0 };
      const signed = { latencies: [] as number[], errors: 0 };
      await run(100, opts.concurrency, async (i) => (await call(i, {})).ok);
      for (let r = 0; r < rounds; r++)
        for (const [side, headers] of [
          [anon, {}],
          [signed, { cookie }],
        ] as const) {
          const got = await run(per, opts.concurrency, async (i) => {
            const res = await call(i, headers);
            await res.arrayBuffer();
            return res.ok;
          });
          side.latencies.push(...got.latencies);
          side.errors += got.errors;
        }
      const a = figures(anon.latencies, anon.errors);
      const s = figures(signed.latencies, signed.errors);
      result[name] = { anonymous: a, signedIn: s, p95Ratio: s.p95 / a.p95 };
    }
    result.requests = per * rounds;
    return result;
  } finally {
    child.kill();
  }
}
