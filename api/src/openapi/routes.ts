import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { openApiSpec } from './spec.ts';

const escape = (s: string) => s.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A self-contained docs page: no CDN, so it works offline and in tests. */
function docsPage(spec: ReturnType<typeof openApiSpec>) {
  const rows = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops as Record<string, { summary: string; responses: Record<string, unknown> }>).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escape(path)}</code></td><td>${escape(op.summary)}</td><td>${Object.keys(op.responses).join(', ')}</td></tr>`,
    ),
  );
  const schemas = Object.entries(spec.components.schemas).map(
    ([name, schema]) =>
      `<details><summary>${name}</summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>`,
  );
  return html`<!doctype html>
    <html lang="ja">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Norishiro API ドキュメント</title>
        <style>
          body {
            font-family: system-ui, sans-serif;
            max-width: 60rem;
            margin: 2rem auto;
            padding: 0 1rem;
            line-height: 1.6;
          }
          table {
            border-collapse: collapse;
            width: 100%;
          }
          td,
          th {
            border: 1px solid #ccc;
            padding: 0.3rem 0.5rem;
            text-align: left;
          }
          pre {
            background: #f6f6f6;
            padding: 1rem;
            overflow: auto;
          }
        </style>
      </head>
      <body>
        <main>
          <h1>Norishiro API</h1>
          <p>${spec.info.description}</p>
          <p><a href="/api/openapi.json">OpenAPI 3.1 (JSON)</a></p>
          <h2>エンドポイント</h2>
          <table>
            <thead>
              <tr>
                <th>メソッド</th>
                <th>パス</th>
                <th>内容</th>
                <th>ステータス</th>
              </tr>
            </thead>
            <tbody>
              ${raw(rows.join(''))}
            </tbody>
          </table>
          <h2>スキーマ</h2>
          ${raw(schemas.join(''))}
        </main>
      </body>
    </html>`;
}

export function openApiRoutes() {
  const spec = openApiSpec();
  return new Hono().get('/openapi.json', (c) => c.json(spec)).get('/docs', (c) => c.html(docsPage(spec)));
}
