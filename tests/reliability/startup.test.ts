import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '@norishiro/indexer';
import { REPO_ROOT } from '../e2e/support/server.ts';
import { processesMentioning, smallDisk, tempDir } from './support.ts';

/** `pnpm start` as a user runs it, expected to refuse: its exit code and what it printed. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['tsx', 'api/src/main.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, MAP_STYLE: 'fallback', RATE_LIMIT: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const noStackTrace = (output: string) => expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** Start-up failures a user can fix: one plain Japanese sentence, exit 1, nothing left behind. */
describe('start-up refuses clearly and leaves nothing behind', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('PORT in use: said before anything is loaded, DATA_DIR never created', async () => {
    const busy = createServer();
    servers.push(busy);
    await new Promise<void>((r) => busy.listen(0, '0.0.0.0', r));
    const port = (busy.address() as AddressInfo).port;
    const dataDir = join(tempDir('norishiro-port-'), 'data');
    const { code, output } = await start({ PORT: String(port), DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toContain(`ポート ${port} はほかのプログラム`);
    expect(output).toContain(`PORT=${port + 1}`);
    noStackTrace(output);
    expect(existsSync(dataDir)).toBe(false);
  }, 120_000);

  it('a lock file naming a live process that is not Norishiro: which file to remove, and when', async () => {
    const dataDir = tempDir('norishiro-lock-');
    const lock = join(dataDir, 'norishiro.lock');
    // A crashed run's lock, whose pid now belongs to an unrelated live process.
    const unrelated = spawn('sleep', ['300'], { stdio: 'ignore' });
    writeFileSync(lock, JSON.stringify({ pid: unrelated.pid }));
    const { code, output } = await start({ PORT: '0', DATA_DIR: dataDir });
    unrelated.kill();
    expect(code).toBe(1);
    expect(output).toContain(lock);
    expect(output).toContain('どれも動いていないことを確かめてから');
    noStackTrace(output);
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 120_000);

  const disk = smallDisk(64);
  it.skipIf(!disk)(
    'a full disk: said plainly, the new DATA_DIR removed, no Meilisearch left running',
    async () => {
      disk!.fill();
      const dataDir = join(disk!.path, 'data');
      const { code, output } = await start({ PORT: '0', DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain('ディスクがいっぱいです');
      noStackTrace(output);
      expect(existsSync(dataDir)).toBe(false);
      expect(processesMentioning(dataDir)).toEqual([]);
      disk!.remove();
    },
    120_000,
  );

  const usedDisk = smallDisk(256);
  it.skipIf(!usedDisk)(
    'a full disk under a DATA_DIR already in use: said plainly, its data kept whole, no lock left',
    async () => {
      const dataDir = join(usedDisk!.path, 'data');
      const indexed = spawnSync('npx', ['tsx', 'indexer/src/cli.ts'], {
        cwd: REPO_ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(indexed.status, indexed.stderr).toBe(0);
      usedDisk!.fill();
      const { code, output } = await start({ PORT: '0', DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain('ディスクがいっぱいです');
      noStackTrace(output);
      expect(processesMentioning(dataDir)).toEqual([]);
      expect(existsSync(join(dataDir, 'norishiro.lock'))).toBe(false);
      usedDisk!.free();
      const db = await openPglite(join(dataDir, 'pg'));
      const [row] = await db.query<{ n: number }>('select count(*)::int as n from resources');
      await db.close();
      expect(row!.n).toBeGreaterThan(100);
      usedDisk!.remove();
    },
    240_000,
  );

  const roDisk = smallDisk(16);
  it.skipIf(!roDisk)(
    'a read-only DATA_DIR: said plainly, nothing started',
    async () => {
      mkdirSync(join(roDisk!.path, 'data'));
      roDisk!.readOnly();
      const dataDir = join(roDisk!.path, 'data');
      const { code, output } = await start({ PORT: '0', DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain('書き込めません');
      noStackTrace(output);
      expect(processesMentioning(dataDir)).toEqual([]);
      roDisk!.remove();
    },
    120_000,
  );
});
