import * as v from 'valibot';
import { MunicipalitySchema } from '../municipality/schema.ts';
import { ResourceSchema } from '../resource/schema.ts';

/**
 * One municipality's inventory file. Each resource inherits the municipality code, the
 * seed file and the verified-at date from the file, so entries only say what differs.
 */
export const InventoryFileSchema = v.object({
  municipality: MunicipalitySchema,
  sourceFile: v.pipe(v.string(), v.minLength(1)),
  verifiedAt: v.pipe(v.string(), v.isoDate('確認日は YYYY-MM-DD で書いてください')),
  resources: v.array(v.unknown()),
});

export type InventoryFile = v.InferOutput<typeof InventoryFileSchema>;
export type Inventory = {
  municipality: InventoryFile['municipality'];
  resources: v.InferOutput<typeof ResourceSchema>[];
};

/** Fills the per-file defaults into one raw resource entry. */
export function withFileDefaults(file: InventoryFile, raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const entry = raw as Record<string, unknown>;
  const source = typeof entry.source === 'object' && entry.source !== null ? entry.source : {};
  return {
    municipality: file.municipality.code,
    verifiedAt: file.verifiedAt,
    ...entry,
    source: { file: file.sourceFile, ...source },
  };
}
