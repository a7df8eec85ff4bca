import * as v from 'valibot';
import { ApiErrorSchema } from '@norishiro/data';

/**
 * better-auth answers `{ message, code }`; our API `{ error: { message, details } }`. With
 * `details`, each field's reason follows the message, for forms without a place per field.
 */
export async function errorMessage(res: Response, fallback: string, opts: { details?: boolean } = {}): Promise<string> {
  const body: unknown = await res.json().catch(() => undefined);
  if (v.is(ApiErrorSchema, body))
    return opts.details
      ? [body.error.message, ...(body.error.details ?? []).map((d) => d.message)].join('：')
      : body.error.message;
  if (res.status === 429) return '試行が多すぎます。1分ほど待ってからもう一度お試しください';
  return fallback;
}

/** Only a path on this site, so a crafted link cannot send someone elsewhere after sign-in. */
export const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : '/staff');
