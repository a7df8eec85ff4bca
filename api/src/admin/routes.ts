import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import * as v from 'valibot';
import { ImportBatchSchema, InvalidInputError, inventoryBatch, runImport, type IndexEvent } from '@norishiro/indexer';
import type { AppDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';
import { parseInput } from '../validate.ts';
import { adminCliRoutes } from './cli.ts';
import { publishedHsds } from '../hsds/publication.ts';

const IndexRequestSchema = v.object({
  dryRun: v.optional(v.boolean(), false),
  /** Absent: the service loads the inventories itself. */
  batch: v.optional(ImportBatchSchema),
});

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * `pnpm index` hands its work here when the service owns DATA_DIR (embedded PGlite lets one
 * process open it). Only a caller holding the token from DATA_DIR/service.json may call it.
 */
export function adminRoutes(deps: AppDeps) {
  return new Hono()
    .use(async (c, next) => {
      const token = c.req.header('authorization')?.replace(/^Bearer /, '') ?? '';
      if (!deps.adminToken || !sameToken(token, deps.adminToken))
        throw new HttpError('unauthorized', '管理用の鍵が正しくありません');
      await next();
    })
    .route('/cli', adminCliRoutes(deps))
    .get('/hsds', async (c) => c.json(await publishedHsds(deps.db, deps.origin)))
    .post('/index', async (c) => {
      const body = parseInput(IndexRequestSchema, await c.req.json().catch(() => ({})), '索引作成の指定');
      return stream(c, async (out) => {
        const send = (e: IndexEvent) => out.write(JSON.stringify(e) + '\n');
        try {
          const summary = await runImport(deps, body.batch ?? inventoryBatch(), {
            dryRun: body.dryRun,
            actor: 'indexer (via service)',
            onProgress: (phase, done, total) => void send({ type: 'progress', phase, done, total }),
          });
          deps.invalidate?.();
          await send({ type: 'done', summary });
        } catch (e) {
          await send({
            type: 'error',
            message: (e as Error).message,
            issues: e instanceof InvalidInputError ? e.issues : undefined,
          });
        }
      });
    });
}
