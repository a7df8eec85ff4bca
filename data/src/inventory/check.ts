import * as v from 'valibot';
import { distanceKm, inJapan } from '../location/schema.ts';
import { ResourceSchema, type Resource } from '../resource/schema.ts';
import { InventoryFileSchema, withFileDefaults, type Inventory } from './schema.ts';

/** A problem found in an inventory, located by its path inside the file. */
export interface InventoryIssue {
  path: (string | number)[];
  message: string;
}

/** Resources must sit within this distance of their city hall. */
export const MAX_KM_FROM_CITY_HALL = 40;
/** A district-precision point must be the district's own point, give or take rounding. */
const SAME_POINT_KM = 0.05;

const toIssues = (issues: v.BaseIssue<unknown>[], prefix: (string | number)[]): InventoryIssue[] =>
  issues.map((i) => ({
    path: [...prefix, ...(i.path?.map((p) => p.key as string | number) ?? [])],
    message: i.message,
  }));

/** Cross-references a schema alone cannot see. Pure: the same input gives the same issues. */
export function crossCheck(inv: Inventory, at: (index: number) => (string | number)[]): InventoryIssue[] {
  const issues: InventoryIssue[] = [];
  const { municipality: m } = inv;
  const districts = new Map(m.districts.map((d) => [d.name, d]));
  inv.resources.forEach((r, i) => {
    const here = at(i);
    const issue = (field: string, message: string) => issues.push({ path: [...here, field], message });
    if (r.municipality !== m.code)
      issue('municipality', `団体コード ${r.municipality} がこのファイルの ${m.code} と違います`);
    const district = r.district === undefined ? undefined : districts.get(r.district);
    if (r.district !== undefined && !district) {
      issue('district', `地区「${r.district}」は${m.name}の地区一覧にありません`);
    }
    if (!inJapan(r.location)) issue('location', '位置が日本の範囲外です');
    const km = distanceKm(r.location, m.cityHall);
    if (km > MAX_KM_FROM_CITY_HALL) {
      issue('location', `位置が${m.name}役所から ${km.toFixed(1)} km 離れています (上限 ${MAX_KM_FROM_CITY_HALL} km)`);
    }
    if (r.location.precision === 'district') {
      if (!district?.point) issue('location', '精度 district には、代表点のある地区を district に書いてください');
      else if (distanceKm(r.location, district.point) > SAME_POINT_KM) {
        issue('location', `精度 district の位置は地区「${district.name}」の代表点と同じにしてください`);
      }
    }
    if (r.location.precision === 'municipality' && distanceKm(r.location, m.cityHall) > SAME_POINT_KM) {
      issue('location', '精度 municipality の位置は市役所の地点と同じにしてください');
    }
  });
  return issues;
}

export interface CheckedInventory {
  inventory?: Inventory;
  issues: InventoryIssue[];
}

/** Validates one parsed inventory file, reporting every issue rather than the first. */
export function checkInventory(data: unknown): CheckedInventory {
  const file = v.safeParse(InventoryFileSchema, data);
  if (!file.success) return { issues: toIssues(file.issues, []) };
  const issues: InventoryIssue[] = [];
  const resources: Resource[] = [];
  const positions: number[] = [];
  file.output.resources.forEach((raw, i) => {
    const parsed = v.safeParse(ResourceSchema, withFileDefaults(file.output, raw));
    if (parsed.success) {
      resources.push(parsed.output);
      positions.push(i);
    } else issues.push(...toIssues(parsed.issues, ['resources', i]));
  });
  const inventory = { municipality: file.output.municipality, resources };
  issues.push(...crossCheck(inventory, (k) => ['resources', positions[k]!]));
  return { inventory, issues };
}

/** Ids must be unique across every inventory. */
export function duplicateIds(resources: readonly Resource[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const r of resources) (seen.has(r.id) ? dupes : seen).add(r.id);
  return [...dupes];
}
