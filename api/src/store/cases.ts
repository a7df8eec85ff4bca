import { randomBytes } from 'node:crypto';
import type { Case, CaseMember, CaseSummary } from '@norishiro/data';
import { openOptional, sealOptional, type FieldCipher } from '../crypto/fields.ts';
import type { Scope } from './scope.ts';

interface CaseRow {
  id: string;
  municipality: string;
  code: string;
  members_sealed: string | null;
  contact_note_sealed: string | null;
  notes_sealed: string | null;
  status: 'open' | 'closed';
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export function toCase(c: FieldCipher, r: CaseRow): Case {
  return {
    id: r.id,
    municipality: r.municipality,
    code: r.code,
    members: r.members_sealed ? (JSON.parse(c.open(r.members_sealed)) as CaseMember[]) : [],
    contactNote: openOptional(c, r.contact_note_sealed),
    notes: openOptional(c, r.notes_sealed),
    status: r.status,
    version: Number(r.version),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** e.g. ENA-2026-0F3A: the city's prefix, the year, and a random part, never a name. */
export function generateCode(prefix: string, year: number): string {
  return `${prefix}-${year}-${randomBytes(2).toString('hex').toUpperCase()}`;
}

export async function insertCase(
  scope: Scope,
  c: FieldCipher,
  input: { municipality: string; code: string; members: CaseMember[]; contactNote?: string; notes?: string },
): Promise<string> {
  const id = randomBytes(12).toString('base64url');
  await scope.db.query(
    `insert into cases (id, municipality, code, members_sealed, contact_note_sealed, notes_sealed, created_by)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      input.municipality,
      input.code,
      c.seal(JSON.stringify(input.members)),
      sealOptional(c, input.contactNote),
      sealOptional(c, input.notes),
      scope.actor.userId,
    ],
  );
  return id;
}

export async function codeTaken(scope: Scope, municipality: string, code: string): Promise<boolean> {
  const rows = await scope.db.query('select 1 from cases where municipality = $1 and code = $2', [municipality, code]);
  return rows.length > 0;
}

export async function listCases(scope: Scope, c: FieldCipher): Promise<CaseSummary[]> {
  const rows = await scope.db.query<CaseRow>(
    `select * from cases where municipality = any($1::text[]) and anonymized_at is null order by updated_at desc limit 500`,
    [[...scope.municipalities]],
  );
  return rows.map((r) => {
    const full = toCase(c, r);
    return {
      id: full.id,
      municipality: full.municipality,
      code: full.code,
      memberCount: full.members.length,
      status: full.status,
      updatedAt: full.updatedAt,
    };
  });
}

export async function findCase(scope: Scope, c: FieldCipher, id: string, lock = false): Promise<Case | undefined> {
  const [row] = await scope.db.query<CaseRow>(
    `select * from cases where id = $1 and municipality = any($2::text[]) and anonymized_at is null ${lock ? 'for update' : ''}`,
    [id, [...scope.municipalities]],
  );
  return row && toCase(c, row);
}

export async function updateCase(
  scope: Scope,
  c: FieldCipher,
  next: Pick<Case, 'id' | 'members' | 'contactNote' | 'notes' | 'status'>,
): Promise<void> {
  await scope.db.query(
    `update cases set members_sealed = $2, contact_note_sealed = $3, notes_sealed = $4, status = $5,
       closed_at = case when $5 = 'closed' then coalesce(closed_at, now()) else null end,
       version = version + 1, updated_at = now() where id = $1`,
    [
      next.id,
      c.seal(JSON.stringify(next.members)),
      sealOptional(c, next.contactNote),
      sealOptional(c, next.notes),
      next.status,
    ],
  );
}
