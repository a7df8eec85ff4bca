import * as v from 'valibot';
import { districtKey } from '../district/resolve.ts';
import { distanceKm, inJapan, LocationSchema, locationPoint } from '../location/schema.ts';
import type { Municipality } from '../municipality/schema.ts';
import { ResourceSchema, type Resource } from '../resource/schema.ts';
import { KindSchema, isOfferedKind } from '../taxonomy/codes.ts';
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
  kind: v.fallback(v.optional(KindSchema), undefined),
  notes: v.fallback(v.optional(v.string()), undefined),
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
  // A role or a meeting is never offered to a resident: its notes say why it is listed at all.
  if (r.kind !== undefined && !isOfferedKind(r.kind) && !r.notes?.trim())
    issue(
      'notes',
      '種類 role / meeting の資源には、なぜ台帳にあるのか（住民に案内しない理由）を notes に書いてください',
    );
  const loc = r.location;
  if (!loc) return issues;
  const point = locationPoint(loc);
  if (loc.outside) {
    // The city's own points (its hall, its districts) would draw the place where it is not.
    if (loc.precision === 'district' || loc.precision === 'municipality')
      issue('location', '市外の場所は、住所が確かなとき（address）のほかは位置なし（unknown）にしてください');
    if (point && distanceKm(point, m.cityHall) <= SAME_POINT_KM)
      issue('location', `市外の場所を${m.name}役所の地点に置かないでください`);
    if (point && !inJapan(point)) issue('location', '位置が日本の範囲外です');
    return issues;
  }
  if (!point) return issues;
  if (!inJapan(point)) issue('location', '位置が日本の範囲外です');
  const km = distanceKm(point, m.cityHall);
  if (km > MAX_KM_FROM_CITY_HALL) {
    issue('location', `位置が${m.name}役所から ${km.toFixed(1)} km 離れています (上限 ${MAX_KM_FROM_CITY_HALL} km)`);
  }
  if (loc.precision === 'district') {
    if (!district?.point) issue('location', '精度 district には、代表点のある地区を district に書いてください');
    else if (distanceKm(point, district.point) > SAME_POINT_KM) {
      issue('location', `精度 district の位置は地区「${district.name}」の代表点と同じにしてください`);
    }
  }
  if (loc.precision === 'municipality' && km > SAME_POINT_KM) {
    issue('location', '精度 municipality の位置は市役所の地点と同じにしてください');
  }
  return issues;
}

/**
 * The district list itself: each point cites its source, and no name people type (a name,
 * a reading or an alias, after folding ヶ/ケ and kana) may lead to two districts.
 */
export function checkDistricts(m: Municipality): InventoryIssue[] {
  const issues: InventoryIssue[] = [];
  const owner = new Map<string, string>();
  m.districts.forEach((d, i) => {
    const at = ['municipality', 'districts', i];
    if (d.point && !d.pointOf?.trim())
      issues.push({ path: [...at, 'pointOf'], message: `地区「${d.name}」の代表点の出典を pointOf に書いてください` });
    if (d.point && distanceKm(d.point, m.cityHall) > MAX_KM_FROM_CITY_HALL)
      issues.push({ path: [...at, 'point'], message: `地区「${d.name}」の代表点が${m.name}役所から離れすぎています` });
    for (const name of new Set([d.name, d.reading, ...(d.aliases ?? [])].map(districtKey))) {
      const other = owner.get(name);
      if (other !== undefined && other !== d.name)
        issues.push({
          path: [...at, 'aliases'],
          message: `「${name}」が地区「${other}」と「${d.name}」の両方を指しています`,
        });
      else owner.set(name, d.name);
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
  const { municipality } = file.output;
  issues.push(...checkDistricts(municipality));
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

/**
 * A former id answers with the one resource it was merged into, so it may appear once in
 * the whole directory and never be a live id again.
 */
export function formerIdProblems(resources: readonly Resource[]): string[] {
  const live = new Set(resources.map((r) => r.id));
  const survivorOf = new Map<string, string>();
  const problems: string[] = [];
  for (const r of resources) {
    for (const former of r.formerIds ?? []) {
      if (live.has(former)) problems.push(`以前の ID「${former}」（${r.id}）が、いまも別の資源の ID です`);
      const other = survivorOf.get(former);
      if (other !== undefined) problems.push(`以前の ID「${former}」が ${other} と ${r.id} の両方にあります`);
      else survivorOf.set(former, r.id);
    }
  }
  return problems;
}
