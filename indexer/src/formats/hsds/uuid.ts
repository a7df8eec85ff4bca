import { createHash } from 'node:crypto';

/** Norishiro's own UUID namespace: the same name always gives the same id. */
const NAMESPACE = Buffer.from('d2bebfe76b2d4c82860f87500b41ac29', 'hex');

/**
 * RFC 9562 version-5 UUID of a name. HSDS 3 ids are UUIDs; deriving them from Norishiro's
 * stable keys keeps an exported dataset identical from one export to the next.
 */
export function uuidFor(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
