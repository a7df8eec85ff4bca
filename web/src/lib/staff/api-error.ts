import * as v from 'valibot';
import { ApiErrorSchema } from '@norishiro/data';

/** better-auth answers `{ message, code }`; our API `{ error: { message } }`. */
export async function errorMessage(res: Response, fallback: string): Promise<string> {
  const body: unknown = await res.json().catch(() => undefined);
  if (v.is(ApiErrorSchema, body)) return body.error.message;
  if (res.status === 429) return '試行が多すぎます。1分ほど待ってからもう一度お試しください';
  return fallback;
}

/** Only a path on this site, so a crafted link cannot send someone elsewhere after sign-in. */
export const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : '/staff');
