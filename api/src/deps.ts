import { randomBytes } from 'node:crypto';
import type { Meilisearch } from 'meilisearch';
import type { Municipality } from '@norishiro/data';
import { listMunicipalities, type Config, type Db } from '@norishiro/indexer';
import { createAuth, type Auth, type OidcConfig } from './auth/auth.ts';
import { SessionCache } from './auth/session.ts';
import { cipherFrom, type FieldCipher } from './crypto/fields.ts';
import type { RateRule } from './security/rate-limit.ts';
import type { Logger } from './log.ts';

/** Per-client limits by kind of request; off unless the caller configures them. */
export interface RateLimits {
  page: RateRule;
  read: RateRule;
  match: RateRule;
  write: RateRule;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  page: { name: 'page', windowSeconds: 60, max: 1200 },
  read: { name: 'read', windowSeconds: 60, max: 600 },
  match: { name: 'match', windowSeconds: 60, max: 60 },
  write: { name: 'write', windowSeconds: 60, max: 30 },
};

/** What the app needs from the outside world, injected so tests use real but local services. */
export interface AppDeps {
  db: Db;
  meili: Meilisearch;
  indexName: string;
  /** Token a local CLI presents to hand indexing work to this process. */
  adminToken?: string;
  municipalities: () => Promise<Municipality[]>;
  /** Forget cached reference data after an import (any instance's: see store/changes.ts). */
  invalidate?: () => void;
  auth: Auth;
  /** The public origin; state-changing browser requests must come from it. */
  origin: string;
  oidc?: OidcConfig;
  rateLimits?: RateLimits;
  sessions: SessionCache;
  /** Structured log; errors only ever carry method, path and the error, never a body. */
  log?: Logger;
  /** Seals participants' free text; its key never enters the database. */
  cipher: FieldCipher;
  /** The service's environment settings, for admin commands handed over by the CLI. */
  config?: Config;
}

export interface DepsInput {
  config?: Config;
  log?: Logger;
  /** 32 bytes; a process-local key when absent (tests). */
  dataKey?: Buffer;
  db: Db;
  meili: Meilisearch;
  indexName: string;
  adminToken?: string;
  origin?: string;
  authSecret?: string;
  oidc?: OidcConfig;
  rateLimits?: RateLimits;
  signInLimit?: { window: number; max: number };
}

/** Municipalities change only on import, so they are read once and cached until then. */
export function createDeps(input: DepsInput): AppDeps {
  let cached: Promise<Municipality[]> | undefined;
  const origin = input.origin ?? 'http://localhost:3000';
  return {
    db: input.db,
    meili: input.meili,
    indexName: input.indexName,
    adminToken: input.adminToken,
    origin,
    oidc: input.oidc,
    rateLimits: input.rateLimits,
    config: input.config,
    log: input.log,
    sessions: new SessionCache(),
    cipher: cipherFrom(input.dataKey ?? randomBytes(32)),
    auth: createAuth(input.db, {
      origin,
      // A process-local secret only invalidates sessions on restart; main.ts passes a kept one.
      secret: input.authSecret ?? randomBytes(32).toString('hex'),
      oidc: input.oidc,
      signInLimit: input.signInLimit,
    }),
    municipalities: () =>
      (cached ??= listMunicipalities(input.db).catch((e) => ((cached = undefined), Promise.reject(e)))),
    invalidate: () => (cached = undefined),
  };
}
