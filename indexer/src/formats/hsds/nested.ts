/**
 * The HSDS 3.0 API shapes, built from the tabular form: the fully nested `service`
 * (schema/compiled/service.json), a `service_list` item (service with its organization) and
 * an `organization_list` item. Rows are nested under their parents and lose nothing.
 */
import type { HsdsAttribute, HsdsOrganization, HsdsService, HsdsTabular } from './dataset.ts';

const groupBy = <T>(items: readonly T[], key: (t: T) => string | undefined) => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
};

export type NestedService = HsdsService & Record<string, unknown>;

/** Indexes a dataset once so that each nested service is built in time proportional to its rows. */
export function nestedServices(data: HsdsTabular) {
  const organizations = new Map(data.organization.map((o) => [o.id, o]));
  const identifiers = groupBy(data.organization_identifier, (i) => i.organization_id);
  const taxonomies = new Map(data.taxonomy.map((t) => [t.id, t]));
  const terms = new Map(data.taxonomy_term.map((t) => [t.id, t]));
  const attributes = groupBy(data.attribute, (a) => a.link_id);
  const locations = new Map(data.location.map((l) => [l.id, l]));
  const addresses = groupBy(data.address, (a) => a.location_id);
  const at = {
    phones: groupBy(data.phone, (p) => p.service_id),
    schedules: groupBy(data.schedule, (s) => s.service_id),
    service_areas: groupBy(data.service_area, (a) => a.service_id),
    service_at_locations: groupBy(data.service_at_location, (s) => s.service_id),
    contacts: groupBy(data.contact, (c) => c.service_id),
    cost_options: groupBy(data.cost_option, (c) => c.service_id),
  };

  const withTerm = (a: HsdsAttribute) => {
    const term = terms.get(a.taxonomy_term_id);
    const taxonomy = term?.taxonomy_id ? taxonomies.get(term.taxonomy_id) : undefined;
    return term ? { ...a, taxonomy_term: { ...term, ...(taxonomy && { taxonomy_detail: taxonomy }) } } : a;
  };
  const attributesOf = (id: string) => (attributes.get(id) ?? []).map(withTerm);
  const organization = (o: HsdsOrganization) => {
    const ids = identifiers.get(o.id);
    return ids ? { ...o, organization_identifiers: ids } : o;
  };

  /** service_list item: the service's own fields and its organization. */
  const listItem = (s: HsdsService) => {
    const org = organizations.get(s.organization_id);
    return org ? { ...s, organization: org } : { ...s };
  };

  /** The fully nested service of GET /services/{id}. */
  const full = (s: HsdsService): NestedService => {
    const org = organizations.get(s.organization_id);
    return {
      ...s,
      ...(org && { organization: organization(org) }),
      phones: at.phones.get(s.id) ?? [],
      schedules: (at.schedules.get(s.id) ?? []).map((r) => ({ ...r, attributes: attributesOf(r.id) })),
      service_areas: at.service_areas.get(s.id) ?? [],
      service_at_locations: (at.service_at_locations.get(s.id) ?? []).map((sal) => {
        const location = locations.get(sal.location_id);
        return location
          ? {
              ...sal,
              location: {
                ...location,
                addresses: addresses.get(location.id) ?? [],
                attributes: attributesOf(location.id),
              },
            }
          : sal;
      }),
      contacts: at.contacts.get(s.id) ?? [],
      cost_options: at.cost_options.get(s.id) ?? [],
      attributes: attributesOf(s.id),
    };
  };
  return { full, listItem };
}
