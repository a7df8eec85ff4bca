import * as v from 'valibot';
import { MemberProfileSchema } from '../case/schema.ts';

export const referralStatusLabels = {
  draft: '下書き',
  referred: '紹介済み',
  host_confirmed: '受け入れ先が確認',
  visit_scheduled: '見学・体験の日が決定',
  started: '参加開始',
  settled: '定着',
  ended: '終了',
  not_established: '不成立',
} as const;
export type ReferralStatus = keyof typeof referralStatusLabels;
export const ReferralStatusSchema = v.picklist(
  Object.keys(referralStatusLabels) as ReferralStatus[],
  '状態が正しくありません',
);

/** The loop a referral walks; 不成立 may end any open one. */
export const NEXT_STATUS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['referred', 'not_established'],
  referred: ['host_confirmed', 'not_established'],
  host_confirmed: ['visit_scheduled', 'not_established'],
  visit_scheduled: ['started', 'not_established'],
  started: ['settled', 'ended', 'not_established'],
  settled: ['ended', 'not_established'],
  ended: [],
  not_established: [],
};
export const isOpen = (s: ReferralStatus) => NEXT_STATUS[s].length > 0;
export const canMove = (from: ReferralStatus, to: ReferralStatus) => NEXT_STATUS[from].includes(to);

export const closingReasonLabels = {
  declined_by_person: '本人の辞退',
  host_circumstances: '受け入れ先の事情',
  schedule: '日程',
  transport: '移動手段',
  not_eligible: '対象外',
  other: 'その他',
} as const;
export const ClosingReasonSchema = v.picklist(
  Object.keys(closingReasonLabels) as (keyof typeof closingReasonLabels)[],
  '理由を選んでください',
);

/** What about the person a host may see, item by item. */
export const sharedItemLabels = {
  situations: '状況',
  stage: '参加の段階',
  availability: '空いている時間',
  interests: '興味・関心',
  note: '受け入れ先へのメモ',
} as const;
export type SharedItem = keyof typeof sharedItemLabels;
export const SharedItemSchema = v.picklist(
  Object.keys(sharedItemLabels) as SharedItem[],
  '共有する項目が正しくありません',
);
export const ALL_SHARED_ITEMS = Object.keys(sharedItemLabels) as SharedItem[];

const date = (what: string) =>
  v.pipe(v.string(`${what}を入力してください`), v.isoDate(`${what}は YYYY-MM-DD で入力してください`));

/**
 * The legal basis for sharing anything with a host: the person's own consent, or a
 * 支援会議 (社会福祉法第106条の6) whose members, the host among them, are bound to secrecy.
 */
export const ConsentSchema = v.variant(
  'basis',
  [
    v.object({
      basis: v.literal('consent'),
      date: date('同意を得た日'),
      method: v.picklist(['oral', 'written'], '同意の方法（口頭・書面）を選んでください'),
      obtainedBy: v.pipe(
        v.string('同意を得た人を入力してください'),
        v.trim(),
        v.minLength(1, '同意を得た人を入力してください'),
        v.maxLength(100),
      ),
      items: v.array(SharedItemSchema),
    }),
    v.object({
      basis: v.literal('support_meeting'),
      meetingDate: date('支援会議の日'),
      hostIsMember: v.literal(true, '受け入れ先が支援会議の構成員であることを確認してください'),
    }),
  ],
  '共有の根拠（本人同意か支援会議）を選んでください',
);
export type Consent = v.InferOutput<typeof ConsentSchema>;

export const consentExplanations = {
  consent: '本人同意: 本人が同意した項目だけを、受け入れ先に伝えます。同意はいつでも取り消せます。',
  support_meeting:
    '支援会議（社会福祉法第106条の6）: 守秘義務のある会議の構成員どうしでは、本人の同意がなくても必要な情報を共有できます。',
} as const;

/** Items a consent lets the host see; a withdrawn consent lets them see nothing. */
export function sharedItems(consent: Consent, withdrawn: boolean): SharedItem[] {
  if (withdrawn) return [];
  return consent.basis === 'support_meeting' ? ALL_SHARED_ITEMS : consent.items;
}

export const NewReferralSchema = v.object({
  caseId: v.string('ケースを指定してください'),
  member: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(5)),
  resourceId: v.string('紹介先の資源を指定してください'),
  consent: ConsentSchema,
  /** For the host, shared only if the consent covers `note`. Encrypted at rest. */
  noteForHost: v.optional(v.pipe(v.string(), v.maxLength(1000, 'メモは1000文字までです'))),
  /** Sent now, or kept as a draft. */
  send: v.optional(v.boolean(), true),
});

export const ReferralEventInputSchema = v.object({
  to: v.optional(ReferralStatusSchema),
  version: v.number('版を指定してください'),
  note: v.optional(v.pipe(v.string(), v.maxLength(1000, 'メモは1000文字までです'))),
  reason: v.optional(ClosingReasonSchema),
  visitDate: v.optional(date('見学・体験の日')),
  withdrawConsent: v.optional(v.boolean()),
  attended: v.optional(v.boolean()),
});

export const ReferralEventSchema = v.object({
  at: v.string(),
  actorName: v.nullable(v.string()),
  from: v.nullable(ReferralStatusSchema),
  to: v.nullable(ReferralStatusSchema),
  kind: v.string(),
  note: v.optional(v.string()),
  reason: v.optional(ClosingReasonSchema),
});

/** What the host of the resource is shown: the consented items and nothing else. */
export const SharedProfileSchema = v.object({
  situations: v.optional(MemberProfileSchema.entries.situations),
  stage: v.optional(MemberProfileSchema.entries.stage),
  availability: v.optional(MemberProfileSchema.entries.availability),
  interests: v.optional(MemberProfileSchema.entries.interests),
  note: v.optional(v.string()),
});

export const FollowupSchema = v.object({
  id: v.number(),
  referralId: v.string(),
  dueOn: v.string(),
  kind: v.picklist(['scheduled', 'host_request']),
  doneAt: v.nullable(v.string()),
  how: v.optional(v.string()),
  next: v.optional(v.string()),
  caseCode: v.optional(v.string()),
  resourceName: v.optional(v.string()),
});

export const FollowupRecordSchema = v.object({
  how: v.pipe(v.string('様子を書いてください'), v.trim(), v.minLength(1, '様子を書いてください'), v.maxLength(1000)),
  next: v.optional(v.pipe(v.string(), v.maxLength(500))),
});

export const ReferralSchema = v.object({
  id: v.string(),
  caseId: v.nullable(v.string()),
  caseCode: v.nullable(v.string()),
  municipality: v.string(),
  resourceId: v.string(),
  resourceName: v.string(),
  status: ReferralStatusSchema,
  consent: v.nullable(ConsentSchema),
  consentWithdrawn: v.boolean(),
  shared: SharedProfileSchema,
  visitDate: v.nullable(v.string()),
  coordinatorName: v.nullable(v.string()),
  version: v.number(),
  createdAt: v.string(),
  events: v.array(ReferralEventSchema),
  followups: v.array(FollowupSchema),
});
export type Referral = v.InferOutput<typeof ReferralSchema>;
export type Followup = v.InferOutput<typeof FollowupSchema>;
export type SharedProfile = v.InferOutput<typeof SharedProfileSchema>;
export type NewReferral = v.InferOutput<typeof NewReferralSchema>;
export type ReferralEventInput = v.InferOutput<typeof ReferralEventInputSchema>;

/** Default 定着支援 schedule after 参加開始: 2 weeks, 1 month, 3 months. */
export const DEFAULT_FOLLOWUP_DAYS = [14, 30, 90] as const;

/**
 * Small-cell suppression for figures staff share: 1 or 2 could point at a person, so they
 * read 「3未満」. Zero reveals no one and stays 0.
 */
export const SMALL_COUNT = '3未満';
export const suppressSmall = (n: number): number | typeof SMALL_COUNT => (n > 0 && n < 3 ? SMALL_COUNT : n);

const SuppressedCountSchema = v.union([v.number(), v.literal(SMALL_COUNT)]);
/** Per resource: referrals sent, accepted, started, still attending three months on. */
export const OutcomeRowSchema = v.object({
  resourceId: v.string(),
  resourceName: v.string(),
  sent: SuppressedCountSchema,
  accepted: SuppressedCountSchema,
  started: SuppressedCountSchema,
  stillAt3Months: SuppressedCountSchema,
});
