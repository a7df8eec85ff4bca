/** Canonical JSON: object keys sorted, so equal records compare equal as text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export interface FieldConflict {
  field: string;
  staff: unknown;
  incoming: unknown;
}

export interface MergeResult<T> {
  next: T;
  conflicts: FieldConflict[];
  changed: boolean;
}

type Rec = Record<string, unknown>;

/**
 * Three-way merge of a re-import, field by field. A field that staff changed since the
 * last import (current ≠ imported) keeps the staff value; if the import changes it too,
 * that is a conflict to report, never a silent overwrite.
 */
export function mergeImport<T extends object>(current: T, imported: T, incoming: T): MergeResult<T> {
  const [cur, imp, inc] = [current as Rec, imported as Rec, incoming as Rec];
  const next: Rec = {};
  const conflicts: FieldConflict[] = [];
  for (const field of new Set([...Object.keys(cur), ...Object.keys(imp), ...Object.keys(inc)])) {
    const staffEdited = !same(cur[field], imp[field]);
    const value = staffEdited ? cur[field] : inc[field];
    if (value !== undefined) next[field] = value;
    if (staffEdited && !same(inc[field], imp[field]) && !same(inc[field], cur[field])) {
      conflicts.push({ field, staff: cur[field], incoming: inc[field] });
    }
  }
  return { next: next as T, conflicts, changed: !same(next, cur) || !same(inc, imp) };
}
