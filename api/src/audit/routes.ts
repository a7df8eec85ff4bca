import { Hono } from 'hono';
import * as v from 'valibot';
import type { Db } from '@norishiro/indexer';
import { requires, type AuthEnv } from '../auth/permissions.ts';
import { readAuditLog } from '../store/audit.ts';
import { scoped } from '../store/scope.ts';
import { parseInput } from '../validate.ts';
import { audit } from './log.ts';
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

/** Staff read and export their municipalities' log; reading it is itself logged. */
export function auditRoutes(deps: { db: Db }) {
  return new Hono<AuthEnv>().get('/', requires('audit:read'), async (c) => {
    const actor = c.get('actor')!;
    const q = parseInput(AuditQuerySchema, c.req.query(), '操作記録の条件');
    const rows = await readAuditLog(scoped(deps.db, actor), q);
    await deps.db.transaction((tx) =>
      audit(tx, actor, { action: q.format === 'csv' ? 'audit_export' : 'audit_read', objectType: 'audit_log' }),
    );
    if (q.format === 'csv')
      return c.body(auditCsv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="audit-log.csv"`,
      });
    return c.json(rows);
  });
}
