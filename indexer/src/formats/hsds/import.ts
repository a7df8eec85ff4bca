import * as v from 'valibot';
import { MunicipalitySchema, ResourceSchema, type Inventory, type Municipality, type Resource } from '@norishiro/data';
import type { HsdsDataset, HsdsService } from './dataset.ts';
import { fromHsdsSchedules } from './schedule.ts';
import { TAXONOMY_FIELDS, taxonomyId, type TaxonomyField } from './taxonomy.ts';

export interface HsdsIssue {
  /** The HSDS id of the service or organisation at fault. */
  id: string;
  /** The Norishiro resource id, when the service carries one. */
  resource?: string;
  message: string;
}

export interface HsdsImport {
  inventories: Inventory[];
  issues: HsdsIssue[];
}

const STATUS_FROM_HSDS: Record<HsdsService['status'], Resource['status']> = {
  active: 'active',
  'temporarily closed': 'active',
  inactive: 'planned',
  defunct: 'ended',
};

const groupBy = <T, K>(items: readonly T[] | undefined, key: (t: T) => K) => {
  const map = new Map<K, T[]>();
  for (const item of items ?? []) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
};

const messages = (issues: v.BaseIssue<unknown>[]) =>
  issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`.replace(/^: /, '')).join('; ');

/** Taxonomy term id → the Resource field and code it stands for. */
function termIndex(dataset: HsdsDataset) {
  const fieldOfTaxonomy = new Map(
    Object.keys(TAXONOMY_FIELDS).map((f) => [taxonomyId(f as TaxonomyField), f as TaxonomyField]),
  );
  const terms = new Map<string, { field: TaxonomyField; code: string }>();
  for (const t of dataset.taxonomy_terms ?? []) {
    const field = fieldOfTaxonomy.get(t.taxonomy_id);
    if (field) terms.set(t.id, { field, code: t.code });
  }
  return terms;
}

/**
 * Reads an HSDS dataset written by exportHsds back into inventories. Every service is
 * checked against the Resource schema; an invalid one is reported and left out rather
 * than stopping the import.
 */
export function importHsds(dataset: HsdsDataset): HsdsImport {
  const issues: HsdsIssue[] = [];
  const inventories = new Map<string, Inventory>();
  const municipalityOrgs = new Set<string>();
  const organizations = new Map((dataset.organizations ?? []).map((o) => [o.id, o]));
  for (const org of dataset.organizations ?? []) {
    if (!org.x_norishiro) continue;
    municipalityOrgs.add(org.id);
    const parsed = v.safeParse(MunicipalitySchema, org.x_norishiro.municipality);
    if (!parsed.success) issues.push({ id: org.id, message: `municipality: ${messages(parsed.issues)}` });
    else inventories.set(parsed.output.code, { municipality: parsed.output, resources: [] });
  }

  const terms = termIndex(dataset);
  const locations = new Map((dataset.locations ?? []).map((l) => [l.id, l]));
  const addresses = groupBy(dataset.addresses, (a) => a.location_id);
  const atLocations = groupBy(dataset.service_at_locations, (s) => s.service_id);
  const phones = groupBy(dataset.phones, (p) => p.service_id);
  const contacts = groupBy(dataset.contacts, (c) => c.service_id);
  const costs = groupBy(dataset.cost_options, (c) => c.service_id);
  const schedules = groupBy(dataset.schedules, (s) => s.service_id);
  const areas = groupBy(dataset.service_areas, (a) => a.service_id);
  const attributes = groupBy(dataset.attributes, (a) => a.link_id);

  for (const s of dataset.services ?? []) {
    const x = s.x_norishiro;
    const issue = (message: string) => issues.push({ id: s.id, ...(x && { resource: x.id }), message });
    const serviceAreas = areas.get(s.id) ?? [];
    const code = serviceAreas.find((a) => a.x_norishiro && a.x_norishiro.district === undefined)?.x_norishiro
      ?.municipality;
    const inventory = code === undefined ? undefined : inventories.get(code);
    if (!inventory) {
      issue(
        code === undefined
          ? 'no service_area names its municipality'
          : `municipality ${code} has no organization record`,
      );
      continue;
    }
    const m: Municipality = inventory.municipality;

    const location = locations.get(atLocations.get(s.id)?.[0]?.location_id ?? '');
    const address = location && addresses.get(location.id)?.[0]?.address_1;
    const phone = phones.get(s.id)?.[0]?.number;
    const contact = {
      ...(phone !== undefined && { phone }),
      ...(s.url !== undefined && { url: s.url }),
      ...(address !== undefined && { address }),
    };
    const codes: Record<TaxonomyField, string[]> = {
      categories: [],
      targets: [],
      stages: [],
      features: [],
      operation: [],
    };
    for (const a of attributes.get(s.id) ?? []) {
      const term = terms.get(a.taxonomy_term_id);
      if (term) codes[term.field].push(term.code);
      else issue(`attribute ${a.id} names an unknown taxonomy term`);
    }
    const cost = costs.get(s.id) ?? [];
    const org = organizations.get(s.organization_id);
    const department = contacts.get(s.id)?.[0]?.department;
    const district = serviceAreas.find((a) => a.x_norishiro?.district !== undefined)?.x_norishiro?.district;

    const candidate = {
      id: x?.id,
      municipality: m.code,
      name: s.name,
      // A service from another HSDS publisher is something offered; Norishiro's own say which kind.
      kind: x?.kind ?? 'service',
      ...(x?.formerIds !== undefined && { formerIds: x.formerIds }),
      ...(x?.reading !== undefined && { reading: x.reading }),
      aliases: x?.aliases ?? (s.alternate_name ? [s.alternate_name] : []),
      categories: codes.categories,
      targets: codes.targets,
      stages: codes.stages.map(Number),
      ...(s.description !== undefined && { description: s.description }),
      ...(org && !municipalityOrgs.has(org.id) && { operator: org.name }),
      ...(codes.operation[0] !== undefined && { operation: codes.operation[0] }),
      ...(department !== undefined && { department }),
      ...(x?.legalBasis !== undefined && { legalBasis: x.legalBasis }),
      ...(district !== undefined && { district }),
      location: location && {
        ...(location.latitude !== undefined && { lat: location.latitude }),
        ...(location.longitude !== undefined && { lng: location.longitude }),
        precision: location.x_norishiro?.precision ?? (location.latitude === undefined ? 'unknown' : 'address'),
        pointOf: location.name,
        ...(location.x_norishiro?.outside && { outside: location.x_norishiro.outside }),
      },
      schedule: fromHsdsSchedules(schedules.get(s.id) ?? []),
      cost: {
        kind: cost.length === 0 ? 'unknown' : cost.some((c) => c.amount === 0) ? 'free' : 'paid',
        ...(s.fees_description !== undefined && { note: s.fees_description }),
      },
      ...(x?.count !== undefined && { count: x.count }),
      status: s.x_norishiro?.considering ? 'considering' : (STATUS_FROM_HSDS[s.status] ?? s.status),
      usage: x?.usage ?? [],
      ...(s.minimum_age !== undefined && { ageMin: s.minimum_age }),
      ...(s.maximum_age !== undefined && { ageMax: s.maximum_age }),
      features: codes.features,
      tags: x?.tags ?? [],
      ...(Object.keys(contact).length > 0 && { contact }),
      ...(x?.notes !== undefined && { notes: x.notes }),
      source: x?.source,
      verifiedAt: s.assured_date,
    };
    const parsed = v.safeParse(ResourceSchema, candidate);
    if (parsed.success) inventory.resources.push(parsed.output);
    else issue(messages(parsed.issues));
  }
  return { inventories: [...inventories.values()], issues };
}
