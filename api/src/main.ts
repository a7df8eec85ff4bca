import type { AddressInfo } from 'node:net';
import {
  ConfigError,
  DataDirBusyError,
  dataDirProblem,
  followIndex,
  loadConfig,
  MeiliUnavailableError,
  openRuntime,
  UnavailableError,
  type Config,
  type Runtime,
} from '@norishiro/indexer';
import { createApp } from './app.ts';
import { announce, ensurePortFree, portError, PortInUseError, prepareData, warmUp } from './boot.ts';
import { setupUrlIfNeeded } from './auth/setup.ts';
import { loadDataKey } from './crypto/fields.ts';
import { loadServiceConfig } from './config.ts';
import { listenForChanges } from './store/changes.ts';
import { withinLimit } from './security/rate-limit.ts';
import { JOBS } from './jobs/jobs.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { createDeps, DEFAULT_RATE_LIMITS } from './deps.ts';
import { createHttpServer, exposeApiToWeb, loadWebHandler } from './server.ts';

const log = (line: string) => console.log(line);

/** An embedded Meilisearch that answers nothing for this long is killed and restarted. */
const MEILI_HANG_MS = 20_000;

/**
 * Failures a user can fix get a plain sentence and exit 1. Anything else is a bug: still one
 * sentence, with the stack trace only when LOG_LEVEL=debug asks for it.
 */
function fail(e: unknown): never {
  const known = [ConfigError, DataDirBusyError, UnavailableError, MeiliUnavailableError, PortInUseError].some(
    (T) => e instanceof T,
  );
  if (known) console.error(`起動できません: ${(e as Error).message}`);
  else {
    console.error(`起動中に予期しないエラーが起きました: ${(e as Error)?.message ?? String(e)}`);
    if (process.env.LOG_LEVEL === 'debug') console.error(e);
  }
  process.exit(1);
}

async function main() {
  // pnpm runs this from api/; DATA_DIR is relative to where the user typed the command.
  const config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  await ensurePortFree(config.PORT, config.HOST);
  log(`Norishiro を起動しています（データ: ${config.DATA_DIR}）…`);
  // DATA_DIR is checked (writable, not full) here, before anything is written into it.
  const rt = await openRuntime(config, { log, meiliHangMs: MEILI_HANG_MS });
  try {
    await serve(config, rt);
  } catch (e) {
    await rt.close().catch(() => undefined);
    throw dataDirProblem(e, config.DATA_DIR) ?? e;
  }
}

async function serve(config: Config, rt: Runtime) {
  const svc = loadServiceConfig(process.env, config.DATA_DIR, config.PORT);
  // adapter-node builds page URLs from ORIGIN; without it, same-origin form posts over http are refused.
  process.env.ORIGIN ??= svc.origin;
  log(
    `  検索: ${config.MEILI_URL ? config.MEILI_URL : '同梱の Meilisearch'} / データベース: ${rt.db.kind === 'pglite' ? '同梱の PGlite' : 'PostgreSQL'}`,
  );
  await prepareData(rt, log);
  await warmUp(rt);
  const follower = followIndex(rt, { log });
  const deps = createDeps({
    db: rt.db,
    meili: rt.meili,
    indexName: rt.indexName,
    config,
    origin: svc.origin,
    authSecret: svc.authSecret,
    oidc: svc.oidc,
    rateLimits: svc.rateLimit ? DEFAULT_RATE_LIMITS : undefined,
    dataKey: loadDataKey(process.env, config.DATA_DIR),
  });
  const unlisten = await listenForChanges(rt.db, () => deps.invalidate?.());
  const stopJobs = startScheduler(rt.db, JOBS, { log });
  const app = createApp(deps);
  exposeApiToWeb(app);
  const web = await loadWebHandler();
  if (!web) log('  画面のビルドが見つからないため、API だけを提供します');
  const server = createHttpServer(app, web, {
    https: svc.origin.startsWith('https://'),
    trustedProxies: svc.trustedProxies,
    pageLimit: svc.rateLimit ? (client) => withinLimit(rt.db, DEFAULT_RATE_LIMITS.page, client) : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => reject(portError(e, config.PORT) ?? e));
    server.listen(config.PORT, config.HOST, resolve);
  }).catch(async (e: unknown) => {
    await follower.stop();
    throw e;
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  const { token, remove } = announce(rt, `http://127.0.0.1:${port}`);
  deps.adminToken = token;
  log(`Norishiro: ${url} で起動しました（API 文書: ${url}/api/docs）`);
  const setup = await setupUrlIfNeeded(rt.db, svc.origin);
  if (setup)
    log(
      `\nまだアカウントがありません。最初の管理者を次の URL で登録してください（1時間有効・一回限り）:\n  ${setup}\n`,
    );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} を受け取りました。停止しています…`);
    remove();
    await unlisten();
    await stopJobs();
    await follower.stop();
    server.close();
    server.closeAllConnections();
    await rt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(fail);
