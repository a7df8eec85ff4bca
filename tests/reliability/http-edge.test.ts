import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, exposeApiToWeb, loadWebHandler } from '@norishiro/api';
import { appWithInventories, type TestApp } from '../support/app.ts';

/** Sends raw bytes and reads the whole answer: what a broken or hostile client would get. */
function raw(port: number, bytes: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer')));
    socket.on('data', (d) => (text += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({
        status: Number(head.split(' ')[1]),
        type: /content-type: ([^\r\n]+)/i.exec(head)?.[1] ?? '',
        body,
      });
    });
    socket.end(bytes);
  });
}

/** Requests Node itself refuses before any framework runs, and input that once became a 500. */
describe('the HTTP edge', () => {
  let t: TestApp;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    t = await appWithInventories('pglite');
    exposeApiToWeb(t.app);
    server = createHttpServer(t.app, await loadWebHandler());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await t.close();
  });

  it('headers too large: 431 in the JSON error shape', async () => {
    const res = await raw(port, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.type).toContain('application/json');
    expect(JSON.parse(res.body).error.message).toMatch(/ヘッダー/);
  });

  it('a malformed request: 400 in the JSON error shape', async () => {
    const res = await raw(port, 'THIS IS NOT HTTP\r\n\r\n');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).error.code).toBe('invalid_request');
  });

  it.each([
    '/api/resources/%00',
    '/api/resources/%E0%A4%A',
    '/api/resources?near=91,181',
    '/api/resources?radiusKm=1e308&near=35,139',
  ])('%s is refused at the edge, never a 500', async (path) => {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    expect([400, 404]).toContain(res.status);
    expect((await res.json()).error.message).toMatch(/[ぁ-んァ-ン一-龯]/);
  });

  it('the resource page for an impossible id is a 404 page, not a 500', async (ctx) => {
    if (!(await loadWebHandler())) ctx.skip();
    const res = await fetch(`http://127.0.0.1:${port}/resources/%00`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('みつかりませんでした');
  });
});
