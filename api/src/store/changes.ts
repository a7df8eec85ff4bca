import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import type { Db } from '@norishiro/indexer';

export const CHANGES_CHANNEL = 'norishiro_changes';

/**
 * Calls `onChange(what)` whenever any instance changes shared reference data (a trigger
 * sends NOTIFY). A server connection is held open for it; it reconnects if dropped.
 */
export async function listenForChanges(db: Db, onChange: (what: string) => void): Promise<() => Promise<void>> {
  if (db.kind === 'pglite') {
    const unlisten = await (db.native as PGlite).listen(CHANGES_CHANNEL, onChange);
    return unlisten;
  }
  const pool = db.native as Pool;
  let client: PoolClient | undefined;
  let stopped = false;
  const connect = async (): Promise<void> => {
    if (stopped) return;
    try {
      client = await pool.connect();
      client.on('notification', (n) => n.channel === CHANGES_CHANNEL && onChange(n.payload ?? ''));
      client.once('error', () => {
        client?.release(true);
        client = undefined;
        // Whatever changed while we were away is unknown: drop everything once reconnected.
        setTimeout(() => void connect().then(() => onChange('*')), 1000);
      });
      await client.query(`listen ${CHANGES_CHANNEL}`);
    } catch {
      setTimeout(() => void connect(), 1000);
    }
  };
  await connect();
  return async () => {
    stopped = true;
    client?.release(true);
  };
}
