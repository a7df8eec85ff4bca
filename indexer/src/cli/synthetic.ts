import type { Meilisearch } from 'meilisearch';
import { syntheticMunicipalities, syntheticResources } from '../formats/synthetic.ts';
import { rebuildIndex } from '../meili/sync.ts';
import { toDocuments } from '../run/sync-index.ts';

/** Synthetic data lives in its own index, never the real directory's, and never in PostgreSQL. */
export const syntheticIndexName = (indexName: string) => `${indexName}_synthetic`;

export async function indexSynthetic(
  meili: Meilisearch,
  indexName: string,
  n: number,
  onProgress: (done: number, total: number) => void,
) {
  const started = performance.now();
  const docs = toDocuments(syntheticResources(n), syntheticMunicipalities());
  await rebuildIndex(meili, syntheticIndexName(indexName), docs, onProgress);
  return {
    index: syntheticIndexName(indexName),
    documents: docs.length,
    seconds: (performance.now() - started) / 1000,
  };
}
