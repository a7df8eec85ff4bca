import * as v from 'valibot';
import { distanceKm, inJapan, LocationSchema } from '../location/schema.ts';
import type { Municipality } from '../municipality/schema.ts';
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

/**
 * The fields cross-references read. Each falls back to undefined when it is itself invalid,
 * so an entry with a schema error still gets its cross-reference errors in the same run.
 */
const PlacementSchema = v.object({
  municipality: v.fallback(v.optional(v.string()), undefined),
  district: v.fallback(v.optional(v.string()), undefined),
  location: v.fallback(v.optional(LocationSchema), undefined),
});
type Placement = v.InferOutput<typeof PlacementSchema>;

/** Cross-references a schema alone cannot see. Pure: the same input gives the same issues. */
export function crossCheck(m: Municipality, r: Placement, at: (string | number)[]): InventoryIssue[] {
  const issues: InventoryIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ path: [...at, field], message });
  const districts = new Map(m.districts.map((d) => [d.name, d]));
  if (r.municipality !== undefined && r.municipality !== m.code)
    issue('municipality', `団体コード ${r.municipality} がこのファイルの ${m.code} と違います`);
  const district = r.district === undefined ? undefined : districts.get(r.district);
  if (r.district !== undefined && !district)
    issue('district', `地区「${r.district}」は${m.name}の地区一覧にありません`);
  const loc = r.location;
  if (!loc) return issues;
  if (!inJapan(loc)) issue('location', '位置が日本の範囲外です');
  const km = distanceKm(loc, m.cityHall);
  if (km > MAX_KM_FROM_CITY_HALL) {
    issue('location', `位置が${m.name}役所から ${km.toFixed(1)} km 離れています (上限 ${MAX_KM_FROM_CITY_HALL} km)`);
  }
  if (loc.precision === 'district') {
    if (!district?.point) issue('location', '精度 district には、代表点のある地区を district に書いてください');
    else if (distanceKm(loc, district.point) > SAME_POINT_KM) {
      issue('location', `精度 district の位置は地区「${district.name}」の代表点と同じにしてください`);
    }
  }
  if (loc.precision === 'municipality' && distanceKm(loc, m.cityHall) > SAME_POINT_KM) {
    issue('location', '精度 municipality の位置は市役所の地点と同じにしてください');
  }
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
  const { municipality } = file.output;
  file.output.resources.forEach((raw, i) => {
    const entry = withFileDefaults(file.output, raw);
    const parsed = v.safeParse(ResourceSchema, entry);
    if (parsed.success) resources.push(parsed.output);
    else issues.push(...toIssues(parsed.issues, ['resources', i]));
    const placement = v.safeParse(PlacementSchema, entry);
    if (placement.success) issues.push(...crossCheck(municipality, placement.output, ['resources', i]));
  });
  const inventory = { municipality, resources };
  return { inventory, issues };
}

/** Ids must be unique across every inventory. */
export function duplicateIds(resources: readonly Resource[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const r of resources) (seen.has(r.id) ? dupes : seen).add(r.id);
  return [...dupes];
}
