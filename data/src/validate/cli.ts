import { resolve } from 'node:path';
import { INVENTORY_DIR, loadInventories } from '../inventory/load.ts';
import { buildReport, formatIssue, formatTable } from './report.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirArg = args.find((a) => !a.startsWith('--'));
const dir = dirArg ? resolve(process.env.INIT_CWD ?? process.cwd(), dirArg) : INVENTORY_DIR;

const { inventories, issues } = loadInventories(dir);
const report = buildReport(inventories, issues);

if (json) {
  process.stdout.write(JSON.stringify(report, null, 2) + '\n');
} else {
  console.log(formatTable(report));
  if (report.ok) console.log(`\nOK: ${inventories.length} 自治体の台帳に問題はありません。`);
  else {
    console.error(`\n${issues.length} 件の問題があります:`);
    for (const i of issues) console.error(`  ${formatIssue(i)}`);
  }
}
process.exitCode = report.ok ? 0 : 1;
