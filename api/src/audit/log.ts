import type { Queryable } from '@norishiro/indexer';
import type { Actor } from '../auth/actor.ts';
import { digest, GENESIS, type AuditEntry, type ChainRow } from './chain.ts';

/** Serialises appends across connections and instances, or the hash chain forks. */
const AUDIT_LOCK = 7_243_001;

export interface AuditEvent {
  action: string;
  objectType?: string;
  objectId?: string;
  municipality?: string;
  outcome?: AuditEntry['outcome'];
}

/**
 * Appends one row. Call it with the transaction that makes the change, so the change and
 * its record commit together; the advisory lock is released at commit.
 */
export async function audit(
  tx: Queryable,
  who: { userId: string | null; role: Actor['role'] | null; ip: string | null },
  event: AuditEvent,
): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const [last] = await tx.query<{ seq: string | number; hash: string }>(
    'select seq, hash from audit_log order by seq desc limit 1',
  );
  const entry: AuditEntry = {
    at: new Date().toISOString(),
    actorId: who.userId,
    actorRole: who.role,
    municipality: event.municipality ?? null,
    action: event.action,
    objectType: event.objectType ?? null,
    objectId: event.objectId ?? null,
    client: who.ip,
    outcome: event.outcome ?? 'ok',
  };
  const prevHash = last?.hash ?? GENESIS;
  await tx.query(
    `insert into audit_log (seq, at, actor_id, actor_role, municipality, action, object_type, object_id, client, outcome, prev_hash, hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      Number(last?.seq ?? 0) + 1,
      entry.at,
      entry.actorId,
      entry.actorRole,
      entry.municipality,
      entry.action,
      entry.objectType,
      entry.objectId,
      entry.client,
      entry.outcome,
      prevHash,
      digest(prevHash, entry),
    ],
  );
}

interface AuditRecord {
  seq: string | number;
  at: string;
  actor_id: string | null;
  actor_role: string | null;
  municipality: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  client: string | null;
  outcome: AuditEntry['outcome'];
  prev_hash: string;
  hash: string;
}

/** `at` is stored as the exact text that was hashed; int8 comes back as a string from pg. */
export const toChainRow = (r: AuditRecord): ChainRow => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  actorRole: r.actor_role,
  municipality: r.municipality,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  client: r.client,
  outcome: r.outcome,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const AUDIT_COLUMNS =
  'seq, at, actor_id, actor_role, municipality, action, object_type, object_id, client, outcome, prev_hash, hash';

export async function readChain(db: Queryable): Promise<ChainRow[]> {
  return (await db.query<AuditRecord>(`select ${AUDIT_COLUMNS} from audit_log order by seq`)).map(toChainRow);
}
