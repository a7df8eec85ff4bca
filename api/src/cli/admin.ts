import {
  ConfigError,
  DataDirBusyError,
  loadConfig,
  migrate,
  openDb,
  openRuntime,
  readServiceRecord,
  UnavailableError,
  type Config,
  type Db,
  type ServiceRecord,
} from '@norishiro/indexer';
import { createAuth } from '../auth/auth.ts';
import { loadServiceConfig } from '../config.ts';
import type { CliEvent } from '../admin/cli.ts';
import type { AdminContext } from './command.ts';
import { findCommand, runAdmin } from './run.ts';

/** Usage and unknown commands need no database. */
const helpOnly = (config: Config, origin: string): AdminContext => ({
  db: undefined as never,
  auth: undefined as never,
  config,
  origin,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  stdin: async () => '',
  cwd: process.cwd(),
  inService: false,
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The running service owns embedded PGlite, so the command runs there and streams back. */
async function viaService(service: ServiceRecord, argv: string[], cwd: string): Promise<number> {
  console.error(`起動中のサービス (${service.url}) に作業を渡します…`);
  const res = await fetch(`${service.url}/api/admin/cli`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ argv, stdin: await readStdin(), cwd }),
  });
  if (!res.ok || !res.body)
    throw new UnavailableError(`起動中のサービスがコマンドを受け付けませんでした (HTTP ${res.status})`);
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const e = JSON.parse(buffer.slice(0, nl)) as CliEvent;
      buffer = buffer.slice(nl + 1);
      if (e.type === 'out') console.log(e.line);
      else if (e.type === 'err') console.error(e.line);
      else if (e.type === 'exit') return e.code;
    }
  }
  throw new UnavailableError('起動中のサービスが途中で応答しなくなりました');
}

/** A server database is shared, so the CLI opens it directly; embedded PGlite needs the DATA_DIR lock. */
async function openForCommand(config: Config): Promise<{ db: Db; close: () => Promise<void> }> {
  if (config.DATABASE_URL) {
    const db = await openDb(config);
    await migrate(db);
    return { db, close: () => db.close() };
  }
  const rt = await openRuntime(config);
  return { db: rt.db, close: () => rt.close() };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const found = findCommand(argv);
  const help = !found || argv.includes('--help') || argv.includes('-h');
  const service = config.DATABASE_URL ? undefined : readServiceRecord(config.DATA_DIR);
  if (service && found?.command.offline && !help) {
    console.error(
      `サービスが起動中です（pid ${service.pid}、${service.url}）。「${found.key}」はサービスを止めてから実行してください。`,
    );
    return 1;
  }
  if (service && argv.length) return viaService(service, argv, cwd);
  const svc = loadServiceConfig(process.env, config.DATA_DIR, config.PORT);
  if (help) return runAdmin(helpOnly(config, svc.origin), argv);
  if (found.command.offline) return runAdmin({ ...helpOnly(config, svc.origin), stdin: readStdin, cwd }, argv);
  const opened = await openForCommand(config);
  try {
    return await runAdmin(
      {
        db: opened.db,
        config,
        auth: createAuth(opened.db, { origin: svc.origin, secret: svc.authSecret }),
        origin: svc.origin,
        out: (line) => console.log(line),
        err: (line) => console.error(line),
        stdin: readStdin,
        cwd,
        inService: false,
      },
      argv,
    );
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if ([ConfigError, DataDirBusyError, UnavailableError].some((T) => e instanceof T)) {
      console.error(`管理コマンドを実行できません: ${(e as Error).message}`);
      process.exit(1);
    }
    throw e;
  },
);
