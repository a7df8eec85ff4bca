import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import * as v from 'valibot';
import { ConfigError } from '@norishiro/indexer';
import type { OidcConfig } from './auth/auth.ts';

const text = v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)));

/** The staff side's settings, parsed once at the edge like the indexer's. */
export const ServiceConfigSchema = v.object({
  ORIGIN: v.optional(v.pipe(v.string(), v.url('ORIGIN must be a URL such as https://norishiro.example.jp'))),
  NORISHIRO_AUTH_SECRET: v.optional(
    v.pipe(v.string(), v.minLength(32, 'NORISHIRO_AUTH_SECRET must be at least 32 characters')),
  ),
  OIDC_ISSUER: v.optional(v.pipe(v.string(), v.url('OIDC_ISSUER must be a URL'))),
  OIDC_CLIENT_ID: text,
  OIDC_CLIENT_SECRET: text,
  OIDC_LABEL: v.optional(v.string(), '市の職員アカウントでログイン'),
  RATE_LIMIT: v.optional(v.picklist(['on', 'off'], 'RATE_LIMIT must be on or off'), 'on'),
  /** Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses). */
  TRUSTED_PROXIES: v.optional(
    v.pipe(
      v.string(),
      v.transform((s) =>
        s
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ),
  ),
});

export interface ServiceConfig {
  origin: string;
  authSecret: string;
  oidc?: OidcConfig;
  rateLimit: boolean;
  trustedProxies: string[];
}

/** A secret kept beside the data (0600), made on first start; several instances share it by env. */
function keptSecret(dataDir: string): string {
  const file = join(dataDir, 'auth.secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadServiceConfig(
  env: Record<string, string | undefined>,
  dataDir: string,
  port: number,
): ServiceConfig {
  const picked = Object.fromEntries(
    Object.keys(ServiceConfigSchema.entries).flatMap((k) => (env[k] ? [[k, env[k]]] : [])),
  );
  const parsed = v.safeParse(ServiceConfigSchema, picked);
  if (!parsed.success)
    throw new ConfigError(parsed.issues.map((i) => `${v.getDotPath(i) ?? '?'}: ${i.message}`).join('\n'));
  const c = parsed.output;
  const oidcParts = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean))
    throw new ConfigError('OpenID Connect needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  return {
    origin: (c.ORIGIN ?? `http://localhost:${port}`).replace(/\/$/, ''),
    authSecret: c.NORISHIRO_AUTH_SECRET ?? keptSecret(dataDir),
    oidc: c.OIDC_ISSUER
      ? { issuer: c.OIDC_ISSUER, clientId: c.OIDC_CLIENT_ID!, clientSecret: c.OIDC_CLIENT_SECRET!, label: c.OIDC_LABEL }
      : undefined,
    rateLimit: c.RATE_LIMIT === 'on',
    trustedProxies: c.TRUSTED_PROXIES ?? [],
  };
}
