import * as v from 'valibot';

/** One row of the audit log as staff read it: who did what to which object, never the data. */
export const AuditRowSchema = v.object({
  seq: v.number(),
  at: v.string(),
  actorId: v.nullable(v.string()),
  actorRole: v.nullable(v.string()),
  actorName: v.nullable(v.string()),
  municipality: v.nullable(v.string()),
  action: v.string(),
  objectType: v.nullable(v.string()),
  objectId: v.nullable(v.string()),
  client: v.nullable(v.string()),
  outcome: v.picklist(['ok', 'denied', 'failed']),
  prevHash: v.string(),
  hash: v.string(),
});
export type AuditRow = v.InferOutput<typeof AuditRowSchema>;
