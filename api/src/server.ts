import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import type { App } from './app.ts';
import { CLIENT_IP_HEADER } from './auth/auth.ts';
import { answerClientError } from './errors.ts';
import { clientAddress } from './security/client-ip.ts';
import { setSecurityHeaders } from './security/headers.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export const WEB_HANDLER = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));

/**
 * The web app's server code reaches the API through this function, in process: never over
 * loopback HTTP to an address taken from a request header.
 */
export const IN_PROCESS_API = Symbol.for('norishiro.api');

/** The SvelteKit adapter-node build, if there is one. */
export async function loadWebHandler(path = WEB_HANDLER): Promise<NodeHandler | undefined> {
  if (!existsSync(path)) return undefined;
  return ((await import(pathToFileURL(path).href)) as { handler: NodeHandler }).handler;
}

const notBuilt: NodeHandler = (_req, res) => {
  res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(
    '画面がまだビルドされていません。`pnpm start` で起動するか、`pnpm --filter @norishiro/web build` を実行してください。\n',
  );
};

export interface HttpOptions {
  /** Served over HTTPS (by us or a proxy): adds HSTS. */
  https?: boolean;
  trustedProxies?: readonly string[];
  /** Counts a page request for a client address; false when it is over the limit. */
  pageLimit?: (client: string) => Promise<boolean>;
}

/** Built files are cached by browsers and cheap: only pages count against the limit. */
const isAsset = (path: string) =>
  path.startsWith('/_app/') || /\.(ico|png|svg|webmanifest|txt|pbf|json)$/.test(path.split('?')[0]!);

function tooMany(res: ServerResponse) {
  res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '60' });
  res.end('アクセスが多すぎます。1分ほど待ってから、もう一度開いてください。\n');
}

/** Lets the web app call the API in process; set before the web handler is loaded. */
export function exposeApiToWeb(app: App): void {
  (globalThis as Record<symbol, unknown>)[IN_PROCESS_API] = (request: Request) => app.fetch(request);
}

/** One origin: /api goes to Hono, every other path to the web app. */
export function createHttpServer(app: App, web: NodeHandler | undefined, opts: HttpOptions = {}): Server {
  const api = getRequestListener(app.fetch);
  const page = web ?? notBuilt;
  const trusted = opts.trustedProxies ?? [];
  const server = createServer((req, res) => {
    // Whatever a client claims here is replaced: the audit log and rate limits read this.
    req.headers[CLIENT_IP_HEADER] = clientAddress(req, trusted);
    setSecurityHeaders(req, res, { https: !!opts.https });
    const path = req.url ?? '/';
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) return void api(req, res);
    if (!opts.pageLimit || isAsset(path)) return page(req, res, () => notBuilt(req, res));
    opts.pageLimit(String(req.headers[CLIENT_IP_HEADER])).then(
      (ok) => (ok ? page(req, res, () => notBuilt(req, res)) : tooMany(res)),
      // A limiter that cannot count must not take the pages down with it.
      () => page(req, res, () => notBuilt(req, res)),
    );
  });
  server.on('clientError', answerClientError);
  return server;
}
