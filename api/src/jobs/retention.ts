import type { Queryable } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import { anonymizeCase, expiredCases } from '../store/retention.ts';

const SYSTEM = { userId: null, role: null, ip: 'retention' } as const;

/** Anonymizes every closed case past its retention period; each one is in the audit log. */
export async function applyRetention(db: Queryable): Promise<number> {
  const expired = await expiredCases(db);
  for (const c of expired) {
    await anonymizeCase(db, c.id);
    await audit(db, SYSTEM, {
      action: 'case_anonymize',
      objectType: 'case',
      objectId: c.id,
      municipality: c.municipality,
    });
  }
  return expired.length;
}
