import { Hono } from 'hono';
import { NewAccountSchema } from '@norishiro/data';
import type { Db } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import type { Actor, Role } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';
import type { SessionCache } from '../auth/session.ts';
import { requires, type AuthEnv } from '../auth/permissions.ts';
import { HttpError } from '../errors.ts';
import {
  AccountError,
  createAccount,
  disableAccount,
  findAccount,
  issueToken,
  listAccounts,
  type Account,
} from '../store/accounts.ts';
import { jsonBody, parseInput } from '../validate.ts';

export const SET_PASSWORD_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Staff manage accounts of their own municipalities and never create admins. */
function mayManage(actor: Actor, role: Role, municipalities: readonly string[]): boolean {
  if (actor.role === 'admin') return true;
  return role !== 'admin' && municipalities.length > 0 && municipalities.every((m) => actor.municipalities.includes(m));
}

const visible = (actor: Actor, a: Account) =>
  actor.role === 'admin' || a.municipalities.some((m) => actor.municipalities.includes(m));

export function accountRoutes(deps: { db: Db; auth: Auth; origin: string; sessions: SessionCache }) {
  const { db, auth } = deps;
  return new Hono<AuthEnv>()
    .get('/', requires('accounts:manage'), async (c) => {
      const actor = c.get('actor')!;
      return c.json(await listAccounts(db, actor.role === 'admin' ? undefined : actor.municipalities));
    })
    .post('/', requires('accounts:manage'), async (c) => {
      const actor = c.get('actor')!;
      const input = parseInput(NewAccountSchema, await jsonBody(c.req), 'アカウント');
      if (input.role !== 'admin' && input.municipalities.length === 0)
        throw new HttpError('invalid_request', 'アカウントには自治体を1つ以上指定してください', [
          { path: 'municipalities', message: '自治体を1つ以上指定してください' },
        ]);
      if (!mayManage(actor, input.role, input.municipalities))
        throw new HttpError('forbidden', 'この自治体・役割のアカウントは作れません');
      let account: Account;
      try {
        account = await createAccount(db, auth, input);
      } catch (e) {
        if (e instanceof AccountError) throw new HttpError('conflict', e.message);
        throw e;
      }
      const token = await issueToken(db, 'set_password', SET_PASSWORD_TTL_SECONDS, account.id);
      await db.transaction((tx) =>
        audit(tx, actor, {
          action: 'account_create',
          objectType: 'user',
          objectId: account.id,
          municipality: input.municipalities[0],
        }),
      );
      return c.json({ account, setPasswordUrl: `${deps.origin}/staff/password?token=${token}` }, 201);
    })
    .post('/:id/disable', requires('accounts:manage'), async (c) => {
      const actor = c.get('actor')!;
      const target = await findAccount(db, { id: c.req.param('id') });
      if (!target || !visible(actor, target)) throw new HttpError('not_found', 'アカウントが見つかりません');
      if (!mayManage(actor, target.role, target.municipalities))
        throw new HttpError('forbidden', 'このアカウントは無効にできません');
      if (target.id === actor.userId) throw new HttpError('invalid_request', '自分のアカウントは無効にできません');
      await db.transaction(async (tx) => {
        await disableAccount(tx, target.id);
        await audit(tx, actor, {
          action: 'account_disable',
          objectType: 'user',
          objectId: target.id,
          municipality: target.municipalities[0],
        });
      });
      deps.sessions.forgetUser(target.id);
      return c.json({ ok: true });
    });
}
