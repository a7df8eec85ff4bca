import { createApp, createDeps, type AppDeps } from '@norishiro/api';
import { inventoryBatch, runImport, type Db } from '@norishiro/indexer';
import { freshDb, testMeili, uniqueIndex, type DbKind } from './services.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  db: Db;
  close(): Promise<void>;
}

/** The real app over a fresh database and index loaded with the five plans. */
export async function appWithInventories(kind: DbKind, opts: { adminToken?: string } = {}): Promise<TestApp> {
  const db = await freshDb(kind);
  const meili = testMeili();
  const indexName = uniqueIndex(`api_${kind}`);
  await runImport({ db, meili, indexName }, inventoryBatch());
  const deps = createDeps({ db, meili, indexName, adminToken: opts.adminToken });
  return {
    app: createApp(deps),
    deps,
    db,
    close: async () => {
      await meili.deleteIndexIfExists(indexName);
      await db.close();
    },
  };
}

export const postJson = (app: TestApp['app'], path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
