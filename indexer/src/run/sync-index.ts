import type { Meilisearch } from 'meilisearch';
import { toSearchDocument, type Municipality, type Resource, type SearchDocument } from '@norishiro/data';
import type { Db } from '../db/connect.ts';
import { listMunicipalities, listResources } from '../store/resources.ts';
import { meiliErrorCode } from '../meili/http.ts';
import { documentCount, fingerprint, rebuildIndex } from '../meili/sync.ts';
import { canonical } from '../store/merge.ts';

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

const running = new Map<string, Promise<unknown>>();

/**
 * One index change at a time per index in this process: an import's rebuild and the
 * follower's repair would otherwise swap over each other.
 */
export function withIndexLock<T>(indexName: string, fn: () => Promise<T>): Promise<T> {
  const before = running.get(indexName) ?? Promise.resolve();
  const mine = before.then(fn, fn);
  const settled = mine.catch(() => undefined);
  running.set(indexName, settled);
  void settled.then(() => running.get(indexName) === settled && running.delete(indexName));
  return mine;
}

async function databaseDocuments(db: Db): Promise<SearchDocument[]> {
  return toDocuments(await listResources(db), await listMunicipalities(db));
}

async function recordSynced(db: Db, indexName: string, docs: readonly SearchDocument[]) {
  await db.query(
    `insert into index_state(name, fingerprint, documents) values ($1, $2, $3)
     on conflict (name) do update set fingerprint = excluded.fingerprint, documents = excluded.documents, synced_at = now()`,
    [indexName, fingerprint(docs), docs.length],
  );
}

/**
 * Rebuilds the index from PostgreSQL when what it would hold differs from what was last
 * swapped in (or the index has gone missing); otherwise leaves it alone.
 */
export function syncIndex(
  db: Db,
  client: Meilisearch,
  indexName: string,
  opts: { dryRun?: boolean; force?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<SyncResult> {
  return withIndexLock(indexName, async () => {
    const docs = await databaseDocuments(db);
    const print = fingerprint(docs);
    const [state] = await db.query<{ fingerprint: string; documents: number }>(
      'select fingerprint, documents from index_state where name = $1',
      [indexName],
    );
    const live = await documentCount(client, indexName);
    if (!opts.force && state?.fingerprint === print && live === docs.length)
      return { rebuilt: false, documents: docs.length };
    if (opts.dryRun) return { rebuilt: true, documents: docs.length };
    await rebuildIndex(client, indexName, docs, opts.onProgress);
    await recordSynced(db, indexName, docs);
    return { rebuilt: true, documents: docs.length };
  });
}

/** What the live index lacks against the database: documents to (re)write and ids to delete. */
export interface IndexLag {
  /** Documents that differ, are missing, or should be gone: 0 when the index is current. */
  changes: number;
  /** The live index does not exist (first start, wiped after corruption). */
  missing: boolean;
  upserts: SearchDocument[];
  deletes: string[];
  documents: number;
}

const PAGE = 1_000;

/** Meilisearch stores a document as sent JSON: compare both sides after a JSON round trip. */
const sameJson = (doc: SearchDocument) => canonical(JSON.parse(JSON.stringify(doc)));

/**
 * Compares every document in the live index with what the database says it should hold.
 * Directories are hundreds of documents, so reading them all is cheap and, unlike a stored
 * fingerprint, also sees single-document updates (staff edits) that did or did not land.
 */
export async function indexLag(db: Db, client: Meilisearch, indexName: string): Promise<IndexLag> {
  return compare(await databaseDocuments(db), client, indexName);
}

async function compare(docs: SearchDocument[], client: Meilisearch, indexName: string): Promise<IndexLag> {
  const live = new Map<string, string>();
  try {
    for (let offset = 0; ; offset += PAGE) {
      const page = await client.index(indexName).getDocuments<SearchDocument>({ limit: PAGE, offset });
      for (const d of page.results) live.set(String(d.id), canonical(d));
      if (page.results.length < PAGE) break;
    }
  } catch (e) {
    if (meiliErrorCode(e) !== 'index_not_found') throw e;
    return { changes: docs.length, missing: true, upserts: docs, deletes: [], documents: docs.length };
  }
  const upserts = docs.filter((d) => live.get(d.id) !== sameJson(d));
  const wanted = new Set(docs.map((d) => d.id));
  const deletes = [...live.keys()].filter((id) => !wanted.has(id));
  return { changes: upserts.length + deletes.length, missing: false, upserts, deletes, documents: docs.length };
}

/**
 * Brings the live index in line with the database after a failure left it behind (an
 * import whose index step failed after the commit, an edit whose update was lost, a wiped
 * index): a few documents are written in place, a missing or mostly stale index is rebuilt.
 * Returns the number of changes applied.
 */
export function catchUpIndex(db: Db, client: Meilisearch, indexName: string): Promise<number> {
  return withIndexLock(indexName, async () => {
    const docs = await databaseDocuments(db);
    const lag = await compare(docs, client, indexName);
    if (lag.changes === 0) return 0;
    if (lag.missing || lag.changes > lag.documents / 2) {
      await rebuildIndex(client, indexName, docs);
      await recordSynced(db, indexName, docs);
      return lag.changes;
    }
    const index = client.index(indexName);
    const tasks = [
      ...(lag.upserts.length ? [index.addDocuments(lag.upserts)] : []),
      ...(lag.deletes.length ? [index.deleteDocuments(lag.deletes)] : []),
    ];
    for (const t of tasks) {
      const task = await t.waitTask({ timeout: 600_000 });
      if (task.status !== 'succeeded')
        throw new Error(`Updating the index failed: ${task.error?.message ?? task.status}`);
    }
    await recordSynced(db, indexName, docs);
    return lag.changes;
  });
}
