import {
  DEFAULT_FOLLOWUP_DAYS,
  diffResource,
  type ConflictItem,
  type MunicipalitySettings,
  type MunicipalitySettingsPatch,
  type FieldChange,
  type HistoryEntry,
  type Resource,
  type SuggestionItem,
} from '@norishiro/data';
import type { Queryable } from '@norishiro/indexer';
import type { Scope } from './scope.ts';
import { DEFAULT_RETENTION_YEARS } from './retention.ts';

export interface EditableRow {
  resource: Resource;
  imported: Resource;
  /** The row's last change time, as the optimistic-locking version. */
  version: string;
}

/** Staff see their municipalities' resources; hosts only the resources they operate. */
function visibleTo(scope: Scope, resource: Resource): boolean {
  if (scope.actor.role === 'host') return scope.actor.resources.includes(resource.id);
  return scope.municipalities.includes(resource.municipality);
}

export async function loadEditable(scope: Scope, id: string, lock = false): Promise<EditableRow | undefined> {
  const [row] = await scope.db.query<{ data: Resource; imported: Resource; version: string }>(
    `select data, imported, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as version
     from resources where id = $1 and not synthetic ${lock ? 'for update' : ''}`,
    [id],
  );
  if (!row || !visibleTo(scope, row.data)) return undefined;
  return { resource: row.data, imported: row.imported, version: row.version };
}

export async function listEditable(scope: Scope): Promise<Resource[]> {
  const rows =
    scope.actor.role === 'host'
      ? await scope.db.query<{ data: Resource }>('select data from resources where id = any($1::text[]) order by id', [
          scope.actor.resources,
        ])
      : await scope.db.query<{ data: Resource }>(
          'select data from resources where municipality = any($1::text[]) and not synthetic order by id',
          [[...scope.municipalities]],
        );
  return rows.map((r) => r.data);
}

export async function writeResource(
  scope: Scope,
  next: Resource,
  kind: HistoryEntry['kind'],
  before: Record<string, unknown>,
): Promise<FieldChange[]> {
  const changes = diffResource(before, next as unknown as Record<string, unknown>);
  await scope.db.query('update resources set data = $2, updated_at = now() where id = $1', [next.id, next]);
  await recordHistory(scope, next.id, kind, changes);
  return changes;
}

export async function insertResource(scope: Scope, resource: Resource): Promise<void> {
  await scope.db.query(
    `insert into resources (id, municipality, data, imported, origin) values ($1, $2, $3, $3, 'staff')`,
    [resource.id, resource.municipality, resource],
  );
  await recordHistory(scope, resource.id, 'create', diffResource({}, resource as unknown as Record<string, unknown>));
}

export async function recordHistory(
  scope: Scope,
  resourceId: string,
  kind: HistoryEntry['kind'],
  changes: FieldChange[],
) {
  await scope.db.query(
    `insert into resource_history (resource_id, actor_id, actor_name, kind, changes) values ($1, $2, $3, $4, $5)`,
    [resourceId, scope.actor.userId, scope.actor.name, kind, JSON.stringify(changes)],
  );
}

export async function history(db: Queryable, resourceId: string): Promise<HistoryEntry[]> {
  const rows = await db.query<{
    id: string | number;
    at: Date | string;
    actor_name: string | null;
    kind: HistoryEntry['kind'];
    changes: FieldChange[];
  }>('select id, at, actor_name, kind, changes from resource_history where resource_id = $1 order by id desc', [
    resourceId,
  ]);
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorName: r.actor_name,
    kind: r.kind,
    changes: r.changes,
  }));
}

export async function addSuggestion(
  db: Queryable,
  s: {
    resourceId: string;
    municipality: string;
    kind: 'resident' | 'host';
    message?: string;
    patch?: unknown;
    by?: string;
  },
): Promise<number> {
  const [row] = await db.query<{ id: string | number }>(
    `insert into resource_suggestions (resource_id, municipality, kind, message, patch, submitted_by)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [
      s.resourceId,
      s.municipality,
      s.kind,
      s.message ?? null,
      s.patch === undefined ? null : JSON.stringify(s.patch),
      s.by ?? null,
    ],
  );
  return Number(row!.id);
}

export async function pendingSuggestions(scope: Scope): Promise<SuggestionItem[]> {
  const rows = await scope.db.query<{
    id: string | number;
    resource_id: string;
    name: string;
    kind: 'resident' | 'host';
    message: string | null;
    patch: Record<string, unknown> | null;
    data: Record<string, unknown>;
    created_at: Date | string;
  }>(
    `select s.id, s.resource_id, r.data->>'name' as name, s.kind, s.message, s.patch, r.data, s.created_at
     from resource_suggestions s join resources r on r.id = s.resource_id
     where s.status = 'pending' and s.municipality = any($1::text[]) order by s.created_at`,
    [[...scope.municipalities]],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    resourceId: r.resource_id,
    resourceName: r.name,
    kind: r.kind,
    message: r.message,
    patch: r.patch,
    ...(r.patch && { current: Object.fromEntries(Object.keys(r.patch).map((f) => [f, r.data[f] ?? null])) }),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function lockSuggestion(scope: Scope, id: number) {
  const [row] = await scope.db.query<{
    resource_id: string;
    municipality: string;
    kind: 'resident' | 'host';
    patch: Partial<Resource> | null;
  }>(
    `select resource_id, municipality, kind, patch from resource_suggestions
     where id = $1 and status = 'pending' and municipality = any($2::text[]) for update`,
    [id, [...scope.municipalities]],
  );
  return row;
}

export async function decideSuggestion(scope: Scope, id: number, status: 'accepted' | 'dismissed', reason?: string) {
  await scope.db.query(
    `update resource_suggestions set status = $2, decided_by = $3, decided_at = now(), reason = $4 where id = $1`,
    [id, status, scope.actor.userId, reason ?? null],
  );
}

export async function hostChangesPublishDirectly(db: Queryable, municipality: string): Promise<boolean> {
  return (await readSettings(db, municipality)).hostChangesPublishDirectly;
}

/** A municipality's settings with the defaults for what staff never chose. */
export async function readSettings(db: Queryable, municipality: string): Promise<MunicipalitySettings> {
  const [row] = await db.query<{ data: Partial<MunicipalitySettings> }>(
    'select data from municipality_settings where municipality = $1',
    [municipality],
  );
  return {
    hostChangesPublishDirectly: row?.data.hostChangesPublishDirectly === true,
    retentionYears: row?.data.retentionYears ?? DEFAULT_RETENTION_YEARS,
    followupDays: row?.data.followupDays?.length ? row.data.followupDays : [...DEFAULT_FOLLOWUP_DAYS],
  };
}

export async function saveSettings(db: Queryable, municipality: string, settings: MunicipalitySettingsPatch) {
  await db.query(
    `insert into municipality_settings (municipality, data) values ($1, $2)
     on conflict (municipality) do update set data = municipality_settings.data || excluded.data`,
    [municipality, JSON.stringify(settings)],
  );
}

export async function openConflicts(scope: Scope): Promise<ConflictItem[]> {
  const rows = await scope.db.query<{
    id: string | number;
    resource_id: string;
    name: string;
    field: string;
    staff_value: unknown;
    incoming_value: unknown;
    detected_at: Date | string;
  }>(
    `select c.id, c.resource_id, r.data->>'name' as name, c.field, c.staff_value, c.incoming_value, c.detected_at
     from import_conflicts c join resources r on r.id = c.resource_id
     where r.municipality = any($1::text[]) order by c.id`,
    [[...scope.municipalities]],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    resourceId: r.resource_id,
    resourceName: r.name,
    field: r.field,
    staff: r.staff_value,
    plan: r.incoming_value,
    detectedAt: new Date(r.detected_at).toISOString(),
  }));
}

export async function lockConflict(scope: Scope, id: number) {
  const [row] = await scope.db.query<{
    resource_id: string;
    municipality: string;
    field: string;
    incoming_value: unknown;
  }>(
    `select c.resource_id, r.municipality, c.field, c.incoming_value
     from import_conflicts c join resources r on r.id = c.resource_id
     where c.id = $1 and r.municipality = any($2::text[]) for update of c`,
    [id, [...scope.municipalities]],
  );
  return row;
}

/**
 * Resolving a conflict records that the plan's value was seen, so the next import of the
 * same plan does not raise it again.
 */
export async function settleConflict(scope: Scope, id: number, resourceId: string, field: string, planValue: unknown) {
  await scope.db.query(`update resources set imported = jsonb_set(imported, $2::text[], $3::jsonb) where id = $1`, [
    resourceId,
    [field],
    JSON.stringify(planValue ?? null),
  ]);
  await scope.db.query('delete from import_conflicts where id = $1', [id]);
}
