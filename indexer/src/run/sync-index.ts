import type { Meilisearch } from 'meilisearch';
import { toSearchDocument, type Municipality, type Resource, type SearchDocument } from '@norishiro/data';
import type { Db } from '../db/connect.ts';
import { listMunicipalities, listResources } from '../store/resources.ts';
import { documentCount, fingerprint, rebuildIndex } from '../meili/sync.ts';

export function toDocuments(resources: readonly Resource[], municipalities: readonly Municipality[]): SearchDocument[] {
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  return resources.map((r) => {
    const m = byCode.get(r.municipality);
    if (!m) throw new Error(`Resource ${r.id} names municipality ${r.municipality}, which is not loaded`);
    return toSearchDocument(r, m);
  });
}

export interface SyncResult {
  rebuilt: boolean;
  documents: number;
}

/**
 * Rebuilds the index from PostgreSQL when what it would hold differs from what was last
 * swapped in (or the index has gone missing); otherwise leaves it alone.
 */
export async function syncIndex(
  db: Db,
  client: Meilisearch,
  indexName: string,
  opts: { dryRun?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<SyncResult> {
  const docs = toDocuments(await listResources(db), await listMunicipalities(db));
  const print = fingerprint(docs);
  const [state] = await db.query<{ fingerprint: string; documents: number }>(
    'select fingerprint, documents from index_state where name = $1',
    [indexName],
  );
  const live = await documentCount(client, indexName);
  if (state?.fingerprint === print && live === docs.length) return { rebuilt: false, documents: docs.length };
  if (opts.dryRun) return { rebuilt: true, documents: docs.length };
  await rebuildIndex(client, indexName, docs, opts.onProgress);
  await db.query(
    `insert into index_state(name, fingerprint, documents) values ($1, $2, $3)
     on conflict (name) do update set fingerprint = excluded.fingerprint, documents = excluded.documents, synced_at = now()`,
    [indexName, print, docs.length],
  );
  return { rebuilt: true, documents: docs.length };
}
