import { AUDIT_COLUMNS, toChainRow } from '../audit/log.ts';
import type { AuditRow } from '@norishiro/data';
import type { Scope } from './scope.ts';

export interface AuditFilter {
  person?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  limit: number;
}

/**
 * A municipality's log: rows about its data, and every row written by a person who works
 * for it (sign-ins carry no municipality). Newest first.
 */
export async function readAuditLog(scope: Scope, f: AuditFilter): Promise<AuditRow[]> {
  const params: unknown[] = [[...scope.municipalities]];
  const where = [
    `(a.municipality = any($1::text[]) or a.actor_id in (select user_id from user_municipalities where municipality = any($1::text[])))`,
  ];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('?', `$${params.length}`));
  };
  if (f.person) add(`a.actor_id in (select id from "user" where email ilike ? or name ilike ?)`, `%${f.person}%`);
  if (f.objectType) add('a.object_type = ?', f.objectType);
  if (f.objectId) add('a.object_id = ?', f.objectId);
  if (f.from) add('a.at >= ?', f.from);
  if (f.to) add('a.at < (?::date + 1)::text', f.to);
  params.push(f.limit);
  const columns = AUDIT_COLUMNS.split(', ')
    .map((col) => `a.${col}`)
    .join(', ');
  const rows = await scope.db.query<Parameters<typeof toChainRow>[0] & { actor_name: string | null }>(
    `select ${columns}, u.name || ' <' || u.email || '>' as actor_name
     from audit_log a left join "user" u on u.id = a.actor_id
     where ${where.join(' and ')} order by a.seq desc limit $${params.length}`,
    params,
  );
  return rows.map((r) => ({ ...toChainRow(r), actorName: r.actor_name }));
}
