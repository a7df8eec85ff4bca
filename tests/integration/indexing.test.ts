import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { toSearchDocument, type SearchDocument } from '@norishiro/data';
import {
  editResource,
  inventoryBatch,
  openConflicts,
  rebuildIndex,
  runImport,
  upsertDocument,
  type Db,
  type ImportBatch,
} from '@norishiro/indexer';
import { databaseKinds, freshDb, testMeili, uniqueIndex } from '../support/services.ts';

const inventories = inventoryBatch();

describe.each(databaseKinds())('indexing the five plans on %s', (kind) => {
  let db: Db;
  let meili: Meilisearch;
  let indexName: string;
  const deps = () => ({ db, meili, indexName });

  beforeAll(async () => {
    db = await freshDb(kind);
    meili = testMeili();
    indexName = uniqueIndex(`idx_${kind}`);
  });
  afterAll(async () => {
    await meili.deleteIndexIfExists(indexName);
    await db.close();
  });

  it('builds a fresh index holding every inventory entry', async () => {
    const summary = await runImport(deps(), inventories);
    expect(summary.added).toBe(inventories.resources.length);
    expect(summary.indexRebuilt).toBe(true);
    const stats = await meili.index(indexName).getStats();
    expect(stats.numberOfDocuments).toBe(inventories.resources.length);
    const municipalities = await meili.index(indexName).search('', { facets: ['municipality'], limit: 0 });
    expect(Object.keys(municipalities.facetDistribution!.municipality!).sort()).toEqual([
      '152056',
      '162051',
      '212105',
      '222054',
      '222224',
    ]);
  });

  it('changes nothing when run again, and says so', async () => {
    const again = await runImport(deps(), inventories);
    expect(again).toMatchObject({ added: 0, updated: 0, removed: 0, indexRebuilt: false, conflicts: [] });
    expect(again.unchanged).toBe(inventories.resources.length);
  });

  it('finds kanji names from hiragana and katakana queries', async () => {
    const names = async (q: string) =>
      (await meili.index<SearchDocument>(indexName).search(q, { limit: 50 })).hits.map((h) => h.name);
    expect((await names('いばしょ')).some((n) => n.includes('居場所'))).toBe(true);
    expect((await names('ともにこ')).some((n) => n.includes('トモニコ'))).toBe(true);
    expect((await names('ヒキコモリ')).some((n) => n.includes('ひきこもり'))).toBe(true);
    expect((await names('子供')).some((n) => n.includes('子ども') || n.includes('子育て'))).toBe(true);
  });

  it('keeps a staff edit on re-import and reports the conflict', async () => {
    const target = inventories.resources.find((r) => r.id === '222224-step-salon') ?? inventories.resources[0]!;
    await editResource(db, target.id, { description: '職員が確認した説明' }, 'staff:test');
    const changedPlan: ImportBatch = {
      ...inventories,
      resources: inventories.resources.map((r) =>
        r.id === target.id ? { ...r, description: '計画の改訂版の説明' } : r,
      ),
    };
    const summary = await runImport(deps(), changedPlan);
    expect(summary.conflicts).toEqual([
      { id: target.id, field: 'description', staff: '職員が確認した説明', incoming: '計画の改訂版の説明' },
    ]);
    const [row] = await db.query<{ data: { description: string } }>('select data from resources where id = $1', [
      target.id,
    ]);
    expect(row!.data.description).toBe('職員が確認した説明');
    expect(await openConflicts(db)).toHaveLength(1);
    const hit = await meili.index<SearchDocument>(indexName).getDocument(target.id);
    expect(hit.description).toBe('職員が確認した説明');
  });

  it('updates a single document for a single edit', async () => {
    const r = inventories.resources[1]!;
    const m = inventories.municipalities.find((x) => x.code === r.municipality)!;
    await upsertDocument(meili, indexName, { ...toSearchDocument(r, m), name: `${r.name}（改）` });
    expect((await meili.index<SearchDocument>(indexName).getDocument(r.id)).name).toBe(`${r.name}（改）`);
    expect((await meili.index(indexName).getStats()).numberOfDocuments).toBe(inventories.resources.length);
  });

  it('keeps the old index serving when a rebuild fails', async () => {
    const before = (await meili.index(indexName).getStats()).numberOfDocuments;
    const m = inventories.municipalities[0]!;
    const good = toSearchDocument(
      inventories.resources.find((r) => r.municipality === m.code)!,
      m,
    );
    const broken = { ...good, id: 'broken', _geo: { lat: 'not a latitude', lng: 0 } } as unknown as SearchDocument;
    await expect(rebuildIndex(meili, indexName, [good, broken])).rejects.toThrow(/failed/);
    expect((await meili.index(indexName).getStats()).numberOfDocuments).toBe(before);
    const serving = await meili.index(indexName).search('いばしょ', { limit: 1 });
    expect(serving.hits.length).toBe(1);
    const leftovers = (await meili.getIndexes({ limit: 1000 })).results.filter((i) =>
      i.uid.startsWith(`${indexName}_build_`),
    );
    expect(leftovers).toEqual([]);
  });

  it('removes entries that vanished from the plan', async () => {
    const fewer = { ...inventories, resources: inventories.resources.slice(1) };
    const summary = await runImport(deps(), fewer);
    expect(summary.removed).toBe(1);
    expect((await meili.index(indexName).getStats()).numberOfDocuments).toBe(inventories.resources.length - 1);
  });
});
