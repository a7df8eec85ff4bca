import * as v from 'valibot';
// Every message valibot writes by default (a missing key, a wrong type) in Japanese too.
import '@valibot/i18n/ja';
import { HttpError } from './errors.ts';

v.setGlobalConfig({ lang: 'ja' });

/** Validates input against a data/ schema; failures become a 400 listing each field. */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown, what = '入力'): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  throw new HttpError(
    'invalid_request',
    `${what}に誤りがあります`,
    result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })),
  );
}

export async function jsonBody(req: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new HttpError('invalid_request', 'リクエストの本文は JSON で送ってください', undefined, 'malformed_payload');
  }
}
