// Runs every suite: builds the web app (the browser tests serve the real build), runs vitest's
// unit, integration, reliability and e2e projects, then prints the plain closing line CI reads.
//
// Each project runs its files one at a time, and most of a browser or integration test is
// spent waiting on a child process (the service, Chromium, a CLI). So two lanes run at once:
// the browser tests then the CLI-heavy integration files, beside the unit and the other
// integration tests. The reliability tests, which time how fast the service answers while its
// search engine is killed or hung, run after both, alone. Arguments (a file, `--project x`)
// run one plain vitest instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const pnpm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : ['npx', ['-y', 'pnpm@10.34.9']];

console.log('▶ Building the web app for the browser tests…');
if (spawnSync(pnpm[0], [...pnpm[1], '--filter', '@norishiro/web', 'build'], { stdio: 'inherit' }).status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

/** One vitest run; its lines are prefixed when it shares the terminal with another. */
function vitest(args, results, prefix) {
  rmSync(results, { force: true });
  const child = spawn(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}`,
      ...args,
    ],
    { stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit' },
  );
  if (prefix)
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (d) => {
        const lines = (rest + d.toString()).split('\n');
        rest = lines.pop();
        for (const line of lines) process.stdout.write(`${prefix} ${line}\n`);
      });
      stream.on('end', () => rest && process.stdout.write(`${prefix} ${rest}\n`));
    }
  return new Promise((resolve) => child.on('exit', (code) => resolve({ status: code ?? 1, results })));
}

/** Counts from a run's JSON report; a run that failed outside any test still counts one failure. */
function counts({ status, results }) {
  if (!existsSync(results)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(results, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests || (status === 0 ? 0 : 1), skipped: r.numPendingTests };
}

/**
 * Integration files that spend their time in child processes (CLIs, a killed worker): they run
 * after the browser tests in the same lane, so both lanes end at about the same time.
 */
const BESIDE_BROWSER = [
  'tests/integration/backup.test.ts',
  'tests/integration/referral-crash.test.ts',
  'tests/integration/opendata-any-city.test.ts',
  'tests/integration/hsds-standard.test.ts',
];

const runs = [];
if (process.argv.length > 2) {
  runs.push(await vitest(process.argv.slice(2), '.vitest-results.json'));
} else {
  console.log('▶ Browser tests beside unit and integration tests, then the reliability tests');
  const browserLane = async () => [
    await vitest(['--project', 'e2e'], '.vitest-results-e2e.json', '[e2e]'),
    await vitest(['--project', 'integration', ...BESIDE_BROWSER], '.vitest-results-cli.json', '[e2e]'),
  ];
  const apiLane = async () => [
    await vitest(
      ['--project', 'unit', '--project', 'integration', ...BESIDE_BROWSER.flatMap((f) => ['--exclude', f])],
      '.vitest-results.json',
      '[api]',
    ),
  ];
  runs.push(...(await Promise.all([browserLane(), apiLane()])).flat());
  runs.push(await vitest(['--project', 'reliability'], '.vitest-results-reliability.json'));
}

const total = runs.map(counts).reduce((a, b) => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
}));
console.log(`\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(runs.every((r) => r.status === 0) ? 0 : 1);
