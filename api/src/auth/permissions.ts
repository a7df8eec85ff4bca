import type { MiddlewareHandler } from 'hono';
import { HttpError } from '../errors.ts';
import type { Actor, Role } from './actor.ts';

/**
 * Every non-public route declares one of these. Roles decide the verb; the data-access
 * scope (store/scope.ts) decides which municipality's rows, so a role never widens scope.
 */
export const permissions = {
  'resources:edit': ['staff', 'host'],
  'suggestions:review': ['staff'],
  'conflicts:resolve': ['staff'],
  'audit:read': ['staff'],
  'accounts:manage': ['staff', 'admin'],
  'municipalities:manage': ['admin'],
  'cases:read': ['coordinator', 'staff'],
  'cases:write': ['coordinator', 'staff'],
  'cases:erase': ['staff'],
  'referrals:read': ['coordinator', 'staff', 'host'],
  'referrals:write': ['coordinator', 'staff', 'host'],
  'followups:read': ['coordinator', 'staff'],
  'followups:write': ['coordinator', 'staff'],
  'gaps:record': ['coordinator', 'staff'],
  'gaps:manage': ['staff'],
  'reports:read': ['staff'],
  'session:read': ['coordinator', 'host', 'staff', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export type AuthEnv = { Variables: { actor?: Actor; requestId: string } };

/** Marks a middleware as a permission declaration, so the route table can be checked. */
export const DECLARED = Symbol('norishiro.permission');
export type Declaration = Permission | 'public' | 'local-token';
type Declared = MiddlewareHandler<AuthEnv> & { [DECLARED]: Declaration };

export function can(actor: Actor | undefined, permission: Permission): actor is Actor {
  return !!actor && (permissions[permission] as readonly Role[]).includes(actor.role);
}

/** 401 without a session, 403 when the role may not do this at all. */
export function requires(permission: Permission): Declared {
  const mw: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const actor = c.get('actor');
    if (!actor) throw new HttpError('unauthorized', 'ログインしてください');
    if (!can(actor, permission)) throw new HttpError('forbidden', 'この操作をする権限がありません');
    await next();
  };
  return Object.assign(mw, { [DECLARED]: permission }) as Declared;
}

/** Declares a route open to residents without an account. */
export function publicRoute(): Declared {
  const mw: MiddlewareHandler<AuthEnv> = async (_c, next) => next();
  return Object.assign(mw, { [DECLARED]: 'public' as const }) as Declared;
}

/** Declares routes that check the local CLI's token from DATA_DIR themselves. */
export function localTokenRoute(): Declared {
  const mw: MiddlewareHandler<AuthEnv> = async (_c, next) => next();
  return Object.assign(mw, { [DECLARED]: 'local-token' as const }) as Declared;
}
