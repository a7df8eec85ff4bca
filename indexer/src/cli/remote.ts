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
  const stopped = () =>
    new RemoteIndexError(
      '起動中のサービスが作業の途中で止まりました。データベースへの登録が済んでいれば、検索索引は次にサービスが動いたときに合わせられます。' +
        'サービスを起動し直してから、もう一度 pnpm index を実行してください（同じ内容なら「変更はありません」と出ます）。',
    );
  let res: Response;
  try {
    res = await fetch(`${service.url}/api/admin/index`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dryRun: opts.dryRun, batch: opts.batch }),
    });
  } catch {
    throw new RemoteIndexError(
      `起動中のサービス（${service.url}）に接続できませんでした。サービスが止まっているなら、起動し直してからもう一度実行してください。`,
    );
  }
  if (!res.ok || !res.body)
    throw new RemoteIndexError(`起動中のサービスが作業を受け付けませんでした（HTTP ${res.status}）。`);
  let buffer = '';
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let event: IndexEvent;
        try {
          event = JSON.parse(line) as IndexEvent;
        } catch {
          throw stopped();
        }
        if (event.type === 'progress') opts.onProgress(event.phase, event.done, event.total);
        if (event.type === 'done') return event.summary;
        if (event.type === 'error') throw new RemoteIndexError(event.message, event.issues);
      }
    }
  } catch (e) {
    // The connection dropped mid-stream: the service died or was stopped.
    if (e instanceof RemoteIndexError) throw e;
    throw stopped();
  }
  throw stopped();
}
