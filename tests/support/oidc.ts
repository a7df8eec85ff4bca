import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from '@norishiro/indexer';

export interface LocalOidc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The subject the provider's sign-in form accepts, with this e-mail address. */
  users: Map<string, { email: string; name: string }>;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (panva/oidc-provider) on loopback, with its development
 * sign-in and consent forms, standing in for a municipality's Entra ID or Keycloak.
 */
export async function startOidcProvider(redirectUri: string): Promise<LocalOidc> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const users = new Map<string, { email: string; name: string }>();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'norishiro',
        client_secret: 'norishiro-test-secret',
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: async (_ctx, sub) => {
      const user = users.get(sub);
      return user
        ? { accountId: sub, claims: async () => ({ sub, email: user.email, email_verified: true, name: user.name }) }
        : undefined;
    },
    features: { devInteractions: { enabled: true } },
  });
  provider.proxy = false;
  const server: Server = provider.listen(port);
  await new Promise<void>((r) => server.once('listening', () => r()));
  return {
    issuer,
    clientId: 'norishiro',
    clientSecret: 'norishiro-test-secret',
    users,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A browser's cookie jar for one host, enough to walk a redirect chain by hand. */
export class CookieJar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Walks the provider's side of an authorization-code flow as the given subject: sign-in
 * form, consent form, and back. Returns the redirect to the client's callback.
 */
export async function authorizeAt(authorizeUrl: string, subject: string): Promise<string> {
  const jar = new CookieJar();
  let url = authorizeUrl;
  for (let step = 0; step < 10; step++) {
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      if (!next.startsWith(new URL(authorizeUrl).origin)) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    const prompt = html.includes('name="prompt" value="login"') ? 'login' : 'consent';
    const action = new URL(html.match(/action="([^"]+)"/)![1]!, url).href;
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login: subject, password: 'x' } : { prompt });
    const submitted = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    jar.take(submitted);
    url = new URL(submitted.headers.get('location')!, action).href;
  }
  throw new Error('the provider never redirected back');
}
