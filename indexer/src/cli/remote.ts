import type { LocatedIssue } from '@norishiro/data/inventories';
import type { ImportBatch, IndexEvent, IndexRunSummary, Phase } from '../run/index-run.ts';
import type { ServiceRecord } from '../runtime.ts';

export class RemoteIndexError extends Error {
  constructor(
    message: string,
    readonly issues: LocatedIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * The running service owns DATA_DIR, so the CLI hands it the work and relays its progress.
 * Without a batch the service loads the inventories itself.
 */
export async function indexViaService(
  service: ServiceRecord,
  opts: { dryRun: boolean; batch?: ImportBatch; onProgress: (phase: Phase, done: number, total: number) => void },
): Promise<IndexRunSummary> {
  const res = await fetch(`${service.url}/api/admin/index`, {
    method: 'POST',
    headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ dryRun: opts.dryRun, batch: opts.batch }),
  });
  if (!res.ok || !res.body) throw new RemoteIndexError(`The running service refused the work (HTTP ${res.status}).`);
  let buffer = '';
  const decoder = new TextDecoder();
  for await (const chunk of res.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let newline: number;
    while ((newline = buffer.indexOf('\n')) >= 0) {
      const event = JSON.parse(buffer.slice(0, newline)) as IndexEvent;
      buffer = buffer.slice(newline + 1);
      if (event.type === 'progress') opts.onProgress(event.phase, event.done, event.total);
      if (event.type === 'done') return event.summary;
      if (event.type === 'error') throw new RemoteIndexError(event.message, event.issues);
    }
  }
  throw new RemoteIndexError('The running service stopped answering before the work was done.');
}
