import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { HttpError } from '../errors.ts';
import { openApiSpec } from './spec.ts';

/**
 * The interactive reference is Swagger UI, served from our own origin (swagger-ui-dist's
 * files, no CDN), so it works offline and under a CSP that allows only our scripts.
 */
const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

/** Swagger UI starts from this file rather than an inline script, which the CSP forbids. */
const INIT = `window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    tryItOutEnabled: true,
    supportedSubmitMethods: ['get', 'post', 'put', 'patch', 'delete'],
  });
});
`;

const PAGE = `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Norishiro API リファレンス</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
  </head>
  <body>
    <noscript>この画面は JavaScript で動きます。文書そのものは <a href="/api/openapi.json">/api/openapi.json</a> です。</noscript>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

export function openApiRoutes() {
  const spec = openApiSpec();
  const assets = new Map<string, string>();
  const asset = (file: string) => {
    if (!assets.has(file)) assets.set(file, readFileSync(join(SWAGGER_UI, file), 'utf8'));
    return assets.get(file)!;
  };
  return new Hono()
    .get('/openapi.json', (c) => c.json(spec))
    .get('/docs', (c) => c.html(PAGE))
    .get('/docs/:file', (c) => {
      const file = c.req.param('file');
      if (file === 'init.js') return c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' });
      const type = ASSETS[file];
      if (!type) throw new HttpError('not_found', 'このファイルはありません');
      return c.body(asset(file), 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
    });
}
