import type { Queryable } from '@norishiro/indexer';

export const DEFAULT_RETENTION_YEARS = 5;

/** Closed cases past their municipality's retention period (default 5 years). */
const EXPIRED = `
  select c.id, c.municipality from cases c
  left join municipality_settings s on s.municipality = c.municipality
  where c.status = 'closed' and c.anonymized_at is null
    and c.closed_at < now() - make_interval(years => coalesce((s.data->>'retentionYears')::int, ${DEFAULT_RETENTION_YEARS}))`;

export async function expiredCases(db: Queryable): Promise<{ id: string; municipality: string }[]> {
  return db.query<{ id: string; municipality: string }>(EXPIRED);
}

/**
 * Anonymizing keeps what statistics need (statuses, dates, resources, outcomes) and drops
 * everything about the person: members, notes, the case code and every sealed text.
 */
export async function anonymizeCase(db: Queryable, id: string): Promise<void> {
  await db.query(
    `update cases set members_sealed = null, contact_note_sealed = null, notes_sealed = null,
       code = 'anon-' || substr(md5(id), 1, 10), anonymized_at = now(), status = 'closed',
       closed_at = coalesce(closed_at, now()) where id = $1`,
    [id],
  );
  await db.query(`update referrals set shared_sealed = null, idempotency_key = null where case_id = $1`, [id]);
  await db.query(
    `update referral_events set note_sealed = null where referral_id in (select id from referrals where case_id = $1)`,
    [id],
  );
  await db.query(
    `update followups set how_sealed = null, next_sealed = null where referral_id in (select id from referrals where case_id = $1)`,
    [id],
  );
}
