import { CATEGORIES, categoryLabels, type Category } from '../taxonomy/codes.ts';
import type { Inventory } from '../inventory/schema.ts';
import type { LocatedIssue } from '../inventory/yaml.ts';

export interface InventoryReport {
  ok: boolean;
  issues: LocatedIssue[];
  /** Entries per municipality × category (an entry with several categories counts in each). */
  table: { code: string; name: string; total: number; byCategory: Record<Category, number> }[];
}

export function buildReport(inventories: readonly Inventory[], issues: LocatedIssue[]): InventoryReport {
  const table = inventories.map((inv) => {
    const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    inv.resources.forEach((r) => r.categories.forEach((c) => byCategory[c]++));
    return { code: inv.municipality.code, name: inv.municipality.name, total: inv.resources.length, byCategory };
  });
  return { ok: issues.length === 0, issues, table };
}

/** East Asian wide characters take two terminal columns. */
const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export function formatIssue(i: LocatedIssue): string {
  const where = i.line > 0 ? `${i.file}:${i.line}:${i.column}` : i.file;
  const field = i.path.length > 0 ? ` (${i.path.join('.')})` : '';
  return `${where}${field}: ${i.message}`;
}

/** The plain-text table; only categories some municipality uses get a column. */
export function formatTable(report: InventoryReport): string {
  const used = CATEGORIES.filter((c) => report.table.some((row) => row.byCategory[c] > 0));
  const header = ['自治体', ...used.map((c) => categoryLabels[c].ja), '計'];
  const rows = report.table.map((row) => [
    `${row.name} (${row.code})`,
    ...used.map((c) => String(row.byCategory[c])),
    String(row.total),
  ]);
  const total = ['合計', ...used.map((c) => String(report.table.reduce((n, r) => n + r.byCategory[c], 0)))];
  total.push(String(report.table.reduce((n, r) => n + r.total, 0)));
  const all = [header, ...rows, total];
  const widths = header.map((_, col) => Math.max(...all.map((r) => width(r[col]!))));
  return all.map((r) => r.map((cell, col) => pad(cell, widths[col]!)).join('  ')).join('\n');
}
