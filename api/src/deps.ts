import type { Meilisearch } from 'meilisearch';
import type { Municipality } from '@norishiro/data';
import { listMunicipalities, type Db } from '@norishiro/indexer';

/** What the app needs from the outside world, injected so tests use real but local services. */
export interface AppDeps {
  db: Db;
  meili: Meilisearch;
  indexName: string;
  /** Token a local CLI presents to hand indexing work to this process. */
  adminToken?: string;
  municipalities: () => Promise<Municipality[]>;
  /** Forget cached reference data after an import. */
  invalidate?: () => void;
}

/** Municipalities change only on import, so they are read once and cached until then. */
export function createDeps(input: Omit<AppDeps, 'municipalities' | 'invalidate'>): AppDeps {
  let cached: Promise<Municipality[]> | undefined;
  return {
    ...input,
    municipalities: () =>
      (cached ??= listMunicipalities(input.db).catch((e) => ((cached = undefined), Promise.reject(e)))),
    invalidate: () => (cached = undefined),
  };
}
