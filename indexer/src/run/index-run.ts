import type { Meilisearch } from 'meilisearch';
import { loadInventories, type LocatedIssue } from '@norishiro/data/inventories';
import type { Municipality, Resource } from '@norishiro/data';
import type { Db } from '../db/connect.ts';
import { importResources, upsertMunicipalities, type ConflictReport } from '../store/resources.ts';
import { syncIndex } from './sync-index.ts';

export const INVENTORY_ORIGIN = 'inventories';

export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly issues: LocatedIssue[],
  ) {
    super(message);
  }
}

export type Phase = 'database' | 'index';

export const PHASE_LABELS: Record<Phase, string> = { database: 'データベース', index: '検索索引' };
export type Progress = (phase: Phase, done: number, total: number) => void;

export interface IndexRunSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  conflicts: ConflictReport[];
  indexRebuilt: boolean;
  documents: number;
  dryRun: boolean;
  seconds: number;
}

/** What a running service streams back, one JSON line each, while it indexes for the CLI. */
export type IndexEvent =
  | { type: 'progress'; phase: Phase; done: number; total: number }
  | { type: 'done'; summary: IndexRunSummary }
  | { type: 'error'; message: string; issues?: LocatedIssue[] };

export interface ImportBatch {
  origin: string;
  municipalities: readonly Municipality[];
  resources: readonly Resource[];
}

/** Upserts one batch into PostgreSQL, then brings the search index in line with it. */
export async function runImport(
  deps: { db: Db; meili: Meilisearch; indexName: string },
  batch: ImportBatch,
  opts: { dryRun?: boolean; actor?: string; onProgress?: Progress } = {},
): Promise<IndexRunSummary> {
  const started = performance.now();
  const progress = opts.onProgress ?? (() => {});
  progress('database', 0, batch.resources.length);
  if (!opts.dryRun) await upsertMunicipalities(deps.db, batch.municipalities);
  const summary = await importResources(deps.db, {
    origin: batch.origin,
    resources: batch.resources,
    actor: opts.actor ?? 'indexer',
    dryRun: opts.dryRun,
  });
  progress('database', batch.resources.length, batch.resources.length);
  const sync = await syncIndex(deps.db, deps.meili, deps.indexName, {
    dryRun: opts.dryRun,
    onProgress: (done, total) => progress('index', done, total),
  });
  return {
    ...summary,
    indexRebuilt: sync.rebuilt,
    documents: sync.documents,
    dryRun: opts.dryRun === true,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The plans' inventories, validated; any issue stops the run before anything is written. */
export function inventoryBatch(dir?: string): ImportBatch {
  const { inventories, resources, issues } = loadInventories(dir);
  if (issues.length > 0) throw new InvalidInputError(`${issues.length} problem(s) in the inventories`, issues);
  return { origin: INVENTORY_ORIGIN, municipalities: inventories.map((i) => i.municipality), resources };
}

export const isUnchanged = (s: IndexRunSummary) =>
  s.added === 0 && s.updated === 0 && s.removed === 0 && !s.indexRebuilt;
