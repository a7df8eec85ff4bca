import { PHASE_LABELS, type Phase } from '../run/index-run.ts';

const WIDTH = 24;

/** A progress bar on a terminal; silence elsewhere (CI logs, pipes, --json). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  let last = '';
  return {
    update(phase: Phase, done: number, total: number) {
      if (!enabled || total === 0) return;
      const filled = Math.round((done / total) * WIDTH);
      const line = `${PHASE_LABELS[phase].padEnd(6, '　')} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total}`;
      if (line === last) return;
      last = line;
      stream.write(`\r${line}`);
    },
    done() {
      if (enabled && last) stream.write('\n');
      last = '';
    },
  };
}
