import * as v from 'valibot';
import {
  MAX_KM_FROM_CITY_HALL,
  ResourceSchema,
  ScheduleSchema,
  distanceKm,
  inJapan,
  type Inventory,
  type Municipality,
  type Resource,
} from '@norishiro/data';
import { classify, type Classification, type Mapping } from '../opendata-csv/mapping.ts';
import type { HsdsStatus } from './dataset.ts';
import { LG_CODE_TYPE } from './export.ts';
import { readHsds, type LooseTabular, type Row } from './read.ts';
import { fromHsdsSchedules, type ScheduleExtension } from './schedule.ts';
import { EXTENSION_TAXONOMY, TAXONOMY_FIELDS, taxonomyId, type ExtensionTerm, type TaxonomyField } from './taxonomy.ts';

export interface HsdsIssue {
  /** The HSDS id of the service (or organization) at fault. */
  id: string;
  /** The Norishiro resource id it would have had. */
  resource?: string;
  message: string;
}

export interface HsdsImport {
  inventories: Inventory[];
  /** Services left out, each with the reason. */
  issues: HsdsIssue[];
  /** Services taken in with something filled by a rule rather than by the data (said in their notes too). */
  warnings: HsdsIssue[];
}

export interface HsdsImportOptions {
  /** Municipalities the directory knows; a service of any other is refused with how to add it. */
  municipalities: readonly Municipality[];
  /** The municipality services belong to when the data does not say (data we did not write). */
  municipality?: string;
  /** Categories, targets and stages for services without Norishiro's codes, by their fields. */
  mapping?: Mapping;
  /** Cited as source.file for services without a Norishiro source. */
  fileName: string;
  /** YYYY-MM-DD for services that carry no date. */
  today: string;
}

const STATUS_FROM_HSDS: Record<HsdsStatus, Resource['status']> = {
  active: 'active',
  'temporarily closed': 'active',
  inactive: 'planned',
  defunct: 'ended',
};

/** When neither the data nor the mapping classifies a service: said in its notes. */
const FALLBACK_CLASSIFICATION: Classification = { categories: ['consultation'], targets: ['anyone'], stages: [1] };

const str = (x: unknown) => (typeof x === 'string' && x.trim() !== '' ? x : undefined);
const num = (x: unknown) => {
  const n = typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

const groupBy = (items: readonly Row[], key: string) => {
  const map = new Map<string, Row[]>();
  for (const item of items) {
    const k = str(item[key]);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
};

const messages = (issues: v.BaseIssue<unknown>[]) =>
  issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`.replace(/^: /, '')).join('; ');

const validUrl = (s: string | undefined) => {
  try {
    return s !== undefined && ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

const isoDate = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : undefined);

/** Taxonomy term id → what it stands for: one of Norishiro's code lists or extension terms. */
function termIndex(data: LooseTabular) {
  const byTaxonomy = new Map<string, TaxonomyField | typeof EXTENSION_TAXONOMY>(
    [...Object.keys(TAXONOMY_FIELDS), EXTENSION_TAXONOMY].map((f) => [
      taxonomyId(f as TaxonomyField),
      f as TaxonomyField,
    ]),
  );
  const terms = new Map<string, { field: TaxonomyField | typeof EXTENSION_TAXONOMY; code: string; name?: string }>();
  const names = new Map<string, string>();
  for (const t of data.taxonomy_term) {
    const id = str(t.id);
    if (!id) continue;
    const name = str(t.name);
    if (name) names.set(id, name);
    const field = byTaxonomy.get(str(t.taxonomy_id) ?? '');
    const code = str(t.code);
    if (field && code !== undefined) terms.set(id, { field, code });
  }
  return { terms, names };
}

interface Extras {
  codes: Record<TaxonomyField, string[]>;
  ext: Partial<Record<ExtensionTerm, string[]>>;
  /** Names of terms from other taxonomies, for the mapping to match on. */
  otherTerms: string[];
}

function extrasOf(attributes: readonly Row[], index: ReturnType<typeof termIndex>): Extras {
  const out: Extras = {
    codes: { categories: [], targets: [], stages: [], features: [], operation: [] },
    ext: {},
    otherTerms: [],
  };
  for (const a of attributes) {
    const termIdValue = str(a.taxonomy_term_id) ?? '';
    const term = index.terms.get(termIdValue);
    if (term?.field === EXTENSION_TAXONOMY) (out.ext[term.code as ExtensionTerm] ??= []).push(str(a.value) ?? '');
    else if (term) out.codes[term.field].push(term.code);
    else {
      const name = index.names.get(termIdValue);
      if (name) out.otherTerms.push(name);
    }
  }
  return out;
}

const parseJson = (s: string | undefined): unknown => {
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

/**
 * Reads HSDS 3 JSON (ours or another directory's; see read.ts for the shapes) into inventories
 * of the municipalities the directory knows. Every service is checked against the Resource
 * schema; one that cannot become a resource is reported with the reason and left out.
 */
export function importHsds(input: unknown, options: HsdsImportOptions): HsdsImport {
  const issues: HsdsIssue[] = [];
  const warnings: HsdsIssue[] = [];
  const read = readHsds(input);
  if (!read) {
    return {
      inventories: [],
      issues: [{ id: '(file)', message: 'HSDS 3 の形（tabular、service、service_list）として読めません' }],
      warnings,
    };
  }
  const data = read.data;
  const known = new Map(options.municipalities.map((m) => [m.code, m]));
  const inventories = new Map<string, Inventory>();
  const inventoryOf = (m: Municipality) => {
    let inv = inventories.get(m.code);
    if (!inv) inventories.set(m.code, (inv = { municipality: m, resources: [] }));
    return inv;
  };

  // Organisations that stand for a municipality carry its 全国地方公共団体コード.
  const orgMunicipality = new Map<string, string>();
  for (const i of data.organization_identifier) {
    if (str(i.identifier_type) !== LG_CODE_TYPE) continue;
    const code = str(i.identifier);
    const org = str(i.organization_id);
    if (!code || !org) continue;
    orgMunicipality.set(org, code);
    const m = known.get(code);
    if (m) inventoryOf(m);
  }

  const index = termIndex(data);
  const organizations = new Map(data.organization.map((o) => [str(o.id) ?? '', o]));
  const locations = new Map(data.location.map((l) => [str(l.id) ?? '', l]));
  const addresses = groupBy(data.address, 'location_id');
  const atLocations = groupBy(data.service_at_location, 'service_id');
  const phones = groupBy(data.phone, 'service_id');
  const contacts = groupBy(data.contact, 'service_id');
  const costs = groupBy(data.cost_option, 'service_id');
  const schedules = groupBy(data.schedule, 'service_id');
  const attributes = groupBy(data.attribute, 'link_id');

  for (const s of data.service) {
    const hsdsId = str(s.id) ?? '(id なし)';
    const x = extrasOf(attributes.get(hsdsId) ?? [], index);
    const one = (term: ExtensionTerm) => x.ext[term]?.[0];
    const ours = one('norishiro_id');
    const issue = (message: string) => issues.push({ id: hsdsId, ...(ours && { resource: ours }), message });
    const notes: string[] = [];

    const orgId = str(s.organization_id) ?? '';
    const code = one('municipality') ?? orgMunicipality.get(orgId) ?? options.municipality;
    if (code === undefined) {
      issue('どの自治体の資源か分かりません（--municipality で団体コードを指定してください）');
      continue;
    }
    const m = known.get(code);
    if (!m) {
      issue(
        `団体コード ${code} の自治体はまだ登録されていません（pnpm admin municipality add ${code} で追加できます）`,
      );
      continue;
    }
    const name = str(s.name) ?? '';
    const id =
      ours ??
      `${code}-hsds-${hsdsId
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}`;

    // Classification: Norishiro's codes when the data has them, else the user's mapping.
    // Our own export may legitimately leave a list empty (a plan that names no target).
    let classification: Classification | undefined =
      ours !== undefined || (x.codes.categories.length && x.codes.targets.length && x.codes.stages.length)
        ? ({ categories: x.codes.categories, targets: x.codes.targets, stages: x.codes.stages.map(Number) } as never)
        : undefined;
    if (!classification) {
      const fields: Record<string, string | undefined> = {
        name,
        description: str(s.description),
        eligibility_description: str(s.eligibility_description),
        taxonomy_terms: x.otherTerms.join(' '),
        organization: str(organizations.get(orgId)?.name),
      };
      classification = options.mapping ? classify(options.mapping, (f) => fields[f]) : undefined;
      if (!classification) {
        classification = FALLBACK_CLASSIFICATION;
        notes.push('分類・対象・段階は取り込み時の既定値です（データに分類がなく、対応表にも当たりませんでした）');
        warnings.push({
          id: hsdsId,
          resource: id,
          message: '分類がないため既定値（相談窓口・属性を問わない・段階1）にしました',
        });
      }
    }

    const place = locations.get(str(atLocations.get(hsdsId)?.[0]?.location_id) ?? '');
    const lat = num(place?.latitude);
    const lng = num(place?.longitude);
    const point = lat !== undefined && lng !== undefined ? { lat, lng } : undefined;
    const placeAttrs = extrasOf(attributes.get(str(place?.id) ?? '') ?? [], index);
    const outside = parseJson(placeAttrs.ext.outside?.[0]) as object | undefined;
    // A place the plan says is outside the city may lie beyond the usual distance from its hall.
    const usable =
      point && inJapan(point) && (outside !== undefined || distanceKm(point, m.cityHall) <= MAX_KM_FROM_CITY_HALL);
    const precision = placeAttrs.ext.location_precision?.[0] ?? 'address';
    if (point && !usable)
      notes.push(`HSDS の位置（緯度 ${lat}、経度 ${lng}）は${m.name}の範囲にないため使っていません`);
    if (!usable && precision !== 'unknown')
      warnings.push({ id: hsdsId, resource: id, message: '使える位置がないため、位置は「不明」にしました' });
    const location = {
      ...(usable && point),
      precision: usable ? precision : 'unknown',
      pointOf: usable ? (str(place?.name) ?? 'HSDS の緯度経度') : (str(place?.name) ?? 'HSDS に位置の記載がありません'),
      ...(outside !== undefined && { outside }),
    };

    const scheduleRows = (schedules.get(hsdsId) ?? []).map((r) => {
      const e = extrasOf(attributes.get(str(r.id) ?? '') ?? [], index).ext;
      const extension: ScheduleExtension = {
        ...(e.schedule_kind && { kind: e.schedule_kind[0] as ScheduleExtension['kind'] }),
        ...(e.times_per_period && { timesPerPeriod: Number(e.times_per_period[0]) }),
      };
      return { ...r, ...extension } as never;
    });
    let schedule = fromHsdsSchedules(scheduleRows);
    if (!ours && !v.is(ScheduleSchema, schedule)) {
      // Another directory's rule we cannot express (a time that falls on another day in Japan…).
      const words = (schedules.get(hsdsId) ?? []).map((r) => str(r.description) ?? str(r.notes)).filter(Boolean);
      schedule = words.length ? { kind: 'unknown', note: words.join(' / ') } : { kind: 'unknown' };
    }

    const costRows = costs.get(hsdsId) ?? [];
    const free = costRows.some((c) => num(c.amount) === 0);
    const location0 = str(place?.id);
    const address = location0 ? addresses.get(location0)?.[0] : undefined;
    const addressText = address
      ? [str(address.address_1), str(address.address_2)].filter(Boolean).join(' ')
      : undefined;
    const phone = str(phones.get(hsdsId)?.[0]?.number);
    const url = str(s.url);
    const contact = {
      ...(phone !== undefined && { phone }),
      ...(validUrl(url) && { url }),
      ...(addressText && { address: addressText }),
    };
    const org = organizations.get(orgId);
    const operator = org && !orgMunicipality.has(orgId) ? str(org.name) : undefined;
    const department = str(contacts.get(hsdsId)?.[0]?.department);
    const planStatus = one('plan_status');
    const status = planStatus ?? STATUS_FROM_HSDS[str(s.status) as HsdsStatus] ?? s.status;
    const description = str(s.description);
    const storedNotes = one('notes');
    const allNotes = [storedNotes, ...notes].filter(Boolean).join('\n');

    const candidate = {
      id,
      municipality: code,
      name,
      // A service from another publisher is something offered; Norishiro's own say which kind.
      kind: one('kind') ?? 'service',
      ...(x.ext.former_id !== undefined && { formerIds: x.ext.former_id }),
      ...(one('reading') !== undefined && { reading: one('reading') }),
      aliases: x.ext.alias ?? (str(s.alternate_name) ? [str(s.alternate_name)] : []),
      ...classification,
      ...(description !== undefined && { description }),
      ...(operator !== undefined && { operator }),
      ...(x.codes.operation[0] !== undefined && { operation: x.codes.operation[0] }),
      ...(department !== undefined && { department }),
      ...(one('legal_basis') !== undefined && { legalBasis: one('legal_basis') }),
      ...(one('district') !== undefined && { district: one('district') }),
      location,
      schedule,
      cost: {
        kind: costRows.length === 0 ? 'unknown' : free ? 'free' : 'paid',
        ...(str(s.fees_description) !== undefined && { note: str(s.fees_description) }),
      },
      ...(one('count') !== undefined && { count: Number(one('count')) }),
      status,
      usage: (x.ext.usage ?? []).map(parseJson),
      ...(num(s.minimum_age) !== undefined && { ageMin: num(s.minimum_age) }),
      ...(num(s.maximum_age) !== undefined && { ageMax: num(s.maximum_age) }),
      features: x.codes.features,
      tags: x.ext.tag ?? [],
      ...(Object.keys(contact).length > 0 && { contact }),
      ...(allNotes && { notes: allNotes }),
      source: (parseJson(one('source')) as object | undefined) ?? {
        file: options.fileName,
        section: `HSDS service ${hsdsId}`,
        quote: [name, description].filter(Boolean).join(': ') || hsdsId,
      },
      verifiedAt: isoDate(str(s.assured_date)) ?? isoDate(str(s.last_modified)) ?? options.today,
    };
    const parsed = v.safeParse(ResourceSchema, candidate);
    if (parsed.success) inventoryOf(m).resources.push(parsed.output);
    else issue(messages(parsed.issues));
  }
  return { inventories: [...inventories.values()], issues, warnings };
}

export type { LooseTabular };
