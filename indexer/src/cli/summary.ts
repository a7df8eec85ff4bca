import type { IndexRunSummary } from '../run/index-run.ts';
import { isUnchanged } from '../run/index-run.ts';

const show = (v: unknown) => (v === undefined ? '(なし)' : JSON.stringify(v));

/** The end-of-run summary in plain words. */
export function formatSummary(s: IndexRunSummary): string {
  const lines = [
    `${s.dryRun ? '[試行: 何も書き込んでいません] ' : ''}追加 ${s.added} / 更新 ${s.updated} / 削除 ${s.removed} / 変更なし ${s.unchanged} / 競合 ${s.conflicts.length} — ${s.seconds.toFixed(1)} 秒`,
    s.indexRebuilt
      ? `検索索引を${s.dryRun ? '作り直す必要があります' : '作り直しました'}（${s.documents} 件）。`
      : `検索索引は最新です（${s.documents} 件）。`,
  ];
  if (isUnchanged(s)) lines.push('変更はありません。データベースも検索索引もそのままです。');
  for (const c of s.conflicts) {
    lines.push(
      `競合: ${c.id} の「${c.field}」は職員が変更しているため残しました（職員: ${show(c.staff)} / 取り込み: ${show(c.incoming)}）`,
    );
  }
  return lines.join('\n');
}
