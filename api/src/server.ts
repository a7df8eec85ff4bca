import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import type { App } from './app.ts';

type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

export const WEB_HANDLER = fileURLToPath(new URL('../../web/build/handler.js', import.meta.url));

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

/** One origin: /api goes to Hono, every other path to the web app. */
export function createHttpServer(app: App, web: NodeHandler | undefined): Server {
  const api = getRequestListener(app.fetch);
  const page = web ?? notBuilt;
  return createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')) void api(req, res);
    else page(req, res, () => notBuilt(req, res));
  });
}
