import { firstBrokenRow } from '../../audit/chain.ts';
import { readChain } from '../../audit/log.ts';
import type { AdminCommand } from '../command.ts';

export const auditVerify: AdminCommand = {
  usage: 'audit verify',
  summary: '操作記録のハッシュの鎖を最初から計算し直し、改ざんや欠けがあれば最初の行を示します',
  async run(ctx) {
    const rows = await readChain(ctx.db);
    const broken = firstBrokenRow(rows);
    if (broken) {
      ctx.err(`操作記録の行 ${broken.seq} で鎖が切れています: ${broken.reason}`);
      return 1;
    }
    ctx.out(`操作記録 ${rows.length} 行を確かめました。改ざんや欠けはありません。`);
    return 0;
  },
};
