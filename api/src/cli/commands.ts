import type { AdminCommand } from './command.ts';
import { auditVerify } from './commands/audit.ts';
import { backup, restore } from './commands/backup.ts';
import { municipalityAdd } from './commands/municipality.ts';
import { retention } from './commands/retention.ts';
import { userAdd, userDisable, userList } from './commands/user.ts';

/** Every `pnpm admin` command, keyed by its words (`user add`, `audit verify`, …). */
export const commands: Record<string, AdminCommand> = {
  'user add': userAdd,
  'user list': userList,
  'user disable': userDisable,
  'audit verify': auditVerify,
  retention,
  'municipality add': municipalityAdd,
  backup,
  restore,
};
