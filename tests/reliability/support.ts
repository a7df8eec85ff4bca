import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Polls until `check` is truthy; bounded, so a broken service fails the test instead of hanging it. */
export async function eventually<T>(check: () => Promise<T>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await check();
      if (value) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s${last ? `: ${String(last)}` : ''}`);
}

/** Resolves to what `work` gives, or 'late' once `ms` has passed. */
export async function answeredWithin<T>(work: Promise<T> | T, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/**
 * A small filesystem of its own (tmpfs), so a test can really fill a disk or make it
 * read-only. Needs mount permission (root in CI); undefined where that is not allowed.
 */
export function smallDisk(
  sizeMb: number,
): { path: string; fill(): void; free(): void; readOnly(): void; remove(): void } | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const path = tempDir('norishiro-disk-');
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', path], { encoding: 'utf8' });
  if (mount.status !== 0) {
    rmSync(path, { recursive: true, force: true });
    return undefined;
  }
  return {
    path,
    fill() {
      mkdirSync(join(path, 'filler'), { recursive: true });
      // dd stops at ENOSPC with a non-zero status: that is the point.
      spawnSync('dd', ['if=/dev/zero', `of=${join(path, 'filler', 'zeros')}`, 'bs=1M'], { encoding: 'utf8' });
    },
    free() {
      rmSync(join(path, 'filler'), { recursive: true, force: true });
    },
    readOnly() {
      execFileSync('mount', ['-o', 'remount,ro', path]);
    },
    remove() {
      spawnSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Processes whose command line mentions `needle` (a DATA_DIR): what a failed start left running. */
export function processesMentioning(needle: string): number[] {
  const out = spawnSync('pgrep', ['-f', needle], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => pid !== process.pid);
}
