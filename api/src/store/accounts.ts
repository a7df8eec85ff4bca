import { createHash, randomBytes } from 'node:crypto';
import type { Db, Queryable } from '@norishiro/indexer';
import type { Actor, Role } from '../auth/actor.ts';
import type { Auth } from '../auth/auth.ts';

export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  twoFactorEnabled: boolean;
  municipalities: string[];
  resources: string[];
  createdAt: string;
}

interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean | null;
  twoFactorEnabled: boolean | null;
  createdAt: Date | string;
  municipalities: string[] | null;
  resources: string[] | null;
}

const ACCOUNT_SELECT = `
  select u.id, u.email, u.name, u.role, u.disabled, u."twoFactorEnabled", u."createdAt",
    array(select municipality from user_municipalities m where m.user_id = u.id order by municipality) as municipalities,
    array(select resource_id from user_resources r where r.user_id = u.id order by resource_id) as resources
  from "user" u`;

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  disabled: !!r.disabled,
  twoFactorEnabled: !!r.twoFactorEnabled,
  municipalities: r.municipalities ?? [],
  resources: r.resources ?? [],
  createdAt: new Date(r.createdAt).toISOString(),
});

export async function countAccounts(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number | string }>('select count(*) as n from "user"');
  return Number(row?.n ?? 0);
}

export async function findAccount(db: Queryable, by: { id?: string; email?: string }): Promise<Account | undefined> {
  const rows = by.id
    ? await db.query<AccountRow>(`${ACCOUNT_SELECT} where u.id = $1`, [by.id])
    : await db.query<AccountRow>(`${ACCOUNT_SELECT} where lower(u.email) = lower($1)`, [by.email ?? '']);
  return rows[0] && toAccount(rows[0]);
}

/** Admins see every account; staff see the accounts of their municipalities. */
export async function listAccounts(db: Queryable, municipalities?: readonly string[]): Promise<Account[]> {
  const rows = municipalities
    ? await db.query<AccountRow>(
        `${ACCOUNT_SELECT} where exists (select 1 from user_municipalities m where m.user_id = u.id and m.municipality = any($1::text[]))
         order by u.email`,
        [[...municipalities]],
      )
    : await db.query<AccountRow>(`${ACCOUNT_SELECT} order by u.email`);
  return rows.map(toAccount);
}

/** The actor behind a signed-in user, or undefined for a disabled account. */
export async function actorFor(db: Queryable, userId: string, ip: string): Promise<Actor | undefined> {
  const account = await findAccount(db, { id: userId });
  if (!account || account.disabled) return undefined;
  const { id, email, name, role, municipalities, resources } = account;
  return { userId: id, email, name, role, municipalities, resources, ip };
}

export interface NewAccount {
  email: string;
  name: string;
  role: Role;
  municipalities: string[];
  resources?: string[];
  /** Without a password the account waits for its one-time link. */
  password?: string;
}

export class AccountError extends Error {}

/**
 * Writes a user through better-auth's own adapter (so its password hashing is used), then
 * the municipalities they work for.
 */
export async function createAccount(db: Db, auth: Auth, input: NewAccount): Promise<Account> {
  if (await findAccount(db, { email: input.email })) throw new AccountError(`${input.email} はすでに登録されています`);
  const known = await db.query<{ code: string }>('select code from municipalities where code = any($1::text[])', [
    input.municipalities,
  ]);
  const missing = input.municipalities.filter((m) => !known.some((k) => k.code === m));
  if (missing.length)
    throw new AccountError(
      `自治体 ${missing.join(', ')} は登録されていません（初回の pnpm start で 5 市が読み込まれます。ほかの市町村は pnpm admin municipality add で追加します）`,
    );
  const wanted = input.resources ?? [];
  const operated = await db.query<{ id: string }>(
    'select id from resources where id = any($1::text[]) and municipality = any($2::text[])',
    [wanted, input.municipalities],
  );
  const unknown = wanted.filter((id) => !operated.some((r) => r.id === id));
  if (unknown.length) throw new AccountError(`資源 ${unknown.join(', ')} は担当する自治体の資源にありません`);
  const ctx = await auth.$context;
  const user = await ctx.internalAdapter.createUser(
    {
      email: input.email.toLowerCase(),
      name: input.name,
      emailVerified: true,
      role: input.role,
      disabled: false,
    },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    ...(input.password ? { password: await ctx.password.hash(input.password) } : {}),
  });
  for (const m of input.municipalities)
    await db.query('insert into user_municipalities (user_id, municipality) values ($1, $2)', [user.id, m]);
  for (const r of input.resources ?? [])
    await db.query('insert into user_resources (user_id, resource_id) values ($1, $2)', [user.id, r]);
  return (await findAccount(db, { id: user.id }))!;
}

export async function setPassword(db: Db, auth: Auth, userId: string, password: string): Promise<void> {
  const ctx = await auth.$context;
  const hash = await ctx.password.hash(password);
  const rows = await db.query<{ id: string }>(
    `update "account" set password = $2, "updatedAt" = now() where "userId" = $1 and "providerId" = 'credential' returning id`,
    [userId, hash],
  );
  if (rows.length === 0)
    await ctx.internalAdapter.linkAccount({ userId, providerId: 'credential', accountId: userId, password: hash });
}

/** Disabling ends every session at once; the account and its history stay. */
export async function disableAccount(db: Queryable, userId: string): Promise<void> {
  await db.query('update "user" set disabled = true, "updatedAt" = now() where id = $1', [userId]);
  await db.query('delete from "session" where "userId" = $1', [userId]);
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type TokenPurpose = 'setup' | 'set_password';

/** A one-time token; only its hash is stored. Issuing a setup token voids older ones. */
export async function issueToken(
  db: Queryable,
  purpose: TokenPurpose,
  ttlSeconds: number,
  userId?: string,
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  if (purpose === 'setup') await db.query(`delete from account_tokens where purpose = 'setup'`);
  await db.query(
    `insert into account_tokens (token_hash, purpose, user_id, expires_at) values ($1, $2, $3, now() + make_interval(secs => $4))`,
    [hashToken(token), purpose, userId ?? null, ttlSeconds],
  );
  return token;
}

/** Checks a token without using it up (for showing the form). */
export async function peekToken(
  db: Queryable,
  purpose: TokenPurpose,
  token: string,
): Promise<{ userId: string | null } | undefined> {
  const [row] = await db.query<{ user_id: string | null }>(
    `select user_id from account_tokens where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()`,
    [hashToken(token), purpose],
  );
  return row && { userId: row.user_id };
}

/** Uses a token up; a second use, an expired or unknown token returns undefined. */
export async function consumeToken(
  db: Queryable,
  purpose: TokenPurpose,
  token: string,
): Promise<{ userId: string | null } | undefined> {
  const [row] = await db.query<{ user_id: string | null }>(
    `update account_tokens set used_at = now()
     where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now() returning user_id`,
    [hashToken(token), purpose],
  );
  return row && { userId: row.user_id };
}
