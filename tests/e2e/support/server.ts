import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@norishiro/indexer';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

export interface RunningService {
  url: string;
  port: number;
  dataDir: string;
  /** The process group's leader: signal `-pid` to reach the whole service. */
  pid: number;
  log: () => string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`service exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`service did not become healthy within ${timeoutMs} ms:\n${log()}`);
}

/**
 * Starts the whole service (API + built web app) the way `pnpm start` does, on a free port
 * with a fresh data directory (removed at stop) or the caller's own (kept), and the tile-less
 * map style. It builds nothing: web/build must exist.
 */
export async function startService(
  opts: { timeoutMs?: number; env?: Record<string, string>; dataDir?: string } = {},
): Promise<RunningService> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'nori-e2e-'));
  let output = '';
  const child = spawn('npx', ['tsx', 'api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      MAP_STYLE: 'fallback',
      ORIGIN: `http://127.0.0.1:${port}`,
      RATE_LIMIT: 'off',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const log = () => output;
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 8000);
      await exited;
      clearTimeout(timer);
    }
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(url, child, log, opts.timeoutMs ?? 180_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, dataDir, pid: child.pid!, log, stop };
}
