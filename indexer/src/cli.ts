import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatIssue } from '@norishiro/data/validate';
import { ConfigError, loadConfig } from './config.ts';
import { MeiliUnavailableError } from './meili/launcher.ts';
import { InvalidInputError, inventoryBatch, runImport, type ImportBatch, type IndexRunSummary } from './run/index-run.ts';
import { DataDirBusyError, openRuntime, readServiceRecord, UnavailableError } from './runtime.ts';
import { progressBar } from './cli/progress.ts';
import { indexViaService, RemoteIndexError } from './cli/remote.ts';
import { formatSummary } from './cli/summary.ts';

const USAGE = `使い方: pnpm index [オプション]

計画の資源台帳 (data/inventories) を検証し、データベースに登録して検索索引を更新します。
サービスが起動中ならその作業をサービスに渡します。

  --dry-run           何も書き込まずに、変わる件数だけを表示する
  --json              結果を JSON で表示する
  --inventories DIR   別の台帳フォルダを使う
  -h, --help          この説明を表示する`;

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    inventories: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

async function run(batch: ImportBatch | undefined, dryRun: boolean): Promise<IndexRunSummary> {
  const config = loadConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  const bar = progressBar();
  try {
    const service = readServiceRecord(config.DATA_DIR);
    if (service) {
      if (!values.json) console.error(`起動中のサービス (${service.url}) に作業を渡します…`);
      return await indexViaService(service, { dryRun, batch, onProgress: bar.update });
    }
    const rt = await openRuntime(config);
    try {
      return await runImport(rt, batch ?? inventoryBatch(), { dryRun, onProgress: bar.update });
    } finally {
      await rt.close();
    }
  } finally {
    bar.done();
  }
}

async function main() {
  if (values.help) return console.log(USAGE);
  const base = process.env.INIT_CWD ?? process.cwd();
  const batch = values.inventories ? inventoryBatch(resolve(base, values.inventories)) : undefined;
  const summary = await run(batch, values['dry-run']);
  console.log(values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
}

const USER_ERRORS = [ConfigError, DataDirBusyError, UnavailableError, MeiliUnavailableError, RemoteIndexError, InvalidInputError];

main().catch((e: unknown) => {
  if (!USER_ERRORS.some((T) => e instanceof T)) throw e;
  console.error(`索引を作れませんでした: ${(e as Error).message}`);
  const issues = e instanceof InvalidInputError || e instanceof RemoteIndexError ? e.issues : [];
  for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
  process.exitCode = 1;
});
