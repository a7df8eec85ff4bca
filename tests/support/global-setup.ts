import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedMeili } from '@norishiro/indexer';
import { findPgBin, startThrowawayPostgres } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    /** The test Meilisearch's files, for tests that look for what must never be indexed. */
    meiliDataDir: string;
    postgresUrl: string | null;
  }
}

/** One real Meilisearch and one throwaway PostgreSQL server for the whole run. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'norishiro-test-'));
  const meili = await startEmbeddedMeili(dir);
  project.provide('meiliUrl', meili.url);
  project.provide('meiliKey', meili.masterKey);
  project.provide('meiliDataDir', join(dir, 'meili'));
  const bin = findPgBin();
  if (!bin && process.env.CI) throw new Error('PostgreSQL server binaries are missing: install the postgresql package');
  if (!bin) console.warn('PostgreSQL server binaries not found: tests run against PGlite only.');
  const pg = bin ? await startThrowawayPostgres(bin) : undefined;
  project.provide('postgresUrl', pg?.url ?? null);
  return async () => {
    pg?.stop();
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
