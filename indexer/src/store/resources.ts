import type { Municipality, Resource } from '@norishiro/data';
import type { Db, Queryable } from '../db/connect.ts';
import { canonical, mergeImport, type FieldConflict } from './merge.ts';

export interface ConflictReport extends FieldConflict {
  id: string;
}

export interface ImportSummary {
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  conflicts: ConflictReport[];
}

interface Row {
  id: string;
  data: Resource;
  imported: Resource;
  origin: string;
}

type Step =
  | { kind: 'add'; resource: Resource }
  | { kind: 'update'; id: string; next: Resource; incoming: Resource; conflicts: FieldConflict[] }
  | { kind: 'remove'; id: string; survivor?: string };

/** Works out what an import would change, without writing anything. */
async function planImport(db: Queryable, origin: string, incoming: readonly Resource[]) {
  const rows = await db.query<Row>(
    'select id, data, imported, origin from resources where origin = $1 or id = any($2)',
    [origin, incoming.map((r) => r.id)],
  );
  const existing = new Map(rows.map((r) => [r.id, r]));
  const steps: Step[] = [];
  let unchanged = 0;
  for (const resource of incoming) {
    const row = existing.get(resource.id);
    if (!row) {
      steps.push({ kind: 'add', resource });
      continue;
    }
    const merged = mergeImport(row.data, row.imported, resource);
    if (merged.changed)
      steps.push({
        kind: 'update',
        id: resource.id,
        next: merged.next,
        incoming: resource,
        conflicts: merged.conflicts,
      });
    else unchanged++;
  }
  const incomingIds = new Set(incoming.map((r) => r.id));
  const absorbedBy = new Map(incoming.flatMap((r) => (r.formerIds ?? []).map((old) => [old, r.id] as const)));
  // Removals come after every add and update, so a survivor always exists when its merged ids go.
  for (const row of rows)
    if (row.origin === origin && !incomingIds.has(row.id))
      steps.push({ kind: 'remove', id: row.id, survivor: absorbedBy.get(row.id) });
  return { steps, unchanged };
}

export async function upsertMunicipalities(db: Queryable, municipalities: readonly Municipality[]): Promise<void> {
  for (const m of municipalities) {
    await db.query(
      `insert into municipalities(code, data) values ($1, $2)
       on conflict (code) do update set data = excluded.data, updated_at = now()
       where municipalities.data is distinct from excluded.data`,
      [m.code, m],
    );
  }
}

/**
 * Upserts one origin's resources keyed by stable id. Staff edits survive (see
 * mergeImport); resources that vanished from the origin are removed.
 */
export async function importResources(
  db: Db,
  input: { origin: string; resources: readonly Resource[]; actor: string; dryRun?: boolean },
): Promise<ImportSummary> {
  const { steps, unchanged } = await planImport(db, input.origin, input.resources);
  const count = (k: Step['kind']) => steps.filter((s) => s.kind === k).length;
  const conflicts = steps.flatMap((s) => (s.kind === 'update' ? s.conflicts.map((c) => ({ id: s.id, ...c })) : []));
  const summary = { added: count('add'), updated: count('update'), removed: count('remove'), unchanged, conflicts };
  if (input.dryRun || steps.length === 0) return summary;
  await db.transaction(async (tx) => {
    for (const step of steps) await applyStep(tx, step, input.origin, input.actor);
  });
  return summary;
}

async function applyStep(tx: Queryable, step: Step, origin: string, actor: string) {
  const event = (id: string, action: string, fields: string[] = []) =>
    tx.query('insert into resource_events(resource_id, action, actor, fields) values ($1, $2, $3, $4)', [
      id,
      action,
      actor,
      fields,
    ]);
  switch (step.kind) {
    case 'add':
      await tx.query(
        `insert into resources(id, municipality, data, imported, origin, synthetic) values ($1, $2, $3, $3, $4, $5)`,
        [step.resource.id, step.resource.municipality, step.resource, origin, step.resource.source.synthetic === true],
      );
      return event(step.resource.id, 'import.add');
    case 'update':
      await tx.query(
        `update resources set data = $2, imported = $3, origin = $4, imported_at = now(), updated_at = now() where id = $1`,
        [step.id, step.next, step.incoming, origin],
      );
      for (const c of step.conflicts) {
        await tx.query(
          `insert into import_conflicts(resource_id, field, staff_value, incoming_value) values ($1, $2, $3, $4)
           on conflict do nothing`,
          [step.id, c.field, JSON.stringify(c.staff ?? null), JSON.stringify(c.incoming ?? null)],
        );
      }
      return event(
        step.id,
        'import.update',
        step.conflicts.map((c) => c.field),
      );
    case 'remove':
      if (step.survivor) {
        await moveRecords(tx, step.id, step.survivor);
        await tx.query('delete from resources where id = $1', [step.id]);
        return event(step.id, 'import.merge', [step.survivor]);
      }
      if (await hasRecords(tx, step.id)) {
        // Referrals and hosts' accounts point at it: it ends, keeps its id, and leaves the plan's set.
        await tx.query(
          `update resources set data = jsonb_set(data, '{status}', '"ended"'), origin = $2, updated_at = now() where id = $1`,
          [step.id, `${origin}${REMOVED_SUFFIX}`],
        );
        return event(step.id, 'import.end');
      }
      await tx.query('delete from resources where id = $1', [step.id]);
      return event(step.id, 'import.remove');
  }
}

/** The origin of a resource its plan dropped but records still point at. */
export const REMOVED_SUFFIX = '#removed';

/** Records about a resource merged into another now belong to the survivor. */
async function moveRecords(tx: Queryable, from: string, to: string) {
  for (const table of ['referrals', 'resource_history', 'resource_suggestions'])
    await tx.query(`update ${table} set resource_id = $2 where resource_id = $1`, [from, to]);
  await tx.query(
    `insert into user_resources (user_id, resource_id)
     select user_id, $2 from user_resources where resource_id = $1 on conflict do nothing`,
    [from, to],
  );
  await tx.query('delete from user_resources where resource_id = $1', [from]);
}

/** Whether anything that must outlive a re-import points at the resource. */
async function hasRecords(tx: Queryable, id: string): Promise<boolean> {
  const [row] = await tx.query<{ n: number }>(
    `select (select count(*) from referrals where resource_id = $1)
          + (select count(*) from user_resources where resource_id = $1) as n`,
    [id],
  );
  return Number(row?.n ?? 0) > 0;
}

/** A staff edit: changes the served record only, so the next import can see it. */
export async function editResource(
  db: Db,
  id: string,
  patch: Partial<Resource>,
  actor: string,
): Promise<Resource | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ data: Resource }>('select data from resources where id = $1 for update', [id]);
    if (!row) return undefined;
    const next = { ...row.data, ...patch, id: row.data.id, municipality: row.data.municipality };
    await tx.query('update resources set data = $2, updated_at = now() where id = $1', [id, next]);
    await tx.query('insert into resource_events(resource_id, action, actor, fields) values ($1, $2, $3, $4)', [
      id,
      'edit',
      actor,
      Object.keys(patch),
    ]);
    return next;
  });
}

export async function getResource(db: Queryable, id: string): Promise<Resource | undefined> {
  const [row] = await db.query<{ data: Resource }>('select data from resources where id = $1', [id]);
  return row?.data;
}

/** The resource an id was merged into (listed in its formerIds), if any. */
export async function getMergedInto(db: Queryable, formerId: string): Promise<Resource | undefined> {
  const [row] = await db.query<{ data: Resource }>(
    `select data from resources where data->'formerIds' @> jsonb_build_array($1::text) order by id limit 1`,
    [formerId],
  );
  return row?.data;
}

export async function listResources(db: Queryable): Promise<Resource[]> {
  return (await db.query<{ data: Resource }>('select data from resources where not synthetic order by id')).map(
    (r) => r.data,
  );
}

export async function listMunicipalities(db: Queryable): Promise<Municipality[]> {
  return (await db.query<{ data: Municipality }>('select data from municipalities order by code')).map((r) => r.data);
}

export async function openConflicts(db: Queryable): Promise<ConflictReport[]> {
  const rows = await db.query<{ resource_id: string; field: string; staff_value: unknown; incoming_value: unknown }>(
    'select resource_id, field, staff_value, incoming_value from import_conflicts order by id',
  );
  return rows.map((r) => ({ id: r.resource_id, field: r.field, staff: r.staff_value, incoming: r.incoming_value }));
}

export { canonical };
