import { createHash, randomBytes } from 'node:crypto';
import { suppressSmall, type Gap, type GapStatus, type NewGap, type Resource } from '@norishiro/data';
import { coverageCounts, reportSums, type RollupMonth } from '../gaps/rollup.ts';
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
       where municipality = $1 and $1 = any($2::text[]) and period >= (select min(month) from months)
         and period <= (select max(month) from months)
       group by period),
     resolved as (
       select to_char((at at time zone 'UTC') + interval '9 hours', 'YYYY-MM') as month, count(*) as n
       from gap_events
       where municipality = $1 and $1 = any($2::text[]) and to_status = 'resolved'
         and at >= (date_trunc('month', $3::date) - interval '11 months' - interval '9 hours')
       group by 1)
     select m.month, coalesce(r.n, 0) as recorded, coalesce(s.n, 0) as resolved
     from months m left join recorded r on r.month = m.month left join resolved s on s.month = m.month
     order by m.month`,
    [municipality, [...scope.municipalities], to],
  );
  return rows.map((r) => ({ month: r.month, recorded: Number(r.recorded), resolved: Number(r.resolved) }));
}

/** Whether a resource id names a resource of this municipality (the one that closed a gap). */
export async function resourceOf(scope: Scope, id: string, municipality: string): Promise<boolean> {
  const rows = await scope.db.query('select 1 from resources where id = $1 and municipality = $2', [id, municipality]);
  return rows.length > 0;
}

/** What coverage adds up: true counts per need (the 「3未満」 rule applies to the sums). */
export interface GapCounts {
  district: string | null;
  categories: string[];
  situations: string[];
  timeBands: string[];
  count: number;
}

/** What coverage reads of a resource, and what the map adds; the rest of `data` stays in the table. */
export type CoverageResource = Pick<Resource, 'status' | 'district' | 'categories' | 'targets' | 'schedule'>;
export type MapResource = CoverageResource & Pick<Resource, 'id' | 'name' | 'location'>;
const fields = (names: readonly string[]) =>
  `jsonb_build_object(${names.map((n) => `'${n}', r.data->'${n}'`).join(', ')})`;
const COVERAGE_FIELDS = fields(['status', 'district', 'categories', 'targets', 'schedule']);
const MAP_FIELDS = fields(['status', 'district', 'categories', 'targets', 'schedule', 'id', 'name', 'location']);

/** The parts of a need a coverage view adds up by. */
export type CountAxis = 'district' | 'categories' | 'situations' | 'time_bands';

const MONTH = (d: string | undefined) => d?.slice(0, 7) ?? null;

/**
 * Everything coverage needs in one round trip: the municipality's resources and its recorded
 * needs (not 見送り) from the kept monthly sums (gap_rollup), summed per need on the axes.
 * The map also reads each resource's name and place (`places`).
 */
async function coverageRows<R>(
  scope: Scope,
  municipality: string,
  axes: readonly CountAxis[],
  opts: { from?: string; to?: string; places: boolean },
): Promise<{ resources: R[]; gaps: GapCounts[] }> {
  const [row] = await scope.db.query<{ resources: R[] | null; months: RollupMonth[] | null }>(
    `select
       (select json_agg(${opts.places ? MAP_FIELDS : COVERAGE_FIELDS}) from resources r
        where r.municipality = $1 and not r.synthetic) as resources,
       (select json_agg(json_build_object('period', period, 'cells', cells)) from gap_rollup
        where municipality = $1 and $1 = any($2::text[])
          and ($3::text is null or period >= $3) and ($4::text is null or period <= $4)) as months`,
    [municipality, [...scope.municipalities], MONTH(opts.from), MONTH(opts.to)],
  );
  return { resources: row?.resources ?? [], gaps: coverageCounts(row?.months ?? [], axes) };
}

export const coverageInputs = (
  scope: Scope,
  municipality: string,
  axes: readonly CountAxis[],
  from?: string,
  to?: string,
) => coverageRows<CoverageResource>(scope, municipality, axes, { from, to, places: false });

export const mapInputs = (scope: Scope, municipality: string, from?: string, to?: string) =>
  coverageRows<MapResource>(scope, municipality, ['district'], { from, to, places: true });

type JsonGapRow = GapRow & { resolved_at?: string };

export interface ReportInputs {
  resources: CoverageResource[];
  /** Needs recorded in the period (not 見送り), summed per need. */
  counts: GapCounts[];
  records: number;
  needs: number;
  inCouncil: number;
  top: Gap[];
  /** Records per month from `since` to the end of the period. */
  recordedByMonth: { month: string; n: number }[];
  /** Gaps resolved since `since`, with when. */
  resolved: (Gap & { resolvedAt: string })[];
  changed: { id: string; name: string; kind: string; at: string }[];
  /** Referrals per category of the resource; null where the instance keeps no referrals. */
  referrals: { category: string; sent: number; started: number }[] | null;
}

/**
 * The 構築会議 report's data in one round trip. The period's gap figures come from the kept
 * monthly sums (gap_rollup, one row a month) rather than from every gap row; only the ten
 * most recorded needs are read whole. `since` (a day) is the earlier of the period's start
 * and the trend window's.
 */
export async function reportInputs(
  scope: Scope,
  municipality: string,
  period: { from: string; to: string; since: string },
): Promise<ReportInputs> {
  const [row] = await scope.db.query<{
    resources: CoverageResource[] | null;
    months: RollupMonth[] | null;
    top: JsonGapRow[] | null;
    resolved: JsonGapRow[] | null;
    changed: { id: string; name: string; kind: string; at: string }[] | null;
    referrals: { category: string; sent: number; started: number }[] | null;
  }>(
    `select
       (select json_agg(${COVERAGE_FIELDS}) from resources r where r.municipality = $1 and not r.synthetic) as resources,
       (select json_agg(json_build_object('period', period, 'cells', report_cells)) from gap_rollup
        where municipality = $1 and $1 = any($2::text[]) and period >= $5 and period <= $4) as months,
       (select json_agg(t order by t.count desc, t.updated_at desc, t.id) from (
          select g.*, ${COMMENTS} from gaps g
          where municipality = $1 and $1 = any($2::text[]) and period >= $3 and period <= $4 and status <> 'dropped'
          order by count desc, updated_at desc, id limit 10) t) as top,
       (select json_agg(x) from (
          select r.id, r.municipality, r.period, r.district, r.stage, r.situations, r.categories, r.time_bands,
            r.interests, r.failed_factor, r.description, r.count, r.status, r.owner, r.due, r.resolved_by, r.reason,
            r.updated_at, e.resolved_at, ${COMMENTS.replaceAll('g.id', 'r.id')}
          from (select gap_id, max(at) as resolved_at from gap_events
                where municipality = $1 and $1 = any($2::text[]) and to_status = 'resolved' and at >= $6::timestamptz
                group by gap_id) e
          join gaps r on r.id = e.gap_id and r.status = 'resolved') x) as resolved,
       (select json_agg(x) from (
          select h.resource_id as id, r.data->>'name' as name, h.kind, max(h.at) as at
          from resource_history h join resources r on r.id = h.resource_id
          where r.municipality = $1 and h.at >= $7::timestamptz and h.at < $8::timestamptz
          group by h.resource_id, r.data->>'name', h.kind order by max(h.at)) x) as changed,
       gap_referral_outcomes($1, $2::text[], $7::timestamptz, $8::timestamptz) as referrals`,
    [
      municipality,
      [...scope.municipalities],
      MONTH(period.from),
      MONTH(period.to),
      MONTH(period.since),
      `${period.since}T00:00:00+09:00`,
      `${period.from}T00:00:00+09:00`,
      `${nextDay(period.to)}T00:00:00+09:00`,
    ],
  );
  const sums = reportSums(row?.months ?? [], MONTH(period.from)!);
  return {
    resources: row?.resources ?? [],
    counts: sums.counts,
    records: sums.records,
    needs: sums.needs,
    inCouncil: sums.inCouncil,
    top: (row?.top ?? []).map(toGap),
    recordedByMonth: sums.recordedByMonth,
    resolved: (row?.resolved ?? []).map((r) => ({ ...toGap(r), resolvedAt: new Date(r.resolved_at!).toISOString() })),
    changed: row?.changed ?? [],
    referrals: row?.referrals ?? null,
  };
}

const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

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
  e: {
    gapId: string;
    municipality: string;
    kind: string;
    from?: string | null;
    to?: string | null;
    comment?: string;
  },
) {
  await scope.db.query(
    `insert into gap_events (gap_id, municipality, actor_id, actor_name, kind, from_status, to_status, comment)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      e.gapId,
      e.municipality,
      scope.actor.userId,
      scope.actor.name,
      e.kind,
      e.from ?? null,
      e.to ?? null,
      e.comment ?? null,
    ],
  );
}
