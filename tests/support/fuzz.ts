/**
 * Requests generated from the OpenAPI document: mostly valid-looking values from each
 * schema, with a share of hostile ones (wrong types, huge numbers, NUL, unpaired surrogates,
 * deep nesting, oversized strings). Deterministic for a seed, so a failure can be replayed.
 */
type Schema = Record<string, unknown>;
export interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}
interface Operation {
  parameters?: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const HOSTILE: unknown[] = [
  '',
  '\u0000',
  '%00',
  '\ud800',
  'x'.repeat(5_000),
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '../../etc/passwd',
  -1,
  0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  3.5,
  true,
  null,
  [],
  {},
  { $ne: 1 },
  '2026-02-30',
  '91,181',
  'ｱｲｳ',
  '認知症',
];

export function fuzzer(spec: Spec, rand: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const resolve = (s: Schema): Schema =>
    typeof s.$ref === 'string' ? resolve(spec.components.schemas[s.$ref.split('/').pop()!] ?? {}) : s;

  function value(schema: Schema | undefined, depth = 0): unknown {
    if (!schema || depth > 6 || rand() < 0.08) return pick(HOSTILE);
    const s = resolve(schema);
    const choices = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (choices?.length) return value(pick(choices), depth + 1);
    if (Array.isArray(s.enum)) return pick(s.enum);
    if ('const' in s) return s.const;
    switch (Array.isArray(s.type) ? pick(s.type as string[]) : s.type) {
      case 'object': {
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const required = new Set((s.required ?? []) as string[]);
        const out: Record<string, unknown> = {};
        for (const [k, p] of Object.entries(props)) if (required.has(k) || rand() < 0.5) out[k] = value(p, depth + 1);
        if (rand() < 0.1) out[`extra${Math.floor(rand() * 9)}`] = pick(HOSTILE);
        return out;
      }
      case 'array':
        return Array.from({ length: Math.floor(rand() * 4) }, () => value(s.items as Schema, depth + 1));
      case 'integer':
      case 'number': {
        const min = typeof s.minimum === 'number' ? s.minimum : -5;
        const max = typeof s.maximum === 'number' ? s.maximum : 100;
        const n = min + rand() * (max - min);
        return s.type === 'integer' ? Math.round(n) : n;
      }
      case 'boolean':
        return rand() < 0.5;
      case 'string':
        return s.format === 'date' ? '2026-11-24' : pick(['162051', '212105', 'ひきこもり', '居場所', 'abc', '1']);
      default:
        return pick(HOSTILE);
    }
  }

  const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  /** A lone surrogate cannot be percent-encoded: send the bytes a broken client would. */
  const segment = (v: unknown) => {
    try {
      return encodeURIComponent(text(v));
    } catch {
      return '%ED%A0%80';
    }
  };

  return function next(): FuzzRequest {
    const path = pick(Object.keys(spec.paths));
    const ops = spec.paths[path]!;
    const method = pick(Object.keys(ops));
    const op = ops[method]!;
    const query = new URLSearchParams();
    let url = path;
    for (const p of op.parameters ?? []) {
      if (p.in === 'path') url = url.replace(`{${p.name}}`, segment(value(p.schema)));
      else if (p.in === 'query' && rand() < 0.7) query.set(p.name, text(value(p.schema)));
    }
    url = url.replace(/\{[^}]+\}/g, () => segment(pick(HOSTILE)));
    const bodySchema = op.requestBody?.content?.['application/json']?.schema;
    const body =
      method === 'get'
        ? undefined
        : rand() < 0.1
          ? pick(['{', 'null', '[]', '"x"', '{"a":'])
          : JSON.stringify(value(bodySchema));
    return {
      method: method.toUpperCase(),
      path: query.size ? `${url}?${query}` : url,
      headers: body === undefined ? {} : { 'content-type': rand() < 0.95 ? 'application/json' : 'text/plain' },
      ...(body === undefined ? {} : { body }),
    };
  };
}
