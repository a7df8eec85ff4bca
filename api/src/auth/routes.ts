import { Hono } from 'hono';
import { SetPasswordSchema, SetupSchema } from '@norishiro/data';
import type { Db } from '@norishiro/indexer';
import { audit } from '../audit/log.ts';
import { HttpError } from '../errors.ts';
import { countAccounts, createAccount, consumeToken, findAccount, peekToken, setPassword } from '../store/accounts.ts';
import { parseInput, jsonBody } from '../validate.ts';
import type { Auth, OidcConfig } from './auth.ts';
import { OIDC_PROVIDER_ID } from './auth.ts';
import { publicRoute, requires, type AuthEnv } from './permissions.ts';
import { clientIp } from './session.ts';

/** better-auth paths whose outcome goes to the audit log. */
const AUDITED: Record<string, string> = {
  '/api/auth/sign-in/email': 'sign_in',
  '/api/auth/two-factor/verify-totp': 'sign_in_second_factor',
  '/api/auth/sign-out': 'sign_out',
  [`/api/auth/callback/${OIDC_PROVIDER_ID}`]: 'sign_in_oidc',
};

async function signInEmail(req: Request): Promise<string | undefined> {
  try {
    const body = (await req.clone().json()) as { email?: unknown };
    return typeof body.email === 'string' ? body.email : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sign-in, sign-out and sessions are better-auth's, at its default paths under /api/auth.
 * Around them: the audit log, the first admin's setup and one-time password links.
 */
export function authRoutes(deps: { db: Db; auth: Auth; oidc?: OidcConfig }) {
  const { db, auth } = deps;
  return new Hono<AuthEnv>()
    .on(['GET', 'POST'], '/auth/*', publicRoute(), async (c) => {
      const path = c.req.path;
      const action = AUDITED[path];
      const email = action === 'sign_in' ? await signInEmail(c.req.raw) : undefined;
      const res = await auth.handler(c.req.raw);
      if (action) {
        // A provider callback always redirects; it succeeded only if it opened a session.
        const ok =
          action === 'sign_in_oidc'
            ? /session_token=[^;]+/.test(res.headers.getSetCookie().join(';'))
            : res.status < 400;
        const session = ok && action !== 'sign_out' ? await auth.api.getSession({ headers: cookieHeaders(res) }) : null;
        const who =
          session?.user.id ?? (email ? (await findAccount(db, { email }))?.id : undefined) ?? c.get('actor')?.userId;
        const role = who ? ((await findAccount(db, { id: who }))?.role ?? null) : null;
        await db.transaction((tx) =>
          audit(
            tx,
            { userId: who ?? null, role, ip: clientIp(c.req.raw.headers) },
            { action, objectType: 'user', objectId: who, outcome: ok ? 'ok' : 'denied' },
          ),
        );
      }
      return res;
    })
    .get('/sign-in-options', publicRoute(), (c) =>
      c.json({ oidc: deps.oidc ? { providerId: OIDC_PROVIDER_ID, label: deps.oidc.label } : null }),
    )
    .get('/me', requires('session:read'), (c) => {
      const { userId, email, name, role, municipalities, resources } = c.get('actor')!;
      return c.json({ userId, email, name, role, municipalities, resources });
    })
    .get('/setup', publicRoute(), async (c) => {
      const token = c.req.query('token') ?? '';
      const valid = (await countAccounts(db)) === 0 && !!(await peekToken(db, 'setup', token));
      return c.json({ valid });
    })
    .post('/setup', publicRoute(), async (c) => {
      const body = parseInput(SetupSchema, await jsonBody(c.req), '管理者の登録');
      const account = await db.transaction(async (tx) => {
        // Counting inside the transaction that uses the token: two tabs cannot both win.
        if ((await countAccounts(tx)) > 0 || !(await consumeToken(tx, 'setup', body.token)))
          throw new HttpError(
            'forbidden',
            'この設定用リンクは使えません（使用済み・期限切れ、またはすでに管理者がいます）',
          );
        return true;
      });
      if (!account) throw new HttpError('forbidden', 'この設定用リンクは使えません');
      const admin = await createAccount(db, auth, {
        email: body.email,
        name: body.name,
        role: 'admin',
        municipalities: [],
        password: body.password,
      });
      await db.transaction((tx) =>
        audit(
          tx,
          { userId: admin.id, role: 'admin', ip: clientIp(c.req.raw.headers) },
          { action: 'account_setup_first_admin', objectType: 'user', objectId: admin.id },
        ),
      );
      return c.json({ ok: true, email: admin.email }, 201);
    })
    .post('/account/password', publicRoute(), async (c) => {
      const body = parseInput(SetPasswordSchema, await jsonBody(c.req), 'パスワードの設定');
      const used = await consumeToken(db, 'set_password', body.token);
      if (!used?.userId)
        throw new HttpError(
          'forbidden',
          'このリンクは使えません（使用済みまたは期限切れです）。管理者に新しいリンクを頼んでください',
        );
      await setPassword(db, auth, used.userId, body.password);
      await db.transaction((tx) =>
        audit(
          tx,
          { userId: used.userId, role: null, ip: clientIp(c.req.raw.headers) },
          { action: 'account_password_set', objectType: 'user', objectId: used.userId! },
        ),
      );
      return c.json({ ok: true });
    });
}

/** The session cookie a sign-in response just set, as request headers. */
function cookieHeaders(res: Response): Headers {
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return new Headers({ cookie: cookies.join('; ') });
}
