import { betterAuth } from 'better-auth';
import { genericOAuth, twoFactor } from 'better-auth/plugins';
import type { Db } from '@norishiro/indexer';
import { dialectFor } from './dialect.ts';

/** An OpenID Connect provider a municipality can switch on (Entra ID, Keycloak…). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button, e.g. 「市の職員アカウント」. */
  label: string;
}

export interface AuthConfig {
  /** The one public origin, e.g. https://norishiro.city.example.jp */
  origin: string;
  /** Secret for signing cookies; kept in DATA_DIR or given as NORISHIRO_AUTH_SECRET. */
  secret: string;
  oidc?: OidcConfig;
  /** Requests per window on sign-in routes, per client address. */
  signInLimit?: { window: number; max: number };
}

export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** The header the HTTP edge sets to the client address; anything a client sends is replaced. */
export const CLIENT_IP_HEADER = 'x-norishiro-client-ip';
export const OIDC_PROVIDER_ID = 'oidc';

/**
 * better-auth on the service's own database. No self sign-up: accounts are made by an admin
 * (store/accounts.ts writes them through better-auth's internal adapter). Sessions slide:
 * each use within the window extends it, so 8 hours is an idle timeout.
 */
export function createAuth(db: Db, config: AuthConfig) {
  const secure = config.origin.startsWith('https://');
  return betterAuth({
    appName: 'のりしろ',
    baseURL: config.origin,
    basePath: '/api/auth',
    secret: config.secret,
    trustedOrigins: [config.origin],
    database: { dialect: dialectFor(db), type: 'postgres', transaction: false },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, autoSignIn: false },
    user: {
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: SESSION_IDLE_SECONDS,
      updateAge: 5 * 60,
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': config.signInLimit ?? { window: 60, max: 5 },
        '/two-factor/verify-totp': config.signInLimit ?? { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account keeps its history but can no longer start a session.
          before: async (session) => {
            const rows = await db.query<{ disabled: boolean }>('select disabled from "user" where id = $1', [
              session.userId,
            ]);
            return rows[0]?.disabled ? false : { data: session };
          },
        },
      },
    },
    plugins: [
      twoFactor({ issuer: 'のりしろ' }),
      ...(config.oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: OIDC_PROVIDER_ID,
                  discoveryUrl: `${config.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                  clientId: config.oidc.clientId,
                  clientSecret: config.oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  // Only people an admin already added may sign in this way.
                  disableImplicitSignUp: true,
                  disableSignUp: true,
                },
              ],
            }),
          ]
        : []),
    ],
    account: { accountLinking: { enabled: true, trustedProviders: [OIDC_PROVIDER_ID] } },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
