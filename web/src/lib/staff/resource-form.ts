import type { Resource, Schedule } from '@norishiro/data';

/** Editable form state: lists as text where a person types them. */
export interface FormState {
  resource: Record<string, unknown> & Partial<Resource>;
  tags: string;
  aliases: string;
}

export const toForm = (r: Partial<Resource>): FormState => ({
  resource: structuredClone(r) as FormState['resource'],
  tags: (r.tags ?? []).join('、'),
  aliases: (r.aliases ?? []).join('、'),
});

const list = (s: string) =>
  s
    .split(/[、,，\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

const blank = (v: unknown) => v === '' || v === null || v === undefined;

/** Drops empty optional fields, so "nothing typed" is "not known", not an empty string. */
export function fromForm(f: FormState): Record<string, unknown> {
  const r: Record<string, unknown> = { ...f.resource, tags: list(f.tags), aliases: list(f.aliases) };
  for (const key of [
    'reading',
    'description',
    'operator',
    'department',
    'district',
    'notes',
    'operation',
    'legalBasis',
  ])
    if (blank(r[key])) delete r[key];
  for (const key of ['ageMin', 'ageMax', 'count']) {
    if (blank(r[key])) delete r[key];
    else r[key] = Number(r[key]);
  }
  // A usage figure typed without a number keeps its label; an empty number is no number.
  r.usage = ((r.usage as Record<string, unknown>[] | undefined) ?? []).map((u) => {
    const clean = Object.fromEntries(Object.entries(u).filter(([, v]) => !blank(v)));
    if (clean.value !== undefined) clean.value = Number(clean.value);
    return clean;
  });
  // A new record with no citation typed: the server cites the staff member and the date.
  const source = r.source as Record<string, unknown> | undefined;
  if (source && blank(source.section) && blank(source.quote)) delete r.source;
  const contact = Object.fromEntries(Object.entries((r.contact as object) ?? {}).filter(([, v]) => !blank(v)));
  if (Object.keys(contact).length) r.contact = contact;
  else delete r.contact;
  const location = r.location as Record<string, unknown> | undefined;
  if (location) for (const k of ['lat', 'lng']) if (!blank(location[k])) location[k] = Number(location[k]);
  const schedule = r.schedule as Schedule | undefined;
  if (schedule && 'note' in schedule && blank(schedule.note) && schedule.kind !== 'irregular')
    delete (schedule as { note?: string }).note;
  return r;
}

/** API validation details by dotted path, for messages beside each field. */
export function errorsByPath(details: { path: string; message: string }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details ?? []) {
    const key = d.path.replace(/^resource\./, '') || '_';
    out[key] ??= d.message;
  }
  return out;
}
