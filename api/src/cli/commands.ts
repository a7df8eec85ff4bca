import type { AdminCommand } from './command.ts';

/** Every `pnpm admin` command, keyed by its words (`user add`, `audit verify`, …). */
export const commands: Record<string, AdminCommand> = {};
