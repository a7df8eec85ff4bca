/**
 * Who is calling, resolved once per request from the session (Hono middleware puts it on
 * `c.var.actor`). Undefined means a resident with no account.
 */
import type { Role } from '@norishiro/data';

export { roleLabels, type Role } from '@norishiro/data';

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Municipality codes the person works for (several for a 広域 contractor). */
  municipalities: string[];
  /** For hosts: the resource ids they operate. */
  resources: string[];
  /** Client address as the trusted edge saw it, for the audit log. */
  ip: string;
}
