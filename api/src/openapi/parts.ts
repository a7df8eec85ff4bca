import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';

/**
 * Building blocks shared by every area's part of the OpenAPI document, so that each area
 * (cases/openapi.ts, gaps/openapi.ts …) writes only what is its own.
 */
// Schemas with transforms or checks have no JSON form for those parts; the shape remains.
export const json = (schema: v.GenericSchema, typeMode: 'input' | 'output' = 'output') =>
  toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore', typeMode }) as Record<string, unknown>;

export const ref = (name: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } });
export const list = (name: string) => ({
  'application/json': { schema: { type: 'array', items: { $ref: `#/components/schemas/${name}` } } },
});
export const ok = (description: string, content?: Record<string, unknown>) =>
  content ? { description, content } : { description };
export const error = (description: string) => ({ description, content: ref('ApiError') });

export const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description,
});
export const query = (name: string, description: string, required = false, values?: readonly string[]) => ({
  name,
  in: 'query',
  required,
  description,
  schema: values ? { type: 'string', enum: [...values] } : { type: 'string' },
});
export const body = (name: string) => ({ required: true, content: ref(name) });

/** A query parameter with the type the server parses it to (a number, a date, a code list). */
export const typedQuery = (name: string, description: string, schema: Record<string, unknown>, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});
export const DATE = { type: 'string', format: 'date' };
export const MUNICIPALITY_CODE = { type: 'string', pattern: '^\\d{6}$' };

/** `{ ok: true }`: what a write answers when there is nothing more to say. */
export const okBody = ref('Ok');

/** The answers every signed-in route shares: no session, wrong role, or out of scope. */
export const denied = {
  401: error('ログインしていない'),
  403: error('この役割では使えない'),
};
export const scopedDenied = {
  ...denied,
  404: error('見つからない、または担当外（存在するかどうかも答えません）'),
};
export const invalid = { 400: error('入力の誤り（項目ごとの理由つき）') };
export const conflict = { 409: error('ほかの人が先に更新しました（版が違います）') };
