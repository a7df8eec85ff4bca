import { resolve } from 'node:path';
import * as v from 'valibot';

const optionalText = v.optional(v.pipe(v.string(), v.trim(), v.minLength(1)));

/** Every environment variable the service reads, parsed once at the edge. */
export const ConfigSchema = v.object({
  PORT: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'PORT must be a number'), v.transform(Number)), '3000'),
  HOST: v.optional(v.string(), '0.0.0.0'),
  DATA_DIR: v.optional(v.string(), '.data'),
  MEILI_URL: optionalText,
  MEILI_MASTER_KEY: optionalText,
  DATABASE_URL: optionalText,
  MAP_STYLE: optionalText,
  MEILI_INDEX: v.optional(v.pipe(v.string(), v.regex(/^[a-zA-Z0-9_-]+$/)), 'resources'),
});

export type Config = v.InferOutput<typeof ConfigSchema> & { DATA_DIR: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): Config {
  const picked = Object.fromEntries(
    Object.keys(ConfigSchema.entries).flatMap((k) => (env[k] === undefined || env[k] === '' ? [] : [[k, env[k]]])),
  );
  const parsed = v.safeParse(ConfigSchema, picked);
  if (!parsed.success) {
    const lines = parsed.issues.map((i) => `  ${v.getDotPath(i) ?? '?'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.output, DATA_DIR: resolve(cwd, parsed.output.DATA_DIR) };
}
