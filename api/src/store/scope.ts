import type { Queryable } from '@norishiro/indexer';
import type { Actor } from '../auth/actor.ts';

/**
 * The one door to non-public data. Repositories take a Scope, never the raw Db, and filter
 * every row by `municipalities`: an empty scope sees nothing (deny by default). Admins manage
 * municipalities and accounts, not participant data, so their scope over cases is empty.
 */
export interface Scope {
  readonly actor: Actor;
  readonly db: Queryable;
  /** Municipalities whose non-public rows this actor may see. */
  readonly municipalities: readonly string[];
}

export function scoped(db: Queryable, actor: Actor): Scope {
  const municipalities = actor.role === 'admin' ? [] : [...new Set(actor.municipalities)];
  return { actor, db, municipalities };
}

/** The same scope inside a transaction: pass the transaction, never the outer db. */
export const within = (scope: Scope, tx: Queryable): Scope => ({ ...scope, db: tx });

export const inScope = (scope: Scope, municipality: string) => scope.municipalities.includes(municipality);
