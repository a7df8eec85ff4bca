import type { Meilisearch } from 'meilisearch';
import {
  INDEX_SETTINGS,
  indexSynthetic,
  syntheticMunicipalities,
  syntheticResources,
  toDocuments,
} from '@norishiro/indexer';
import { peakRssMiB } from './stats.ts';

export interface IndexingFigures {
  documents: number;
  bareSeconds: number;
  oursSeconds: number;
  ratio: number;
  oursDocsPerSecond: number;
  nodePeakRssMiB: number;
  meiliPeakRssMiB: number;
}

/** The baseline: the same prepared documents and settings pushed with the bare client. */
async function bareClient(meili: Meilisearch, uid: string, n: number): Promise<number> {
  const docs = toDocuments(syntheticResources(n), syntheticMunicipalities());
  const started = performance.now();
  await meili.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 900_000 });
  await meili.index(uid).updateSettings(INDEX_SETTINGS).waitTask({ timeout: 900_000 });
  const tasks = meili.index(uid).addDocumentsInBatches(docs, 10_000);
  for (const t of tasks) await t.waitTask({ timeout: 900_000 });
  return (performance.now() - started) / 1000;
}

/**
 * Our indexer end to end (generate, transform, build beside, swap) against the bare client
 * with documents already prepared, in the same run on the same Meilisearch.
 */
export async function benchIndexing(
  meili: Meilisearch,
  meiliPid: number,
  n: number,
  indexName: string,
): Promise<IndexingFigures> {
  // Meilisearch's first index pays one-off start-up costs; pay them before either side runs.
  await bareClient(meili, `${indexName}_warmup`, 1_000);
  await meili.deleteIndex(`${indexName}_warmup`).waitTask();
  const bareUid = `${indexName}_bare`;
  const bareSeconds = await bareClient(meili, bareUid, n);
  await meili.deleteIndex(bareUid).waitTask();
  const ours = await indexSynthetic(meili, indexName, n, () => {});
  return {
    documents: ours.documents,
    bareSeconds,
    oursSeconds: ours.seconds,
    ratio: ours.seconds / bareSeconds,
    oursDocsPerSecond: ours.documents / ours.seconds,
    nodePeakRssMiB: process.resourceUsage().maxRSS / 1024,
    meiliPeakRssMiB: peakRssMiB(meiliPid),
  };
}
