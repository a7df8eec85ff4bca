import { randomBytes } from 'node:crypto';
import type { Consent, Followup, Referral, ReferralStatus, SharedProfile } from '@norishiro/data';
import { openOptional, sealOptional, type FieldCipher } from '../crypto/fields.ts';
import type { Scope } from './scope.ts';

interface ReferralRow {
  id: string;
  case_id: string | null;
  case_code: string | null;
  municipality: string;
  resource_id: string;
  resource_name: string;
  status: ReferralStatus;
  consent: Consent | null;
  consent_withdrawn: boolean;
  shared_sealed: string | null;
  visit_date: Date | string | null;
  coordinator_name: string | null;
  version: number;
  created_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const day = (d: Date | string | null) =>
  d === null
    ? null
    : typeof d === 'string'
      ? d.slice(0, 10)
      : iso(new Date(d.getTime() - d.getTimezoneOffset() * 60_000)).slice(0, 10);

/**
 * Coordinators and staff see their municipalities' referrals; a host sees only those sent
 * to the resources they operate, never drafts.
 */
function visibility(scope: Scope, params: unknown[]): string {
  if (scope.actor.role === 'host') {
    params.push([...scope.actor.resources]);
    return `r.resource_id = any($${params.length}::text[]) and r.status <> 'draft'`;
  }
  params.push([...scope.municipalities]);
  return `r.municipality = any($${params.length}::text[])`;
}

const SELECT = `
  select r.id, r.case_id, c.code as case_code, r.municipality, r.resource_id, res.data->>'name' as resource_name,
    r.status, r.consent, r.consent_withdrawn, r.shared_sealed, r.visit_date, u.name as coordinator_name, r.version, r.created_at
  from referrals r
  join resources res on res.id = r.resource_id
  left join cases c on c.id = r.case_id
  left join "user" u on u.id = r.coordinator_id`;

export async function insertReferral(
  scope: Scope,
  c: FieldCipher,
  input: {
    idempotencyKey?: string;
    caseId: string;
    member: number;
    municipality: string;
    resourceId: string;
    status: ReferralStatus;
    consent: Consent;
    shared: SharedProfile;
  },
): Promise<{ id: string; created: boolean }> {
  if (input.idempotencyKey) {
    const [existing] = await scope.db.query<{ id: string }>('select id from referrals where idempotency_key = $1', [
      input.idempotencyKey,
    ]);
    if (existing) return { id: existing.id, created: false };
  }
  const id = randomBytes(12).toString('base64url');
  await scope.db.query(
    `insert into referrals (id, idempotency_key, case_id, member_index, municipality, resource_id, status, consent, shared_sealed, coordinator_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      input.idempotencyKey ?? null,
      input.caseId,
      input.member,
      input.municipality,
      input.resourceId,
      input.status,
      JSON.stringify(input.consent),
      c.seal(JSON.stringify(input.shared)),
      scope.actor.userId,
    ],
  );
  return { id, created: true };
}

export async function listReferrals(
  scope: Scope,
  c: FieldCipher,
  filter: { caseId?: string } = {},
): Promise<Referral[]> {
  const params: unknown[] = [];
  const where = [visibility(scope, params)];
  if (filter.caseId) {
    params.push(filter.caseId);
    where.push(`r.case_id = $${params.length}`);
  }
  const rows = await scope.db.query<ReferralRow>(
    `${SELECT} where ${where.join(' and ')} order by r.updated_at desc limit 500`,
    params,
  );
  return rows.map((r) => toReferral(scope, c, r, [], []));
}

export async function findReferral(
  scope: Scope,
  c: FieldCipher,
  id: string,
  lock = false,
): Promise<Referral | undefined> {
  const params: unknown[] = [id];
  const [row] = await scope.db.query<ReferralRow>(
    `${SELECT} where r.id = $1 and ${visibility(scope, params)} ${lock ? 'for update of r' : ''}`,
    params,
  );
  if (!row) return undefined;
  const events = await scope.db.query<{
    at: Date | string;
    actor_name: string | null;
    kind: string;
    from_status: ReferralStatus | null;
    to_status: ReferralStatus | null;
    reason: Referral['events'][number]['reason'] | null;
    note_sealed: string | null;
  }>(
    'select at, actor_name, kind, from_status, to_status, reason, note_sealed from referral_events where referral_id = $1 order by id',
    [id],
  );
  const host = scope.actor.role === 'host';
  const followups = host ? [] : await followupsOf(scope, c, `f.referral_id = $1`, [id]);
  return toReferral(
    scope,
    c,
    row,
    events.map((e) => ({
      at: iso(e.at),
      actorName: e.actor_name,
      kind: e.kind,
      from: e.from_status,
      to: e.to_status,
      // A host reads the timeline's steps, not the coordinators' notes about the person.
      ...(e.reason ? { reason: e.reason } : {}),
      ...(!host && e.note_sealed ? { note: c.open(e.note_sealed) } : {}),
    })),
    followups,
  );
}

function toReferral(
  scope: Scope,
  c: FieldCipher,
  r: ReferralRow,
  events: Referral['events'],
  followups: Followup[],
): Referral {
  const host = scope.actor.role === 'host';
  const shared = r.consent_withdrawn || !r.shared_sealed ? {} : (JSON.parse(c.open(r.shared_sealed)) as SharedProfile);
  return {
    id: r.id,
    // A host learns which resource and what was consented, not which case it came from.
    caseId: host ? null : r.case_id,
    caseCode: host ? null : r.case_code,
    municipality: r.municipality,
    resourceId: r.resource_id,
    resourceName: r.resource_name,
    status: r.status,
    consent: host ? null : r.consent,
    consentWithdrawn: r.consent_withdrawn,
    shared,
    visitDate: day(r.visit_date),
    coordinatorName: r.coordinator_name,
    version: Number(r.version),
    createdAt: iso(r.created_at),
    events,
    followups,
  };
}

export async function recordEvent(
  scope: Scope,
  c: FieldCipher,
  e: {
    referralId: string;
    kind: string;
    from?: ReferralStatus | null;
    to?: ReferralStatus | null;
    reason?: string;
    note?: string;
  },
) {
  await scope.db.query(
    `insert into referral_events (referral_id, actor_id, actor_name, kind, from_status, to_status, reason, note_sealed)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.referralId,
      scope.actor.userId,
      scope.actor.name,
      e.kind,
      e.from ?? null,
      e.to ?? null,
      e.reason ?? null,
      sealOptional(c, e.note),
    ],
  );
}

/** Optimistic lock: the update applies only to the version the caller saw. */
export async function updateReferral(
  scope: Scope,
  id: string,
  version: number,
  set: { status?: ReferralStatus; visitDate?: string | null; consentWithdrawn?: boolean; sharedSealed?: string | null },
): Promise<boolean> {
  const rows = await scope.db.query(
    `update referrals set status = coalesce($3, status),
       visit_date = case when $4::boolean then $5::date else visit_date end,
       consent_withdrawn = coalesce($6, consent_withdrawn),
       shared_sealed = case when $7::boolean then $8 else shared_sealed end,
       version = version + 1, updated_at = now()
     where id = $1 and version = $2 returning id`,
    [
      id,
      version,
      set.status ?? null,
      set.visitDate !== undefined,
      set.visitDate ?? null,
      set.consentWithdrawn ?? null,
      set.sharedSealed !== undefined,
      set.sharedSealed ?? null,
    ],
  );
  return rows.length > 0;
}

export async function scheduleFollowups(
  scope: Scope,
  referralId: string,
  municipality: string,
  days: readonly number[],
) {
  for (const d of days)
    await scope.db.query(
      `insert into followups (referral_id, municipality, due_on) values ($1, $2, current_date + $3::int)`,
      [referralId, municipality, d],
    );
}

export async function addHostRequest(scope: Scope, referralId: string, municipality: string) {
  await scope.db.query(
    `insert into followups (referral_id, municipality, due_on, kind) values ($1, $2, current_date, 'host_request')`,
    [referralId, municipality],
  );
}

async function followupsOf(scope: Scope, c: FieldCipher, where: string, params: unknown[]): Promise<Followup[]> {
  const rows = await scope.db.query<{
    id: string | number;
    referral_id: string;
    due_on: Date | string;
    kind: Followup['kind'];
    done_at: Date | string | null;
    how_sealed: string | null;
    next_sealed: string | null;
    case_code: string | null;
    resource_name: string;
  }>(
    `select f.id, f.referral_id, f.due_on, f.kind, f.done_at, f.how_sealed, f.next_sealed, c.code as case_code, res.data->>'name' as resource_name
     from followups f join referrals r on r.id = f.referral_id join resources res on res.id = r.resource_id
     left join cases c on c.id = r.case_id
     where ${where} order by f.done_at is not null, f.due_on, f.id`,
    params,
  );
  return rows.map((f) => ({
    id: Number(f.id),
    referralId: f.referral_id,
    dueOn: day(f.due_on)!,
    kind: f.kind,
    doneAt: f.done_at ? iso(f.done_at) : null,
    ...(f.how_sealed ? { how: openOptional(c, f.how_sealed) } : {}),
    ...(f.next_sealed ? { next: openOptional(c, f.next_sealed) } : {}),
    ...(f.case_code ? { caseCode: f.case_code } : {}),
    resourceName: f.resource_name,
  }));
}

/** 今日の確認: open follow-ups due by today (overdue first), then the next week's. */
export async function dueFollowups(scope: Scope, c: FieldCipher): Promise<Followup[]> {
  return followupsOf(
    scope,
    c,
    `f.municipality = any($1::text[]) and f.done_at is null and f.due_on <= current_date + 7`,
    [[...scope.municipalities]],
  );
}

export async function completeFollowup(
  scope: Scope,
  c: FieldCipher,
  id: number,
  how: string,
  next?: string,
): Promise<string | undefined> {
  const [row] = await scope.db.query<{ referral_id: string }>(
    `update followups set done_at = now(), done_by = $3, how_sealed = $4, next_sealed = $5
     where id = $1 and municipality = any($2::text[]) and done_at is null returning referral_id`,
    [id, [...scope.municipalities], scope.actor.userId, c.seal(how), sealOptional(c, next)],
  );
  return row?.referral_id;
}

export interface OutcomeRow {
  resourceId: string;
  resourceName: string;
  sent: number;
  accepted: number;
  started: number;
  stillAt3Months: number;
}

/** Per resource: referrals sent, accepted, started, and still attending three months on. */
export async function outcomes(scope: Scope): Promise<OutcomeRow[]> {
  const rows = await scope.db.query<{
    resource_id: string;
    name: string;
    sent: string | number;
    accepted: string | number;
    started: string | number;
    kept: string | number;
  }>(
    `select r.resource_id, res.data->>'name' as name,
       count(*) filter (where r.status <> 'draft') as sent,
       count(*) filter (where r.status in ('host_confirmed','visit_scheduled','started','settled','ended')) as accepted,
       count(*) filter (where r.status in ('started','settled','ended')) as started,
       count(*) filter (where r.status = 'settled' and exists (
         select 1 from referral_events e where e.referral_id = r.id and e.to_status = 'started' and e.at <= now() - interval '90 days')) as kept
     from referrals r join resources res on res.id = r.resource_id
     where r.municipality = any($1::text[]) group by r.resource_id, res.data->>'name' order by sent desc`,
    [[...scope.municipalities]],
  );
  return rows.map((r) => ({
    resourceId: r.resource_id,
    resourceName: r.name,
    sent: Number(r.sent),
    accepted: Number(r.accepted),
    started: Number(r.started),
    stillAt3Months: Number(r.kept),
  }));
}
