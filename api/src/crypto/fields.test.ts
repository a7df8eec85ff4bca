import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cipherFrom, loadDataKey } from './fields.ts';

describe('sealed fields', () => {
  const cipher = cipherFrom(randomBytes(32));

  it('round-trips Japanese text, and the sealed form contains none of it', () => {
    const sealed = cipher.seal('母は認知症、本人は夜なら話せる');
    expect(sealed).not.toContain('認知症');
    expect(cipher.open(sealed)).toBe('母は認知症、本人は夜なら話せる');
  });

  it('refuses a tampered value and the wrong key', () => {
    const sealed = cipher.seal('秘密');
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => cipher.open(tampered)).toThrow();
    expect(() => cipherFrom(randomBytes(32)).open(sealed)).toThrow();
  });

  it('keeps a generated key in DATA_DIR readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'key-'));
    const key = loadDataKey({}, dir);
    expect(loadDataKey({}, dir).equals(key)).toBe(true);
    expect(statSync(join(dir, 'data.key')).mode & 0o777).toBe(0o600);
  });
});
