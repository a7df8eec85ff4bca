import { createHash } from 'node:crypto';
import type { Meilisearch, Task } from 'meilisearch';
import type { SearchDocument } from '@norishiro/data';
import { canonical } from '../store/merge.ts';
import { INDEX_SETTINGS } from './settings.ts';

export class IndexError extends Error {}

const TASK_TIMEOUT_MS = 600_000;
export const BATCH_SIZE = 10_000;

function ensureSucceeded(task: Task, what: string) {
  if (task.status !== 'succeeded') {
    throw new IndexError(`${what} failed: ${task.error?.message ?? task.status}`);
  }
}

/** What the index would hold: the documents and the settings that shape them. */
export function fingerprint(docs: readonly SearchDocument[]): string {
  const hash = createHash('sha256').update(canonical(INDEX_SETTINGS));
  for (const doc of docs) hash.update(canonical(doc));
  return hash.digest('hex');
}

export async function indexExists(client: Meilisearch, name: string): Promise<boolean> {
  try {
    await client.getRawIndex(name);
    return true;
  } catch {
    return false;
  }
}

export async function documentCount(client: Meilisearch, name: string): Promise<number | undefined> {
  try {
    return (await client.index(name).getStats()).numberOfDocuments;
  } catch {
    return undefined;
  }
}

/**
 * Builds a fresh index beside the live one and swaps it in atomically. Any failure deletes
 * the half-built index and leaves the live one serving, untouched.
 */
export async function rebuildIndex(
  client: Meilisearch,
  name: string,
  docs: readonly SearchDocument[],
  onProgress: (done: number, total: number) => void = () => {},
): Promise<void> {
  const build = `${name}_build_${Date.now()}`;
  try {
    ensureSucceeded(
      await client.createIndex(build, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }),
      'Creating the index',
    );
    ensureSucceeded(
      await client.index(build).updateSettings(INDEX_SETTINGS).waitTask({ timeout: TASK_TIMEOUT_MS }),
      'Applying settings',
    );
    const batches: SearchDocument[][] = [];
    for (let i = 0; i < docs.length; i += BATCH_SIZE) batches.push(docs.slice(i, i + BATCH_SIZE));
    const enqueued = batches.map((batch) => client.index(build).addDocuments(batch));
    let done = 0;
    for (const [i, promise] of enqueued.entries()) {
      ensureSucceeded(await promise.waitTask({ timeout: TASK_TIMEOUT_MS }), 'Adding documents');
      done += batches[i]!.length;
      onProgress(done, docs.length);
    }
    const live = await indexExists(client, name);
    const swap = await client
      .swapIndexes([{ indexes: live ? [name, build] : [build, name], rename: !live }])
      .waitTask({ timeout: TASK_TIMEOUT_MS });
    ensureSucceeded(swap, 'Swapping in the new index');
  } finally {
    // Wait for the deletion itself: deleteIndexIfExists only enqueues it, and a caller (or
    // the next start) must not find the half-built index. A rename left nothing to delete.
    await client
      .deleteIndex(build)
      .waitTask({ timeout: TASK_TIMEOUT_MS })
      .catch(() => undefined);
  }
}

/** The name a rebuild of `name` builds under; the suffix is its start time in ms. */
const BUILD_NAME = (name: string) => new RegExp(`^${name}_build_(\\d+)$`);

/**
 * Deletes half-built indexes a crash left behind (a rebuild deletes its own otherwise).
 * Another instance on the same Meilisearch may be building right now: only builds older than
 * `olderThanMs` are touched. Returns the names deleted.
 */
export async function dropStaleBuilds(client: Meilisearch, name: string, olderThanMs: number): Promise<string[]> {
  const pattern = BUILD_NAME(name);
  const { results } = await client.getRawIndexes({ limit: 1000 });
  const stale = results
    .map((i) => i.uid)
    .filter((uid) => {
      const started = pattern.exec(uid)?.[1];
      return started !== undefined && Date.now() - Number(started) >= olderThanMs;
    });
  for (const uid of stale)
    ensureSucceeded(await client.deleteIndex(uid).waitTask({ timeout: TASK_TIMEOUT_MS }), `Deleting ${uid}`);
  return stale;
}

/** One resource changed (a staff edit): update one document, not the whole index. */
export async function upsertDocument(client: Meilisearch, name: string, doc: SearchDocument): Promise<void> {
  ensureSucceeded(
    await client.index(name).addDocuments([doc]).waitTask({ timeout: TASK_TIMEOUT_MS }),
    'Updating a document',
  );
}

export async function deleteDocument(client: Meilisearch, name: string, id: string): Promise<void> {
  ensureSucceeded(
    await client.index(name).deleteDocument(id).waitTask({ timeout: TASK_TIMEOUT_MS }),
    'Deleting a document',
  );
}
