import type { AuditRow } from '@norishiro/data';

const BOM = '\uFEFF';
const HEADERS = ['番号', '日時', '操作した人', '役割', '自治体', '操作', '対象の種類', '対象のID', '接続元', '結果'];

/** RFC 4180 quoting; a leading =,+,-,@ is defused so Excel never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a BOM and CRLF line ends: opens with the right characters in Excel. */
export function auditCsv(rows: AuditRow[]): string {
  const lines = [HEADERS.map(csvCell).join(',')];
  for (const r of rows)
    lines.push(
      [
        r.seq,
        r.at,
        r.actorName ?? r.actorId ?? '',
        r.actorRole,
        r.municipality,
        r.action,
        r.objectType,
        r.objectId,
        r.client,
        r.outcome,
      ]
        .map(csvCell)
        .join(','),
    );
  return BOM + lines.join('\r\n') + '\r\n';
}
