import { randomBytes } from 'node:crypto';
import { createAccount } from '@norishiro/api';
import type { Role } from '@norishiro/api';
import type { TestApp } from './app.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
/** Browsers send this; the API refuses state-changing requests from other origins. */
export const ORIGIN = 'http://localhost:3000';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  municipalities: string[];
  cookie: string;
}

/** The session cookie(s) a response set, ready to send back. */
export const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');

export async function signIn(t: TestApp, email: string, password = TEST_PASSWORD): Promise<Response> {
  return t.app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email, password }),
  });
}

/** Creates an account the way an admin does and signs it in. */
export async function signedInUser(
  t: TestApp,
  role: Role,
  municipalities: string[],
  opts: { resources?: string[] } = {},
): Promise<TestUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.test`;
  const account = await createAccount(t.db, t.deps.auth, {
    email,
    name: `テスト ${role}`,
    role,
    municipalities: role === 'admin' ? [] : municipalities,
    resources: opts.resources,
    password: TEST_PASSWORD,
  });
  const res = await signIn(t, email);
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return { id: account.id, email, role, municipalities, cookie: cookiesOf(res) };
}

/** Request options for a signed-in browser on our origin. */
export const as = (user: TestUser | undefined, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: {
    ...(init.body ? { 'content-type': 'application/json' } : {}),
    origin: ORIGIN,
    ...(user ? { cookie: user.cookie } : {}),
    ...(init.headers as Record<string, string> | undefined),
  },
});
