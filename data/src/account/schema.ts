import * as v from 'valibot';

export const RoleSchema = v.picklist(['coordinator', 'host', 'staff', 'admin'], '役割を選んでください');
export type Role = v.InferOutput<typeof RoleSchema>;

export const roleLabels: Record<Role, { ja: string; en: string }> = {
  coordinator: { ja: '参加支援・相談支援の担当者', en: 'Coordinator' },
  host: { ja: '受け入れ先・資源の運営者', en: 'Host' },
  staff: { ja: '市の担当課・事務局', en: 'Municipal staff' },
  admin: { ja: 'システム管理者', en: 'Administrator' },
};

const MunicipalityCode = v.pipe(v.string(), v.regex(/^\d{6}$/, '団体コードは6桁の数字です'));

/** Who is signed in, as the API tells the web app (`GET /api/me`). */
export const SessionActorSchema = v.object({
  userId: v.string(),
  email: v.string(),
  name: v.string(),
  role: RoleSchema,
  municipalities: v.array(MunicipalityCode),
  resources: v.array(v.string()),
});
export type SessionActor = v.InferOutput<typeof SessionActorSchema>;

export const PasswordSchema = v.pipe(
  v.string('パスワードを入力してください'),
  v.minLength(10, 'パスワードは10文字以上にしてください'),
  v.maxLength(128, 'パスワードは128文字までです'),
);
export const EmailSchema = v.pipe(
  v.string('メールアドレスを入力してください'),
  v.trim(),
  v.email('メールアドレスの形が正しくありません'),
);
export const PersonNameSchema = v.pipe(
  v.string('名前を入力してください'),
  v.trim(),
  v.minLength(1, '名前を入力してください'),
  v.maxLength(100, '名前は100文字までです'),
);

export const NewAccountSchema = v.object({
  email: EmailSchema,
  name: PersonNameSchema,
  role: RoleSchema,
  municipalities: v.array(MunicipalityCode),
  resources: v.optional(v.array(v.string()), []),
});

export const AccountSchema = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  role: RoleSchema,
  disabled: v.boolean(),
  twoFactorEnabled: v.boolean(),
  municipalities: v.array(v.string()),
  resources: v.array(v.string()),
  createdAt: v.string(),
});
export type Account = v.InferOutput<typeof AccountSchema>;

export const SetupSchema = v.object({
  token: v.string(),
  email: EmailSchema,
  name: PersonNameSchema,
  password: PasswordSchema,
});
export const SetPasswordSchema = v.object({ token: v.string(), password: PasswordSchema });
