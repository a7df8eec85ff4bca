import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import * as v from 'valibot';
import type { AppDeps } from '../deps.ts';
import { runAdmin } from '../cli/run.ts';
import { loadConfig } from '@norishiro/indexer';
import { parseInput, jsonBody } from '../validate.ts';

const CliRequestSchema = v.object({
  argv: v.array(v.string()),
  stdin: v.optional(v.string(), ''),
  cwd: v.optional(v.string()),
});

export type CliEvent = { type: 'out' | 'err'; line: string } | { type: 'exit'; code: number };

/**
 * `pnpm admin` hands its command here when this process owns DATA_DIR (embedded PGlite
 * opens in one process only); the same command code runs, and its lines stream back.
 * Mounted behind the admin token check.
 */
export function adminCliRoutes(deps: AppDeps) {
  return new Hono().post('/', async (c) => {
    const body = parseInput(CliRequestSchema, await jsonBody(c.req), '管理コマンド');
    return stream(c, async (out) => {
      const send = (e: CliEvent) => out.write(JSON.stringify(e) + '\n');
      let code = 1;
      try {
        code = await runAdmin(
          {
            db: deps.db,
            config: deps.config ?? loadConfig(),
            auth: deps.auth,
            origin: deps.origin,
            out: (line) => void send({ type: 'out', line }),
            err: (line) => void send({ type: 'err', line }),
            stdin: async () => body.stdin,
            cwd: body.cwd ?? process.cwd(),
            inService: true,
            invalidate: deps.invalidate,
          },
          body.argv,
        );
      } catch (e) {
        await send({ type: 'err', line: `コマンドが失敗しました: ${(e as Error).message}` });
      }
      await send({ type: 'exit', code });
    });
  });
}
