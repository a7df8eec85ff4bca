/**
 * Norishiro inventories → Open Referral HSDS 3 (flat tables).
 *
 * HSDS fields used: service name, description, url (contact.url), status (active / inactive
 * for planned / defunct for ended), minimum_age / maximum_age, assured_date (verifiedAt),
 * fees_description (cost.note), alternate_name (aliases, joined, for HSDS readers); phones
 * (contact.phone); contacts.department (department); cost_options (cost: amount 0 = free,
 * no amount = paid, none = unknown); organizations (operator; the municipality itself when
 * there is none); locations (point; name = pointOf) with addresses (contact.address);
 * schedules (RRULE freq / interval / byday, opens_at / closes_at); service_areas (the
 * municipality, and the district when there is one); taxonomies, taxonomy_terms and
 * attributes (categories, targets, stages, features, operation).
 *
 * Extension properties, named `x_norishiro`, for what HSDS has no field for:
 * - service: id (the Norishiro id), kind, formerIds, reading, aliases (exact list), legalBasis,
 *   count, usage, tags, notes, source;
 * - location: precision, outside (a place outside the city whose plan names it);
 * - organization: municipality (the full record: reading, city hall, districts);
 * - schedule: kind (unknown vs irregular when there is no RRULE), timesPerPeriod;
 * - service_area: municipality code, district name.
 */
import type { Inventory, Municipality, Resource } from '@norishiro/data';
import type {
  HsdsAttribute,
  HsdsDataset,
  HsdsLocation,
  HsdsOrganization,
  HsdsService,
  HsdsServiceArea,
} from './dataset.ts';
import { toHsdsSchedules } from './schedule.ts';
import { hsdsTaxonomies, termId, type TaxonomyField } from './taxonomy.ts';
import { uuidFor } from './uuid.ts';

export const STATUS_TO_HSDS = {
  active: 'active',
  planned: 'inactive',
  considering: 'inactive',
  ended: 'defunct',
} as const;

export const municipalityOrgId = (code: string) => uuidFor(`municipality:${code}`);
const operatorOrgId = (code: string, operator: string) => uuidFor(`operator:${code}:${operator}`);
export const serviceId = (resourceId: string) => uuidFor(`service:${resourceId}`);

const fullName = (m: Municipality) => `${m.prefecture}${m.name}`;

function serviceOf(r: Resource, organizationId: string): HsdsService {
  return {
    id: serviceId(r.id),
    organization_id: organizationId,
    name: r.name,
    ...(r.aliases.length > 0 && { alternate_name: r.aliases.join('、') }),
    ...(r.description !== undefined && { description: r.description }),
    ...(r.contact?.url !== undefined && { url: r.contact.url }),
    status: STATUS_TO_HSDS[r.status],
    ...(r.cost.note !== undefined && { fees_description: r.cost.note }),
    ...(r.ageMin !== undefined && { minimum_age: r.ageMin }),
    ...(r.ageMax !== undefined && { maximum_age: r.ageMax }),
    assured_date: r.verifiedAt,
    x_norishiro: {
      id: r.id,
      kind: r.kind,
      ...(r.formerIds?.length && { formerIds: r.formerIds }),
      ...(r.reading !== undefined && { reading: r.reading }),
      aliases: r.aliases,
      ...(r.legalBasis !== undefined && { legalBasis: r.legalBasis }),
      ...(r.count !== undefined && { count: r.count }),
      usage: r.usage,
      tags: r.tags,
      ...(r.notes !== undefined && { notes: r.notes }),
      source: r.source,
      ...(r.status === 'considering' && { considering: true as const }),
    },
  };
}

function attributesOf(r: Resource, sid: string): HsdsAttribute[] {
  const codes: [TaxonomyField, readonly (string | number)[]][] = [
    ['categories', r.categories],
    ['targets', r.targets],
    ['stages', r.stages],
    ['features', r.features],
    ['operation', r.operation === undefined ? [] : [r.operation]],
  ];
  return codes.flatMap(([field, list]) =>
    list.map((code, i) => ({
      id: uuidFor(`attribute:${sid}:${field}:${i}`),
      link_id: sid,
      link_type: field,
      link_entity: 'service' as const,
      taxonomy_term_id: termId(field, code),
    })),
  );
}

function areasOf(r: Resource, m: Municipality, sid: string): HsdsServiceArea[] {
  const areas: HsdsServiceArea[] = [
    {
      id: uuidFor(`area:${sid}:municipality`),
      service_id: sid,
      name: m.name,
      description: `${fullName(m)}（全国地方公共団体コード ${m.code}）`,
      extent: fullName(m),
      extent_type: 'text',
      x_norishiro: { municipality: m.code },
    },
  ];
  if (r.district !== undefined) {
    areas.push({
      id: uuidFor(`area:${sid}:district`),
      service_id: sid,
      name: r.district,
      extent: `${fullName(m)} ${r.district}`,
      extent_type: 'text',
      x_norishiro: { municipality: m.code, district: r.district },
    });
  }
  return areas;
}

/** Writes inventories as one HSDS dataset. Ids are UUIDs derived from Norishiro keys. */
export function exportHsds(inventories: readonly Inventory[]): HsdsDataset {
  const out: HsdsDataset = {
    organizations: [],
    services: [],
    locations: [],
    addresses: [],
    phones: [],
    contacts: [],
    cost_options: [],
    service_at_locations: [],
    schedules: [],
    service_areas: [],
    ...hsdsTaxonomies(),
    attributes: [],
  };
  const organizations = new Map<string, HsdsOrganization>();
  const locations = new Map<string, HsdsLocation>();
  for (const { municipality: m, resources } of inventories) {
    const selfId = municipalityOrgId(m.code);
    organizations.set(selfId, {
      id: selfId,
      name: fullName(m),
      description: `${fullName(m)}（直営の事業）`,
      x_norishiro: { municipality: m },
    });
    for (const r of resources) {
      let orgId = selfId;
      if (r.operator !== undefined) {
        orgId = operatorOrgId(m.code, r.operator);
        if (!organizations.has(orgId)) organizations.set(orgId, { id: orgId, name: r.operator });
      }
      const sid = serviceId(r.id);
      out.services.push(serviceOf(r, orgId));

      const { lat, lng, precision, pointOf, outside } = r.location;
      const address = r.contact?.address;
      const locationKey = JSON.stringify([lat, lng, precision, pointOf, address, outside]);
      const locationId = uuidFor(`location:${locationKey}`);
      if (!locations.has(locationKey)) {
        locations.set(locationKey, {
          id: locationId,
          location_type: 'physical',
          name: pointOf,
          ...(lat !== undefined && lng !== undefined && { latitude: lat, longitude: lng }),
          x_norishiro: { precision, ...(outside && { outside }) },
        });
        if (address !== undefined) {
          out.addresses.push({
            id: uuidFor(`address:${locationKey}`),
            location_id: locationId,
            address_1: address,
            city: m.name,
            state_province: m.prefecture,
            country: 'JP',
            address_type: 'physical',
          });
        }
      }
      out.service_at_locations.push({ id: uuidFor(`sal:${sid}`), service_id: sid, location_id: locationId });

      if (r.contact?.phone !== undefined)
        out.phones.push({ id: uuidFor(`phone:${sid}`), service_id: sid, number: r.contact.phone });
      if (r.department !== undefined) {
        out.contacts.push({ id: uuidFor(`contact:${sid}`), service_id: sid, department: r.department });
      }
      if (r.cost.kind !== 'unknown') {
        out.cost_options.push({
          id: uuidFor(`cost:${sid}`),
          service_id: sid,
          option: r.cost.kind === 'free' ? '無料' : '有料',
          ...(r.cost.kind === 'free' && { amount: 0 }),
          currency: 'JPY',
        });
      }
      toHsdsSchedules(r.schedule).forEach((s, i) =>
        out.schedules.push({ id: uuidFor(`schedule:${sid}:${i}`), service_id: sid, ...s }),
      );
      out.service_areas.push(...areasOf(r, m, sid));
      out.attributes.push(...attributesOf(r, sid));
    }
  }
  out.organizations = [...organizations.values()];
  out.locations = [...locations.values()];
  return out;
}
