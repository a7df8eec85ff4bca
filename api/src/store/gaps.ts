import { createHash, randomBytes } from 'node:crypto';
import { suppressSmall, type Gap, type GapStatus, type NewGap } from '@norishiro/data';
import type { Scope } from './scope.ts';

/** The month a record counts in, in Japan. */
export const periodOf = (d = new Date()) => new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 7);

const keyOf = (g: NewGap) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        g.district ?? null,
        g.stage ?? null,
        g.situations,
        g.categories,
        g.timeBands,
        g.interests,
        g.failedFactor ?? null,
        g.description ?? null,
      ]),
    )
    .digest('hex');

/** Records a need; the same need in the same month adds one to its count. */
export async function recordGap(scope: Scope, g: NewGap): Promise<{ id: string; count: number }> {
  const [row] = await scope.db.query<{ id: string; count: number }>(
    `insert into gaps (id, municipality, period, key, district, stage, situations, categories, time_bands, interests, failed_factor, description, source)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (municipality, period, key) do update set count = gaps.count + 1, updated_at = now()
     returning id, count`,
    [
      randomBytes(9).toString('base64url'),
      g.municipality,
      periodOf(),
      keyOf(g),
      g.district ?? null,
      g.stage ?? null,
      g.situations,
      g.categories,
      g.timeBands,
      g.interests,
      g.failedFactor ?? null,
      g.description ?? null,
      g.source,
    ],
  );
  return { id: row!.id, count: Number(row!.count) };
}

export interface GapFilter {
  municipality?: string;
  district?: string;
  category?: string;
  situation?: string;
  stage?: number;
  status?: GapStatus;
  from?: string;
  to?: string;
}

interface GapRow {
  id: string;
  municipality: string;
  period: string;
  district: string | null;
  stage: number | null;
  situations: string[];
  categories: string[];
  time_bands: string[];
  interests: string[];
  failed_factor: string | null;
  description: string | null;
  count: number;
  status: GapStatus;
  owner: string | null;
  due: Date | string | null;
  resolved_by: string | null;
  reason: string | null;
  updated_at: Date | string;
  comments: { at: string; by: string | null; text: string }[] | null;
}

const day = (d: Date | string | null) =>
  d === null
    ? null
    : typeof d === 'string'
      ? d.slice(0, 10)
      : new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export function where(scope: Scope, f: GapFilter, params: unknown[]): string {
  params.push(
    f.municipality ? [f.municipality].filter((m) => scope.municipalities.includes(m)) : [...scope.municipalities],
  );
  const w = [`g.municipality = any($${params.length}::text[])`];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    w.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.district) add('g.district = ?', f.district);
  if (f.category) add('? = any(g.categories)', f.category);
  if (f.situation) add('? = any(g.situations)', f.situation);
  if (f.stage) add('g.stage = ?', f.stage);
  if (f.status) add('g.status = ?', f.status);
  if (f.from) add('g.period >= ?', f.from.slice(0, 7));
  if (f.to) add('g.period <= ?', f.to.slice(0, 7));
  return w.join(' and ');
}

const COMMENTS = `(select json_agg(json_build_object('at', e.at, 'by', e.actor_name, 'text', e.comment) order by e.id)
   from gap_events e where e.gap_id = g.id and e.comment is not null) as comments`;

/** The board's list, most recorded first (at most 1,000 needs). */
export async function listGaps(scope: Scope, f: GapFilter): Promise<Gap[]> {
  const params: unknown[] = [];
  const rows = await scope.db.query<GapRow>(
    `select g.*, ${COMMENTS} from gaps g where ${where(scope, f, params)}
     order by g.count desc, g.updated_at desc limit 1000`,
    params,
  );
  return rows.map(toGap);
}

/** One gap in scope; out of scope reads as absent. */
export async function getGap(scope: Scope, id: string): Promise<Gap | undefined> {
  const [row] = await scope.db.query<GapRow>(
    `select g.*, ${COMMENTS} from gaps g where g.id = $1 and g.municipality = any($2::text[])`,
    [id, [...scope.municipalities]],
  );
  return row && toGap(row);
}

/**
 * Records and resolutions per month for the twelve months up to `to` (in Japan), as true
 * counts: callers suppress small ones.
 */
export async function monthlyTrends(
  scope: Scope,
  municipality: string,
  to: string,
): Promise<{ month: string; recorded: number; resolved: number }[]> {
  const rows = await scope.db.query<{ month: string; recorded: string | number; resolved: string | number }>(
    `with months as (
       select to_char(m, 'YYYY-MM') as month
       from generate_series(date_trunc('month', $3::date) - interval '11 months', date_trunc('month', $3::date), interval '1 month') m),
     recorded as (
       select period as month, sum(count) as n from gaps
       where municipality = $1 and municipality = any($2::text[]) and period >= (select min(month) from months)
         and period <= (select max(month) from months)
       group by period),
     resolved as (
       select to_char((e.at at time zone 'UTC') + interval '9 hours', 'YYYY-MM') as month, count(*) as n
       from gaps g join gap_events e on e.gap_id = g.id
       where g.municipality = $1 and g.municipality = any($2::text[]) and g.status = 'resolved' and e.to_status = 'resolved'
       group by 1)
     select m.month, coalesce(r.n, 0) as recorded, coalesce(s.n, 0) as resolved
     from months m left join recorded r on r.month = m.month left join resolved s on s.month = m.month
     order by m.month`,
    [municipality, [...scope.municipalities], to],
  );
  return rows.map((r) => ({ month: r.month, recorded: Number(r.recorded), resolved: Number(r.resolved) }));
}

/**
 * Referrals sent and started per category of the resource, in the period. The referrals
 * table belongs to the referral loop; where an instance has none, there is nothing to report
 * (null), which is not the same as a period without referrals ([]).
 */
export async function referralOutcomesByCategory(
  scope: Scope,
  municipality: string,
  from: string,
  to: string,
): Promise<{ category: string; sent: number; started: number }[] | null> {
  const [exists] = await scope.db.query<{ t: string | null }>(`select to_regclass('referrals')::text as t`);
  if (!exists?.t) return null;
  const rows = await scope.db.query<{ category: string; sent: string | number; started: string | number }>(
    `select c.category,
       count(*) filter (where r.status <> 'draft') as sent,
       count(*) filter (where r.status in ('started', 'settled', 'ended')) as started
     from referrals r join resources res on res.id = r.resource_id,
       jsonb_array_elements_text(res.data->'categories') as c(category)
     where r.municipality = $1 and r.municipality = any($2::text[])
       and r.created_at >= $3::date and r.created_at < $4::date + 1
     group by c.category order by sent desc, c.category`,
    [municipality, [...scope.municipalities], from, to],
  );
  return rows.map((r) => ({ category: r.category, sent: Number(r.sent), started: Number(r.started) }));
}

/** Whether a resource id names a resource of this municipality (the one that closed a gap). */
export async function resourceOf(scope: Scope, id: string, municipality: string): Promise<boolean> {
  const rows = await scope.db.query('select 1 from resources where id = $1 and municipality = $2', [id, municipality]);
  return rows.length > 0;
}

export const toGap = (r: GapRow): Gap => ({
  id: r.id,
  municipality: r.municipality,
  period: r.period,
  district: r.district,
  stage: r.stage,
  situations: r.situations,
  categories: r.categories,
  timeBands: r.time_bands,
  interests: r.interests,
  failedFactor: r.failed_factor,
  description: r.description,
  count: suppressSmall(Number(r.count)),
  status: r.status,
  owner: r.owner,
  due: day(r.due),
  resolvedBy: r.resolved_by,
  reason: r.reason,
  comments: (r.comments ?? []).map((c) => ({ ...c, at: new Date(c.at).toISOString() })),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function lockGap(
  scope: Scope,
  id: string,
): Promise<{ status: GapStatus; municipality: string } | undefined> {
  const [row] = await scope.db.query<{ status: GapStatus; municipality: string }>(
    'select status, municipality from gaps where id = $1 and municipality = any($2::text[]) for update',
    [id, [...scope.municipalities]],
  );
  return row;
}

export async function updateGap(
  scope: Scope,
  id: string,
  set: { status?: GapStatus; owner?: string; due?: string; resolvedBy?: string; reason?: string },
) {
  await scope.db.query(
    `update gaps set status = coalesce($2, status), owner = coalesce($3, owner), due = coalesce($4::date, due),
       resolved_by = coalesce($5, resolved_by), reason = coalesce($6, reason), updated_at = now() where id = $1`,
    [id, set.status ?? null, set.owner ?? null, set.due ?? null, set.resolvedBy ?? null, set.reason ?? null],
  );
}

export async function gapEvent(
  scope: Scope,
  e: { gapId: string; kind: string; from?: string | null; to?: string | null; comment?: string },
) {
  await scope.db.query(
    `insert into gap_events (gap_id, actor_id, actor_name, kind, from_status, to_status, comment) values ($1, $2, $3, $4, $5, $6, $7)`,
    [e.gapId, scope.actor.userId, scope.actor.name, e.kind, e.from ?? null, e.to ?? null, e.comment ?? null],
  );
}
