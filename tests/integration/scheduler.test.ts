import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue, type Job } from '@norishiro/api';
import type { Db } from '@norishiro/indexer';
import { databaseKinds, freshDb } from '../support/services.ts';

describe.each(databaseKinds())('periodic jobs on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await freshDb(kind);
  });
  afterAll(() => db.close());

  it('of several instances asking at once, exactly one runs a due job, once per period', async () => {
    const job: Job = { name: `count-${kind}`, everySeconds: 3600, run: async () => {} };
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((instance) => claimDue(db, job, instance)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimDue(db, job, 'a')).toBe(false);
  });
});
