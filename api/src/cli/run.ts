import { AdminUsageError, type AdminCommand, type AdminContext } from './command.ts';
import { commands } from './commands.ts';

/** The longest registered key the words start with: `user add --email …` → `user add`. */
export function findCommand(argv: string[]): { key: string; command: AdminCommand; args: string[] } | undefined {
  for (let n = Math.min(3, argv.length); n > 0; n--) {
    const key = argv.slice(0, n).join(' ');
    const command = commands[key];
    if (command) return { key, command, args: argv.slice(n) };
  }
  return undefined;
}

export function usage(): string {
  const lines = Object.entries(commands)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, c]) => `  pnpm admin ${c.usage}\n      ${c.summary}`);
  return `使い方: pnpm admin <コマンド>\n\n${lines.join('\n')}`;
}

/** Runs one command; a user's mistake prints a plain sentence and exits 2. */
export async function runAdmin(ctx: AdminContext, argv: string[]): Promise<number> {
  const found = findCommand(argv);
  if (!found) {
    ctx.err(
      argv.length && !['-h', '--help', 'help'].includes(argv[0]!)
        ? `「${argv.join(' ')}」というコマンドはありません。\n`
        : '',
    );
    ctx.err(usage());
    return argv.length && !['-h', '--help', 'help'].includes(argv[0]!) ? 2 : 0;
  }
  if (found.args.includes('--help') || found.args.includes('-h')) {
    ctx.out(`使い方: pnpm admin ${found.command.usage}\n${found.command.summary}`);
    return 0;
  }
  if (found.command.offline && ctx.inService) {
    ctx.err(`「${found.key}」はサービスを止めてから実行してください。`);
    return 1;
  }
  try {
    return await found.command.run(ctx, found.args);
  } catch (e) {
    if (e instanceof AdminUsageError) {
      ctx.err(`${e.message}\n使い方: pnpm admin ${found.command.usage}`);
      return 2;
    }
    throw e;
  }
}
