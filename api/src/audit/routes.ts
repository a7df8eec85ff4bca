import { Hono } from 'hono';
import * as v from 'valibot';
import type { Db } from '@norishiro/indexer';
import { requires, type AuthEnv } from '../auth/permissions.ts';
import { parseInput } from '../validate.ts';
import { AUDIT_COLUMNS, audit, toChainRow } from './log.ts';
import { auditCsv } from './csv.ts';

const date = v.optional(v.pipe(v.string(), v.isoDate('日付は YYYY-MM-DD で指定してください')));
export const AuditQuerySchema = v.object({
  person: v.optional(v.pipe(v.string(), v.maxLength(200))),
  objectType: v.optional(v.pipe(v.string(), v.maxLength(50))),
  objectId: v.optional(v.pipe(v.string(), v.maxLength(200))),
  from: date,
  to: date,
  format: v.optional(v.picklist(['json', 'csv']), 'json'),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/), v.transform(Number), v.maxValue(10_000)), '500'),
});

/**
 * Staff read their municipalities' log: rows about those municipalities, and every row
 * written by a person who works for them (sign-ins carry no municipality).
 */
export function auditRoutes(deps: { db: Db }) {
  return new Hono<AuthEnv>().get('/', requires('audit:read'), async (c) => {
    const actor = c.get('actor')!;
    const q = parseInput(AuditQuerySchema, c.req.query(), '操作記録の条件');
    const params: unknown[] = [actor.municipalities];
    const where = [
      `(a.municipality = any($1::text[]) or a.actor_id in (select user_id from user_municipalities where municipality = any($1::text[])))`,
    ];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (q.person) add(`a.actor_id in (select id from "user" where email ilike ? or name ilike ?)`, `%${q.person}%`);
    if (q.objectType) add('a.object_type = ?', q.objectType);
    if (q.objectId) add('a.object_id = ?', q.objectId);
    if (q.from) add('a.at >= ?', q.from);
    if (q.to) add('a.at < (?::date + 1)::text', q.to);
    params.push(q.limit);
    const rows = (
      await deps.db.query<Parameters<typeof toChainRow>[0]>(
        `select ${AUDIT_COLUMNS.split(', ')
          .map((col) => `a.${col}`)
          .join(', ')} from audit_log a
         where ${where.join(' and ')} order by a.seq desc limit $${params.length}`,
        params,
      )
    ).map(toChainRow);
    const people = await deps.db.query<{ id: string; name: string; email: string }>(
      'select id, name, email from "user" where id = any($1::text[])',
      [[...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))]],
    );
    const names = new Map(people.map((p) => [p.id, `${p.name} <${p.email}>`]));
    await deps.db.transaction((tx) =>
      audit(tx, actor, { action: q.format === 'csv' ? 'audit_export' : 'audit_read', objectType: 'audit_log' }),
    );
    if (q.format === 'csv')
      return c.body(auditCsv(rows, names), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log.csv"`,
      });
    return c.json(rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null })));
  });
}
