import * as v from 'valibot';

/** Bilingual label: Japanese first, English second. */
export interface Label {
  readonly ja: string;
  readonly en: string;
}

export const categoryLabels = {
  ibasho: { ja: '居場所', en: 'Drop-in place' },
  salon: { ja: 'サロン・通いの場', en: 'Salon / regular gathering' },
  work_experience: { ja: '就労体験', en: 'Work experience' },
  volunteer_experience: { ja: 'ボランティア活動体験', en: 'Volunteer experience' },
  employment_support: { ja: '就労支援・就労継続支援', en: 'Employment support' },
  consultation: { ja: '相談窓口', en: 'Consultation' },
  childcare_hub: { ja: '子育て支援拠点', en: 'Child-rearing support hub' },
  activity_center: { ja: '地域活動支援センター', en: 'Community activity support centre' },
  learning_support: { ja: '学習・生活支援', en: 'Learning and daily-life support' },
  care_prevention: { ja: '介護予防の通いの場', en: 'Care-prevention gathering' },
  life_support: { ja: '生活支援', en: 'Daily-life support' },
  outreach: { ja: 'アウトリーチ', en: 'Outreach' },
  coordination: { ja: '多機関協働・コーディネート', en: 'Multi-agency coordination' },
} as const satisfies Record<string, Label>;

export const targetLabels = {
  anyone: { ja: '属性を問わない', en: 'Anyone' },
  elderly: { ja: '高齢者', en: 'Older people' },
  dementia: { ja: '認知症の人と家族', en: 'People with dementia and families' },
  disability: { ja: '障がいのある人', en: 'People with disabilities' },
  child_rearing: { ja: '子育て中の親子', en: 'Parents raising children' },
  children: { ja: '子ども', en: 'Children' },
  school_refusal: { ja: '不登校', en: 'School refusal' },
  youth: { ja: '若者', en: 'Young people' },
  hikikomori: { ja: 'ひきこもり', en: 'Social withdrawal (hikikomori)' },
  poverty: { ja: '生活困窮', en: 'Financial hardship' },
  single_parent: { ja: 'ひとり親', en: 'Single parents' },
  caregiver: { ja: '介護者・ケアラー', en: 'Family carers' },
} as const satisfies Record<string, Label>;

export const stageLabels = {
  1: { ja: 'つながる', en: 'Reconnect' },
  2: { ja: '参加する', en: 'Take part' },
  3: { ja: '役割を試す', en: 'Try a role' },
  4: { ja: '働く', en: 'Work' },
} as const satisfies Record<number, Label>;

export const dayLabels = {
  mon: { ja: '月', en: 'Mon' },
  tue: { ja: '火', en: 'Tue' },
  wed: { ja: '水', en: 'Wed' },
  thu: { ja: '木', en: 'Thu' },
  fri: { ja: '金', en: 'Fri' },
  sat: { ja: '土', en: 'Sat' },
  sun: { ja: '日', en: 'Sun' },
} as const satisfies Record<string, Label>;

export const operationLabels = {
  direct: { ja: '直営', en: 'Run by the municipality' },
  contracted: { ja: '委託', en: 'Contracted out' },
  resident_led: { ja: '住民主体', en: 'Resident-led' },
  provider: { ja: '事業者', en: 'Service provider' },
} as const satisfies Record<string, Label>;

export const statusLabels = {
  active: { ja: '実施中', en: 'Active' },
  planned: { ja: '開設予定', en: 'Planned' },
  /** The plan says it is being considered (検討): not decided, let alone open. */
  considering: { ja: '検討中', en: 'Under consideration' },
  ended: { ja: '終了', en: 'Ended' },
} as const satisfies Record<string, Label>;

/**
 * What an entry is. Only places, programmes and services are something a resident can go to
 * or join; roles (a person's post) and meetings stay in the directory for staff and search.
 */
export const kindLabels = {
  place: { ja: '場所', en: 'Place' },
  programme: { ja: '事業・活動', en: 'Programme' },
  service: { ja: '相談・支援', en: 'Service' },
  role: { ja: '役割（人）', en: 'Role (a post held by people)' },
  meeting: { ja: '会議', en: 'Meeting' },
} as const satisfies Record<string, Label>;

export const featureLabels = {
  free: { ja: '無料', en: 'Free of charge' },
  wheelchair: { ja: '車いすで利用できる', en: 'Wheelchair accessible' },
  peer_support: { ja: '当事者・ピアの支え', en: 'Peer support' },
  small_group: { ja: '少人数', en: 'Small group' },
  child_welcome: { ja: '子ども連れで参加できる', en: 'Children welcome' },
} as const satisfies Record<string, Label>;

const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const CategorySchema = v.picklist(keysOf(categoryLabels), '分類コードが正しくありません');
export const TargetSchema = v.picklist(keysOf(targetLabels), '対象コードが正しくありません');
export const StageSchema = v.picklist([1, 2, 3, 4] as const, '段階は 1〜4 で指定してください');
export const DaySchema = v.picklist(keysOf(dayLabels), '曜日コードが正しくありません (mon〜sun)');
export const OperationSchema = v.picklist(keysOf(operationLabels), '運営形態コードが正しくありません');
export const StatusSchema = v.picklist(keysOf(statusLabels), '状態コードが正しくありません');
export const FeatureSchema = v.picklist(keysOf(featureLabels), '特徴コードが正しくありません');
export const KindSchema = v.picklist(
  keysOf(kindLabels),
  '種類は place / programme / service / role / meeting のいずれかです',
);

export type Category = v.InferOutput<typeof CategorySchema>;
export type Target = v.InferOutput<typeof TargetSchema>;
export type Stage = v.InferOutput<typeof StageSchema>;
export type Day = v.InferOutput<typeof DaySchema>;
export type Operation = v.InferOutput<typeof OperationSchema>;
export type Status = v.InferOutput<typeof StatusSchema>;
export type Feature = v.InferOutput<typeof FeatureSchema>;
export type Kind = v.InferOutput<typeof KindSchema>;

export const DAYS = keysOf(dayLabels) as readonly Day[];
export const CATEGORIES = keysOf(categoryLabels) as readonly Category[];
export const TARGETS = keysOf(targetLabels) as readonly Target[];
export const STAGES = [1, 2, 3, 4] as const satisfies readonly Stage[];
export const KINDS = keysOf(kindLabels) as readonly Kind[];

/** Kinds a resident can be offered (listed as somewhere to go, ranked in matching). */
export const OFFERED_KINDS: readonly Kind[] = ['place', 'programme', 'service'];
export const isOfferedKind = (kind: Kind): boolean => OFFERED_KINDS.includes(kind);

/**
 * The kind a category usually is, for generated or imported data that does not say. Plan
 * entries never rely on it: each says its kind after reading the plan.
 */
export const USUAL_KIND: Record<Category, Kind> = {
  ibasho: 'place',
  salon: 'place',
  work_experience: 'programme',
  volunteer_experience: 'programme',
  employment_support: 'service',
  consultation: 'service',
  childcare_hub: 'place',
  activity_center: 'place',
  learning_support: 'programme',
  care_prevention: 'place',
  life_support: 'service',
  outreach: 'service',
  coordination: 'service',
};

/** Statuses that are not open yet: never shown or ranked as open. */
export const NOT_YET_OPEN: readonly Status[] = ['planned', 'considering'];

/** Categories that are bodies, not a place to go or a program to join. */
export const NON_PLACE_CATEGORIES: readonly Category[] = ['coordination'];

export const taxonomy = {
  categories: categoryLabels,
  targets: targetLabels,
  stages: stageLabels,
  days: dayLabels,
  operations: operationLabels,
  statuses: statusLabels,
  features: featureLabels,
  kinds: kindLabels,
} as const;
