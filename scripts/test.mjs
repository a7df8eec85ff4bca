// Runs every suite: builds the web app (the browser tests serve the real build), runs
// vitest's unit, integration and e2e projects, then prints the plain closing line CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const results = '.vitest-results.json';
const pnpm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : ['npx', ['-y', 'pnpm@10.34.9']];
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit' }).status ?? 1;

console.log('▶ Building the web app for the browser tests…');
if (run(pnpm[0], [...pnpm[1], '--filter', '@norishiro/web', 'build']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

rmSync(results, { force: true });
const status = run(process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}`,
  ...process.argv.slice(2),
]);

if (existsSync(results)) {
  const r = JSON.parse(readFileSync(results, 'utf8'));
  // A run that failed before or outside any test (setup, a suite that would not load) still fails.
  const failed = r.numFailedTests || (status === 0 ? 0 : 1);
  console.log(
    `\n${r.numPassedTests} passed, ${failed} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ''}`,
  );
} else {
  console.log('\n0 passed, 1 failed');
}
process.exit(status);
