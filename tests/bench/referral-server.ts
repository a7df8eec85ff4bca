// The API as its own process for the referral benchmark, on the PostgreSQL server given,
// with the five plans imported and one case per simulated coordinator.
import type { AddressInfo } from 'node:net';
import { createAccount, createApp, createDeps, createHttpServer } from '@norishiro/api';
import { inventoryBatch, meiliClient, migrate, openPostgres, runImport } from '@norishiro/indexer';

const [dbUrl, meiliUrl, meiliKey, indexName] = process.argv.slice(2) as [string, string, string, string];
const db = await openPostgres(dbUrl);
await migrate(db);
const meili = meiliClient(meiliUrl, meiliKey);
await runImport({ db, meili, indexName }, inventoryBatch());
const origin = 'http://127.0.0.1';
const deps = createDeps({ db, meili, indexName, origin });
const app = createApp(deps);
await createAccount(db, deps.auth, {
  email: 'bench@example.test',
  name: 'bench',
  role: 'coordinator',
  municipalities: ['162051'],
  password: 'bench-password-1',
});
const signIn = await app.request('/api/auth/sign-in/email', {
  method: 'POST',
  headers: { 'content-type': 'application/json', origin },
  body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password-1' }),
});
const cookie = signIn.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const server = createHttpServer(app, undefined);
server.listen(0, '127.0.0.1', () =>
  console.log(`READY ${(server.address() as AddressInfo).port} ${Buffer.from(cookie).toString('base64')}`),
);
