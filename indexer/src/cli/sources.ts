import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Inventory, Municipality, Resource } from '@norishiro/data';
import { importHsds } from '../formats/hsds/index.ts';
import { importOpenDataCsv, parseMapping } from '../formats/opendata-csv/index.ts';
import type { ImportBatch } from '../run/index-run.ts';

export interface Rejected {
  where: string;
  reason: string;
}

const readJson = (file: string, what: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${what} ${file} を JSON として読めません: ${(e as Error).message}`);
  }
};

/**
 * A 自治体標準オープンデータセット CSV, mapped to categories by the user's mapping file.
 * Bad rows are rejected one by one; the rest import.
 */
export function csvBatch(file: string, mappingFile: string, municipalities: readonly Municipality[]) {
  const mapping = parseMapping(readJson(mappingFile, '対応表'));
  const result = importOpenDataCsv(readFileSync(file), { fileName: basename(file), municipalities, mapping });
  const used = new Set(result.resources.map((r) => r.municipality));
  const batch: ImportBatch = {
    origin: `csv:${basename(file)}`,
    municipalities: municipalities.filter((m) => used.has(m.code)),
    resources: result.resources,
  };
  const rejected: Rejected[] = result.rejected.map((r) => ({
    where: `${basename(file)} ${r.line} 行目`,
    reason: r.reason,
  }));
  return { batch, rejected, note: `文字コード ${result.encoding}、様式 ${result.layout ?? '不明'}` };
}

/**
 * An Open Referral HSDS 3 JSON file, ours or another directory's; `municipality` names the
 * city for services whose data does not say which one they belong to.
 */
export function hsdsBatch(file: string, opts: { municipalities: readonly Municipality[]; municipality?: string }) {
  const result = importHsds(readJson(file, 'HSDS ファイル'), {
    ...opts,
    fileName: basename(file),
    today: new Date().toISOString().slice(0, 10),
  });
  const batch: ImportBatch = {
    origin: `hsds:${basename(file)}`,
    municipalities: result.inventories.map((i) => i.municipality),
    resources: result.inventories.flatMap((i) => i.resources),
  };
  const rejected: Rejected[] = result.issues.map((i) => ({
    where: `${basename(file)} ${i.resource ?? i.id}`,
    reason: i.message,
  }));
  return { batch, rejected };
}

/** Groups the directory's resources under their municipalities, as HSDS export expects. */
export function asInventories(municipalities: readonly Municipality[], resources: readonly Resource[]): Inventory[] {
  return municipalities.map((municipality) => ({
    municipality,
    resources: resources.filter((r) => r.municipality === municipality.code),
  }));
}
