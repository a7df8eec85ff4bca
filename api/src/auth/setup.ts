import type { Db } from '@norishiro/indexer';
import { countAccounts, issueToken } from '../store/accounts.ts';

export const SETUP_TTL_SECONDS = 60 * 60;

/**
 * With no account yet, the first start prints a one-time URL (valid 1 hour) where the
 * first admin signs up, the way Gitea and Grafana do. Each start makes a fresh one.
 */
export async function setupUrlIfNeeded(db: Db, origin: string): Promise<string | undefined> {
  if ((await countAccounts(db)) > 0) return undefined;
  const token = await issueToken(db, 'setup', SETUP_TTL_SECONDS);
  return `${origin}/setup?token=${token}`;
}
