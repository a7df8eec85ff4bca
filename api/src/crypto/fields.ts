import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Free text about participants is sealed with AES-256-GCM before it reaches the database,
 * under a key that is not in the database: a dump or a stolen disk image of PostgreSQL
 * alone reveals nothing. The format is `v1:iv:tag:ciphertext` (base64url).
 */
export interface FieldCipher {
  seal(plain: string): string;
  open(sealed: string): string;
}

export class KeyError extends Error {}

export function cipherFrom(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new KeyError('The data key must be 32 bytes (64 hex characters)');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return ['v1', iv, c.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join(':');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new KeyError('Not a sealed field');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      d.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString('utf8');
    },
  };
}

/** NORISHIRO_DATA_KEY (hex) for several instances, else DATA_DIR/data.key; undefined when neither exists yet. */
export function readDataKey(env: Record<string, string | undefined>, dataDir: string): Buffer | undefined {
  if (env.NORISHIRO_DATA_KEY) {
    if (!/^[0-9a-f]{64}$/i.test(env.NORISHIRO_DATA_KEY))
      throw new KeyError('NORISHIRO_DATA_KEY must be 64 hexadecimal characters (32 bytes)');
    return Buffer.from(env.NORISHIRO_DATA_KEY, 'hex');
  }
  const file = join(dataDir, 'data.key');
  return existsSync(file) ? Buffer.from(readFileSync(file, 'utf8').trim(), 'hex') : undefined;
}

/** The data key, made once under DATA_DIR (mode 0600) on a first start. */
export function loadDataKey(env: Record<string, string | undefined>, dataDir: string): Buffer {
  const known = readDataKey(env, dataDir);
  if (known) return known;
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(join(dataDir, 'data.key'), key.toString('hex'), { mode: 0o600, flag: 'wx' });
  return key;
}

export const sealOptional = (c: FieldCipher, s: string | undefined | null) => (s ? c.seal(s) : null);
export const openOptional = (c: FieldCipher, s: string | null) => (s ? c.open(s) : undefined);
