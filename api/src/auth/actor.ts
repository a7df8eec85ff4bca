/**
 * Who is calling, resolved once per request from the session (Hono middleware puts it on
 * `c.var.actor`). Undefined means a resident with no account.
 */
export type Role = 'coordinator' | 'host' | 'staff' | 'admin';

export const roleLabels: Record<Role, { ja: string; en: string }> = {
  coordinator: { ja: '参加支援・相談支援の担当者', en: 'Coordinator' },
  host: { ja: '受け入れ先・資源の運営者', en: 'Host' },
  staff: { ja: '市の担当課・事務局', en: 'Municipal staff' },
  admin: { ja: 'システム管理者', en: 'Administrator' },
};

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
