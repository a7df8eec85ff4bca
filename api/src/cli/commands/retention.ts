import { parseArgs } from 'node:util';
import { applyRetention } from '../../jobs/retention.ts';
import { expiredCases } from '../../store/retention.ts';
import { AdminUsageError, type AdminCommand } from '../command.ts';

export const retention: AdminCommand = {
  usage: 'retention [--dry-run]',
  summary:
    '保存期間（自治体ごと、既定5年）を過ぎた終了ケースを匿名化します。紹介の状態と日付は統計のために残し、記号・世帯員・メモは消します。--dry-run で件数だけを表示',
  async run(ctx, args) {
    let dryRun: boolean;
    try {
      dryRun = !!parseArgs({ args, options: { 'dry-run': { type: 'boolean' } }, strict: true }).values['dry-run'];
    } catch (e) {
      throw new AdminUsageError((e as Error).message);
    }
    const expired = await expiredCases(ctx.db);
    const byCity = new Map<string, number>();
    for (const c of expired) byCity.set(c.municipality, (byCity.get(c.municipality) ?? 0) + 1);
    if (expired.length === 0) {
      ctx.out('保存期間を過ぎたケースはありません。');
      return 0;
    }
    for (const [city, n] of byCity) ctx.out(`${city}: ${n} 件`);
    if (dryRun) {
      ctx.out(`匿名化の対象は合わせて ${expired.length} 件です（--dry-run のため何も変えていません）。`);
      return 0;
    }
    const done = await ctx.db.transaction((tx) => applyRetention(tx));
    ctx.out(`${done} 件を匿名化しました。`);
    return 0;
  },
};
