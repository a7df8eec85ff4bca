import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Municipality } from '@norishiro/data';
import { loadInventories } from '@norishiro/data/inventories';
import { formatIssue } from '@norishiro/data/validate';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { exportHsds, toDataPackage, type HsdsTabular } from './formats/hsds/index.ts';
import { meiliClient } from './meili/client.ts';
import { masterKeyFor, MeiliUnavailableError } from './meili/launcher.ts';
import {
  InvalidInputError,
  inventoryBatch,
  runImport,
  type ImportBatch,
  type IndexRunSummary,
} from './run/index-run.ts';
import { DataDirBusyError, openRuntime, readServiceRecord, UnavailableError, type ServiceRecord } from './runtime.ts';
import { listMunicipalities, listResources } from './store/resources.ts';
import { openDb } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { progressBar } from './cli/progress.ts';
import { indexViaService, RemoteIndexError } from './cli/remote.ts';
import { asInventories, csvBatch, hsdsBatch, type Rejected } from './cli/sources.ts';
import { formatSummary } from './cli/summary.ts';
import { indexSynthetic } from './cli/synthetic.ts';

const USAGE = `使い方: pnpm index [オプション]

計画の資源台帳 (data/inventories) を検証し、データベースに登録して検索索引を更新します。
サービスが起動中なら、その作業をサービスに渡します。

  --dry-run                 何も書き込まずに、変わる件数だけを表示する
  --json                    結果を JSON で表示する
  --inventories DIR         別の台帳フォルダを読み込む
  --csv FILE --mapping MAP  自治体標準オープンデータセットの CSV を読み込む（MAP は分類の対応表 JSON）
  --hsds FILE               Open Referral HSDS 3 の JSON（tabular・service・service_list）を読み込む
  --municipality CODE       --hsds で、自治体の書かれていないサービスをこの団体コードの自治体のものとして読む
  --export-hsds DIR         ディレクトリ全体を HSDS 3 で DIR に書き出す（compiled/tabular.json と
                            datapackage.json + 表ごとの CSV）
  --synthetic N             ベンチマーク用の架空データ N 件を別の索引に作る（実データには入りません）
  -h, --help                この説明を表示する`;

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    inventories: { type: 'string' },
    csv: { type: 'string' },
    mapping: { type: 'string' },
    hsds: { type: 'string' },
    municipality: { type: 'string' },
    'export-hsds': { type: 'string' },
    synthetic: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

const base = process.env.INIT_CWD ?? process.cwd();
const path = (p: string) => resolve(base, p);
const say = (line: string) => !values.json && console.error(line);

function reportRejected(rejected: Rejected[], read: number) {
  if (rejected.length === 0) return;
  say(`${rejected.length} 件を取り込めませんでした${read > 0 ? '（他は取り込みます）' : ''}:`);
  for (const r of rejected) say(`  ${r.where}: ${r.reason}`);
}

interface Chosen {
  /** Undefined: the inventories (the service reads its own). */
  batch?: ImportBatch;
  rejected: Rejected[];
  /** Any rejection fails the run (HSDS), or only a file of which nothing could be read (CSV). */
  failOn: 'any' | 'all';
}

/** The cities the directory has: a row of any other is refused with how to add it. */
async function registeredMunicipalities(config: Config, service: ServiceRecord | undefined): Promise<Municipality[]> {
  if (service) {
    const res = await fetch(`${service.url}/api/municipalities`);
    if (!res.ok)
      throw new RemoteIndexError(`起動中のサービスから市区町村の一覧を読めませんでした（HTTP ${res.status}）。`);
    return (await res.json()) as Municipality[];
  }
  const db = await openDb(config);
  try {
    await migrate(db);
    const known = await listMunicipalities(db);
    // Before the first import the database is empty: the five plans' cities are the directory's.
    return known.length ? known : loadInventories().inventories.map((i) => i.municipality);
  } finally {
    await db.close();
  }
}

/** What to import: the inventories unless a file was named. */
async function chooseBatch(config: Config, service: ServiceRecord | undefined): Promise<Chosen> {
  if (values.csv) {
    if (!values.mapping)
      throw new InvalidInputError('--csv には --mapping で分類の対応表 (JSON) も指定してください', []);
    const { batch, rejected, note } = csvBatch(
      path(values.csv),
      path(values.mapping),
      await registeredMunicipalities(config, service),
    );
    say(`${values.csv}: ${note}、${batch.resources.length} 件を読み取りました`);
    reportRejected(rejected, batch.resources.length);
    return { batch, rejected, failOn: 'all' };
  }
  if (values.hsds) {
    const { batch, rejected } = hsdsBatch(path(values.hsds), {
      municipalities: await registeredMunicipalities(config, service),
      municipality: values.municipality,
    });
    say(`${values.hsds}: ${batch.resources.length} 件を読み取りました`);
    reportRejected(rejected, batch.resources.length);
    return { batch, rejected, failOn: 'any' };
  }
  if (values.municipality) throw new InvalidInputError('--municipality は --hsds と一緒に指定してください', []);
  return {
    batch: values.inventories ? inventoryBatch(path(values.inventories)) : undefined,
    rejected: [],
    failOn: 'any',
  };
}

async function importBatch(config: Config, service: ServiceRecord | undefined, batch: ImportBatch | undefined) {
  const bar = progressBar();
  const dryRun = values['dry-run'];
  try {
    if (service) {
      say(`起動中のサービス (${service.url}) に作業を渡します…`);
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

async function directoryAsHsds(config: Config, service: ServiceRecord | undefined): Promise<HsdsTabular> {
  if (service) {
    const res = await fetch(`${service.url}/api/admin/hsds`, { headers: { authorization: `Bearer ${service.token}` } });
    if (!res.ok) throw new RemoteIndexError(`起動中のサービスが書き出しを受け付けませんでした（HTTP ${res.status}）。`);
    return (await res.json()) as HsdsTabular;
  }
  const rt = await openRuntime(config);
  try {
    const inventories = asInventories(await listMunicipalities(rt.db), await listResources(rt.db));
    // Taxonomy URIs name where the service publishes them: its ORIGIN, else the local default.
    return exportHsds(inventories, { baseUrl: process.env.ORIGIN ?? `http://localhost:${config.PORT}` });
  } finally {
    await rt.close();
  }
}

/** Both HSDS file forms: compiled/tabular.json, and the tabular data package (datapackage.json + CSVs). */
async function exportDirectory(config: Config, service: ServiceRecord | undefined, dir: string) {
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new InvalidInputError(`--export-hsds にはフォルダを指定してください（${dir} はファイルです）`, []);
  const data = await directoryAsHsds(config, service);
  mkdirSync(join(dir, 'compiled'), { recursive: true });
  writeFileSync(join(dir, 'compiled', 'tabular.json'), JSON.stringify(data, null, 2) + '\n');
  for (const [file, content] of toDataPackage(data, { name: 'norishiro', title: 'Norishiro 社会資源ディレクトリ' }))
    writeFileSync(join(dir, file), content);
  return data.service.length;
}

async function synthetic(config: Config, service: ServiceRecord | undefined, n: number) {
  const bar = progressBar();
  const onProgress = (done: number, total: number) => bar.update('index', done, total);
  try {
    if (service || config.MEILI_URL) {
      const url = config.MEILI_URL ?? service!.meiliUrl;
      const key = config.MEILI_MASTER_KEY ?? (config.MEILI_URL ? undefined : masterKeyFor(config.DATA_DIR));
      return await indexSynthetic(meiliClient(url, key), config.MEILI_INDEX, n, onProgress);
    }
    const rt = await openRuntime(config);
    try {
      return await indexSynthetic(rt.meili, rt.indexName, n, onProgress);
    } finally {
      await rt.close();
    }
  } finally {
    bar.done();
  }
}

async function main() {
  if (values.help) return console.log(USAGE);
  const config = loadConfig(process.env, base);
  const service = readServiceRecord(config.DATA_DIR);
  if (values['export-hsds']) {
    const services = await exportDirectory(config, service, path(values['export-hsds']));
    return say(
      `HSDS 3 で ${services} 件のサービスを ${values['export-hsds']} に書き出しました（compiled/tabular.json、datapackage.json と表ごとの CSV）。`,
    );
  }
  if (values.synthetic) {
    const n = Number(values.synthetic);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidInputError('--synthetic には 1 以上の整数を指定してください', []);
    const result = await synthetic(config, service, n);
    return console.log(
      values.json
        ? JSON.stringify(result)
        : `架空データ ${result.documents} 件を索引 ${result.index} に作りました（${result.seconds.toFixed(1)} 秒）。`,
    );
  }
  const chosen = await chooseBatch(config, service);
  const failed = chosen.rejected.length > 0 && (chosen.failOn === 'any' || (chosen.batch?.resources.length ?? 0) === 0);
  if (chosen.batch && chosen.batch.resources.length === 0) {
    // An empty batch would retire everything this file imported before: import nothing.
    if (values.json) console.log(JSON.stringify({ imported: false, rejected: chosen.rejected }, null, 2));
    else say('読み取れた資源がないため、何も取り込んでいません。');
    process.exitCode = 1;
    return;
  }
  const summary: IndexRunSummary = await importBatch(config, service, chosen.batch);
  console.log(
    values.json ? JSON.stringify({ ...summary, rejected: chosen.rejected }, null, 2) : formatSummary(summary),
  );
  if (failed) {
    say(`取り込めなかったものが ${chosen.rejected.length} 件あります（上の一覧を見てください）。`);
    process.exitCode = 1;
  }
}

const USER_ERRORS = [
  ConfigError,
  DataDirBusyError,
  UnavailableError,
  MeiliUnavailableError,
  RemoteIndexError,
  InvalidInputError,
];

main().catch((e: unknown) => {
  const known = USER_ERRORS.some((T) => e instanceof T) || (e as NodeJS.ErrnoException).code === 'ENOENT';
  if (!known) throw e;
  console.error(`索引を作れませんでした: ${(e as Error).message}`);
  const issues = e instanceof InvalidInputError || e instanceof RemoteIndexError ? e.issues : [];
  for (const issue of issues) console.error(`  ${formatIssue(issue)}`);
  process.exitCode = 1;
});
