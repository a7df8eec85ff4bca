// The API as its own process for the matching benchmark: the real app over the synthetic
// index, with the five plans' municipalities in an in-memory database.
import type { AddressInfo } from 'node:net';
import { createApp, createDeps, createHttpServer } from '@norishiro/api';
import { inventoryBatch, meiliClient, migrate, openPglite, upsertMunicipalities } from '@norishiro/indexer';

const [meiliUrl, meiliKey, indexName] = process.argv.slice(2) as [string, string, string];
const db = await openPglite();
await migrate(db);
await upsertMunicipalities(db, inventoryBatch().municipalities);
const deps = createDeps({ db, meili: meiliClient(meiliUrl, meiliKey), indexName });
const server = createHttpServer(createApp(deps), undefined);
server.listen(0, '127.0.0.1', () => console.log(`READY ${(server.address() as AddressInfo).port}`));
