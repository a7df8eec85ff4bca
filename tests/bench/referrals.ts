import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { percentile } from './stats.ts';

export interface ReferralFigures {
  seconds: number;
  clients: number;
  statusChanges: { count: number; errors: number; p50: number; p95: number };
  bareInsert: { count: number; p50: number; p95: number };
  p95Ratio: number;
  eventsExpected: number;
  eventsFound: number;
}

const LOOP = ['host_confirmed', 'visit_scheduled', 'started', 'settled'] as const;

/**
 * 200 coordinators, each moving their own referrals along the loop (and starting a new one
 * at the end), for a fixed time; then a bare INSERT of an event row from the same number of
 * clients for the same time, in the same run. Every event must be found afterwards.
 */
export async function benchReferrals(
  serverUrl: string,
  meiliUrl: string,
  meiliKey: string,
  opts: { seconds: number; clients: number },
): Promise<ReferralFigures> {
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = serverUrl.replace(/\/postgres$/, `/${name}`);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/referral-server.ts', dbUrl, meiliUrl, meiliKey, name],
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
    child.once('exit', (code) => reject(new Error(`referral server exited (${code})`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const headers = { 'content-type': 'application/json', cookie };
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const json = (await res.json()) as { id: string; version: number };
    if (!res.ok) throw new Error(`${res.status}`);
    return json;
  };
  const db = new pg.Pool({ connectionString: dbUrl, max: 20 });
  try {
    const [{ id: resourceId }] = (
      await db.query<{ id: string }>(`select id from resources where municipality = '162051' limit 1`)
    ).rows as [{ id: string }];
    const latencies: number[] = [];
    let errors = 0;
    let expected = 0;
    const until = Date.now() + opts.seconds * 1000;
    await Promise.all(
      Array.from({ length: opts.clients }, async () => {
        const c = await call('/api/cases', { municipality: '162051', members: [{ relation: 'self', profile: {} }] });
        while (Date.now() < until) {
          let r = await call('/api/referrals', {
            caseId: c.id,
            member: 0,
            resourceId,
            consent: { basis: 'support_meeting', meetingDate: '2026-11-01', hostIsMember: true },
          });
          expected++;
          for (const to of LOOP) {
            if (Date.now() >= until) break;
            const t = performance.now();
            try {
              r = await call(`/api/referrals/${r.id}/events`, {
                to,
                version: r.version,
                ...(to === 'visit_scheduled' ? { visitDate: '2026-12-01' } : {}),
              });
              expected++;
            } catch {
              errors++;
            }
            latencies.push(performance.now() - t);
          }
        }
      }),
    );
    const [{ n }] = (await db.query<{ n: string }>('select count(*) as n from referral_events')).rows as [
      { n: string },
    ];
    const bare: number[] = [];
    const bareUntil = Date.now() + opts.seconds * 1000;
    const [{ id: anyReferral }] = (await db.query<{ id: string }>('select id from referrals limit 1')).rows as [
      { id: string },
    ];
    await Promise.all(
      Array.from({ length: opts.clients }, async () => {
        while (Date.now() < bareUntil) {
          const t = performance.now();
          await db.query(
            `insert into referral_events (referral_id, kind, from_status, to_status) values ($1, 'bench', 'referred', 'host_confirmed')`,
            [anyReferral],
          );
          bare.push(performance.now() - t);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    bare.sort((a, b) => a - b);
    const statusChanges = {
      count: latencies.length,
      errors,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
    };
    const bareInsert = { count: bare.length, p50: percentile(bare, 50), p95: percentile(bare, 95) };
    return {
      seconds: opts.seconds,
      clients: opts.clients,
      statusChanges,
      bareInsert,
      p95Ratio: statusChanges.p95 / bareInsert.p95,
      eventsExpected: expected,
      eventsFound: Number(n),
    };
  } finally {
    await db.end();
    child.kill();
  }
}
