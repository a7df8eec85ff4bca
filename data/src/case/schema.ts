import * as v from 'valibot';
import { MunicipalityCodeSchema } from '../municipality/schema.ts';
import { NeedsProfileSchema } from '../needs/schema.ts';

/** Pseudonymous, chosen by the coordinator or made by the system: never a name. */
export const CaseCodeSchema = v.pipe(
  v.string('ケースの記号を書いてください'),
  v.trim(),
  v.regex(/^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/, 'ケースの記号は英数字とハイフンで3〜40文字です（例: ENA-2026-014）'),
);

export const relationLabels = {
  self: '本人',
  mother: '母',
  father: '父',
  child: '子',
  spouse: '配偶者',
  grandparent: '祖父母',
  sibling: 'きょうだい',
  other: 'その他',
} as const;
export const RelationSchema = v.picklist(
  Object.keys(relationLabels) as (keyof typeof relationLabels)[],
  '続柄を選んでください',
);

/**
 * A member carries only what matching needs: no name, address or phone, and no exact
 * home point (the district is enough to match on).
 */
export const MemberProfileSchema = v.omit(NeedsProfileSchema, ['municipality', 'home', 'limit']);
export const CaseMemberSchema = v.object({ relation: RelationSchema, profile: MemberProfileSchema });

const text = (max: number, what: string) =>
  v.optional(v.pipe(v.string(), v.maxLength(max, `${what}は${max}文字までです`)));

export const NewCaseSchema = v.object({
  municipality: MunicipalityCodeSchema,
  code: v.optional(CaseCodeSchema),
  members: v.pipe(
    v.array(CaseMemberSchema),
    v.minLength(1, '本人を含めて1人以上登録してください'),
    v.maxLength(6, '世帯は6人までです'),
  ),
  /** How to reach the person, only if they want to be reached that way. Encrypted at rest. */
  contactNote: text(500, '連絡のメモ'),
  notes: text(2000, 'メモ'),
});

export const CasePatchSchema = v.object({
  members: v.optional(v.pipe(v.array(CaseMemberSchema), v.minLength(1), v.maxLength(6, '世帯は6人までです'))),
  contactNote: text(500, '連絡のメモ'),
  notes: text(2000, 'メモ'),
  status: v.optional(v.picklist(['open', 'closed'], '状態は open か closed です')),
  version: v.number('版を指定してください'),
});

export const CaseSchema = v.object({
  id: v.string(),
  municipality: v.string(),
  code: v.string(),
  members: v.array(CaseMemberSchema),
  contactNote: v.optional(v.string()),
  notes: v.optional(v.string()),
  status: v.picklist(['open', 'closed']),
  version: v.number(),
  createdAt: v.string(),
  updatedAt: v.string(),
});

export const CaseSummarySchema = v.object({
  id: v.string(),
  municipality: v.string(),
  code: v.string(),
  memberCount: v.number(),
  status: v.picklist(['open', 'closed']),
  updatedAt: v.string(),
});

export type CaseMember = v.InferOutput<typeof CaseMemberSchema>;
export type MemberProfile = v.InferOutput<typeof MemberProfileSchema>;
export type Case = v.InferOutput<typeof CaseSchema>;
export type CaseSummary = v.InferOutput<typeof CaseSummarySchema>;
export type NewCase = v.InferOutput<typeof NewCaseSchema>;
