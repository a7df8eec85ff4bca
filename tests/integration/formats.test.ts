import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import {
  asInventories,
  exportHsds,
  importHsds,
  importOpenDataCsv,
  inventoryBatch,
  listMunicipalities,
  listResources,
  masterKeyFor,
  parseMapping,
  runImport,
  type Db,
} from '@norishiro/indexer';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { databaseKinds, freshDb, testMeili, uniqueIndex } from '../support/services.ts';

const FIXTURES = new URL('../fixtures/opendata/', import.meta.url).pathname;
const mapping = parseMapping({
  rules: [{ match: { field: '名称', includes: '公民館' }, categories: ['salon'], targets: ['anyone'], stages: [2] }],
  default: { categories: ['consultation'], targets: ['anyone'], stages: [1] },
});
const inventories = inventoryBatch();
const fixtures = [
  ['facility-legacy-atami.utf8.csv', 'utf-8'],
  ['facility-v2-izu.utf8bom.csv', 'utf-8-bom'],
  ['care-atami.sjis.csv', 'shift_jis'],
  ['facility-legacy-izu.utf16le.csv', 'utf-16le'],
  ['facility-v2-atami.utf16le-nobom.csv', 'utf-16le'],
] as const;

describe.each(databaseKinds())('standard formats into %s and Meilisearch', (kind) => {
  let db: Db;
  let meili: Meilisearch;
  let indexName: string;
  beforeAll(async () => {
    db = await freshDb(kind);
    meili = testMeili();
    indexName = uniqueIndex(`fmt_${kind}`);
    await runImport({ db, meili, indexName }, inventories);
  });
  afterAll(async () => {
    await meili.deleteIndexIfExists(indexName);
    await db.close();
  });

  it.each(fixtures)('imports %s (%s), rejecting bad rows by line while importing the rest', async (file, encoding) => {
    const result = importOpenDataCsv(readFileSync(join(FIXTURES, file)), {
      fileName: file,
      municipalities: inventories.municipalities,
      mapping,
    });
    expect(result.encoding).toBe(encoding);
    expect(result.resources.length).toBeGreaterThan(0);
    expect(result.rejected.length).toBeGreaterThan(0);
    for (const r of result.rejected) {
      expect(r.line).toBeGreaterThan(1);
      expect(r.reason).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
    const summary = await runImport(
      { db, meili, indexName },
      {
        origin: `csv:${file}`,
        municipalities: inventories.municipalities,
        resources: result.resources,
      },
    );
    expect(summary.added).toBe(result.resources.length);
    for (const r of result.resources) {
      const doc = await meili.index(indexName).getDocument(r.id);
      expect(doc.name).toBe(r.name.normalize('NFKC'));
    }
  });

  it('exports HSDS 3 and imports it back without losing anything the model holds', async () => {
    const directory = asInventories(await listMunicipalities(db), await listResources(db));
    const dataset = exportHsds(directory, { baseUrl: 'https://norishiro.example' });
    expect(dataset.service.length).toBe(directory.flatMap((i) => i.resources).length);
    const back = importHsds(JSON.parse(JSON.stringify(dataset)), {
      municipalities: inventories.municipalities,
      fileName: 'tabular.json',
      today: '2026-11-24',
    });
    expect(back.issues).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(back.inventories).toEqual(directory);
  });
});

it('keeps the embedded Meilisearch master key readable by its owner only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'key-'));
  const key = masterKeyFor(dir);
  expect(key.length).toBeGreaterThanOrEqual(16);
  expect(statSync(join(dir, 'meili-master-key')).mode & 0o777).toBe(0o600);
  expect(masterKeyFor(dir)).toBe(key);
});
