import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { NewAccountSchema } from '@norishiro/data';
import { SET_PASSWORD_TTL_SECONDS } from '../../accounts/routes.ts';
import { audit } from '../../audit/log.ts';
import {
  AccountError,
  createAccount,
  disableAccount,
  findAccount,
  issueToken,
  listAccounts,
} from '../../store/accounts.ts';
import { roleLabels } from '../../auth/actor.ts';
import { AdminUsageError, type AdminCommand, type AdminContext } from '../command.ts';

const CLI = { userId: null, role: null, ip: 'cli' } as const;

function options<T extends Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>>(
  args: string[],
  spec: T,
) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new AdminUsageError((e as Error).message);
  }
}

export const userAdd: AdminCommand = {
  usage: 'user add --email E --name N --role ROLE --municipality CODE [--municipality CODE…] [--resource ID…]',
  summary:
    'アカウントを作ります。パスワードを標準入力で渡すとそれを設定し、渡さないと本人が設定する一回限りのリンクを表示します。ROLE は coordinator / host / staff / admin',
  async run(ctx: AdminContext, args) {
    const o = options(args, {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      municipality: { type: 'string', multiple: true },
      resource: { type: 'string', multiple: true },
    });
    const parsed = v.safeParse(NewAccountSchema, {
      email: o.email,
      name: o.name,
      role: o.role,
      municipalities: o.municipality ?? [],
      resources: o.resource ?? [],
    });
    if (!parsed.success)
      throw new AdminUsageError(parsed.issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`).join('\n'));
    const input = parsed.output;
    if (input.role !== 'admin' && input.municipalities.length === 0)
      throw new AdminUsageError('--municipality で自治体の団体コードを1つ以上指定してください');
    const password = (await ctx.stdin()).replace(/\r?\n$/, '');
    if (password && password.length < 10) throw new AdminUsageError('パスワードは10文字以上にしてください');
    try {
      const account = await createAccount(ctx.db, ctx.auth, { ...input, password: password || undefined });
      await ctx.db.transaction((tx) =>
        audit(tx, CLI, {
          action: 'account_create',
          objectType: 'user',
          objectId: account.id,
          municipality: input.municipalities[0],
        }),
      );
      ctx.out(`${account.email}（${roleLabels[account.role].ja}）を作りました。`);
      if (!password) {
        const token = await issueToken(ctx.db, 'set_password', SET_PASSWORD_TTL_SECONDS, account.id);
        ctx.out(`パスワードを設定するリンク（7日間・一回限り）: ${ctx.origin}/staff/password?token=${token}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof AccountError) {
        ctx.err(e.message);
        return 1;
      }
      throw e;
    }
  },
};

export const userList: AdminCommand = {
  usage: 'user list',
  summary: 'アカウントの一覧を表示します',
  async run(ctx) {
    const accounts = await listAccounts(ctx.db);
    if (accounts.length === 0) {
      ctx.out('アカウントはまだありません。');
      return 0;
    }
    for (const a of accounts)
      ctx.out(
        [
          a.email,
          a.name,
          a.role,
          a.municipalities.join(',') || '-',
          a.disabled ? '無効' : '有効',
          a.twoFactorEnabled ? '2段階認証' : '',
        ]
          .join('\t')
          .trimEnd(),
      );
    return 0;
  },
};

export const userDisable: AdminCommand = {
  usage: 'user disable --email E',
  summary: 'アカウントを無効にし、ログイン中のセッションも終わらせます（記録は残ります）',
  async run(ctx, args) {
    const o = options(args, { email: { type: 'string' } });
    if (!o.email) throw new AdminUsageError('--email を指定してください');
    const account = await findAccount(ctx.db, { email: o.email });
    if (!account) {
      ctx.err(`${o.email} というアカウントはありません`);
      return 1;
    }
    await ctx.db.transaction(async (tx) => {
      await disableAccount(tx, account.id);
      await audit(tx, CLI, {
        action: 'account_disable',
        objectType: 'user',
        objectId: account.id,
        municipality: account.municipalities[0],
      });
    });
    ctx.out(`${account.email} を無効にしました。`);
    return 0;
  },
};
