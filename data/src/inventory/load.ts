import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from '../resource/schema.ts';
import { duplicateIds, formerIdProblems } from './check.ts';
import type { Inventory } from './schema.ts';
import { checkInventoryText, type LocatedIssue } from './yaml.ts';

export const INVENTORY_DIR = fileURLToPath(new URL('../../inventories/', import.meta.url));

export type { LocatedIssue };

export interface LoadedInventories {
  inventories: Inventory[];
  resources: Resource[];
  issues: LocatedIssue[];
}

/** Reads and checks every `*.yaml` inventory in a folder, collecting every issue. */
export function loadInventories(dir: string = INVENTORY_DIR): LoadedInventories {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const inventories: Inventory[] = [];
  const issues: LocatedIssue[] = [];
  for (const name of files) {
    const checked = checkInventoryText(name, readFileSync(join(dir, name), 'utf8'));
    issues.push(...checked.issues);
    if (checked.inventory) inventories.push(checked.inventory);
  }
  const resources = inventories.flatMap((i) => i.resources);
  for (const id of duplicateIds(resources)) {
    issues.push({ file: '(全体)', path: [], line: 0, column: 0, message: `ID「${id}」が重複しています` });
  }
  for (const message of formerIdProblems(resources))
    issues.push({ file: '(全体)', path: [], line: 0, column: 0, message });
  return { inventories, resources, issues };
}
