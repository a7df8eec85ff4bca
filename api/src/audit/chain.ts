import { createHash } from 'node:crypto';

/** One audit row as hashed: who did what to which object, never the data itself. */
export interface AuditEntry {
  at: string;
  actorId: string | null;
  actorRole: string | null;
  municipality: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  client: string | null;
  outcome: 'ok' | 'denied' | 'failed';
}

export const GENESIS = '0'.repeat(64);

/** Fixed field order, so the digest does not depend on how a driver orders columns. */
export function digest(prevHash: string, e: AuditEntry): string {
  const fields = [
    e.at,
    e.actorId,
    e.actorRole,
    e.municipality,
    e.action,
    e.objectType,
    e.objectId,
    e.client,
    e.outcome,
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(fields)).digest('hex');
}

export interface ChainRow extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The first row whose link or content does not match, or undefined when the chain holds. */
export function firstBrokenRow(rows: Iterable<ChainRow>): { seq: number; reason: string } | undefined {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (const row of rows) {
    if (row.seq !== expectedSeq) return { seq: row.seq, reason: `行 ${expectedSeq} が抜けています` };
    if (row.prevHash !== prev) return { seq: row.seq, reason: '前の行のハッシュと一致しません' };
    if (digest(prev, row) !== row.hash) return { seq: row.seq, reason: '行の内容がハッシュと一致しません' };
    prev = row.hash;
    expectedSeq++;
  }
  return undefined;
}
