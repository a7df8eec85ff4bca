import type { Config, Db } from '@norishiro/indexer';
import type { Auth } from '../auth/auth.ts';

/** What an admin command may touch. The same command runs in the CLI or, when the service owns DATA_DIR, inside it. */
export interface AdminContext {
  db: Db;
  config: Config;
  /** For commands that write accounts through better-auth's password hashing. */
  auth: Auth;
  /** The service's public origin, for links the command prints. */
  origin: string;
  /** A line for the user (stdout). */
  out(line: string): void;
  /** Progress and warnings (stderr). */
  err(line: string): void;
  /** Everything piped on stdin ('' when it is a terminal). */
  stdin(): Promise<string>;
  /** Where the user ran the command: file arguments are relative to it. */
  cwd: string;
  /** Forgets what the service caches about municipalities, after a command changed them. */
  invalidate?: () => void;
  /** The command runs inside the service that owns DATA_DIR, not in its own process. */
  inService: boolean;
}

export interface AdminCommand {
  /** e.g. `user add --email E --name N --role ROLE --municipality CODE`. */
  usage: string;
  summary: string;
  /**
   * Replaces the database under the service, so it runs only from the CLI with the service
   * stopped; `ctx.db` is not opened for it (the command opens what it needs).
   */
  offline?: boolean;
  /** Returns the exit code; a user's mistake throws AdminUsageError with a plain sentence. */
  run(ctx: AdminContext, args: string[]): Promise<number>;
}

export class AdminUsageError extends Error {}
