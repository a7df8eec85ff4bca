import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { meiliClient, migrate, openPglite, openPostgres, type Db } from '@norishiro/indexer';

export type DbKind = 'pglite' | 'postgres';

/** Every database the run can reach: PGlite always, a real server when one was started. */
export const databaseKinds = (): DbKind[] => (inject('postgresUrl') ? ['pglite', 'postgres'] : ['pglite']);

const suffix = () => randomBytes(4).toString('hex');

/** A migrated, empty database of the given kind, private to the caller. */
export async function freshDb(kind: DbKind): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const server = inject('postgresUrl')!;
  const name = `t_${suffix()}`;
  const admin = await openPostgres(server);
  await admin.exec(`create database ${name}`);
  await admin.close();
  const db = await openPostgres(server.replace(/\/postgres$/, `/${name}`));
  await migrate(db);
  return db;
}

export const testMeili = () => meiliClient(inject('meiliUrl'), inject('meiliKey'));

/** Each test file gets its own index names so files never see each other's data. */
export const uniqueIndex = (prefix: string) => `${prefix}_${suffix()}`;
