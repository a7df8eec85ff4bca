/**
 * Norishiro inventories → Open Referral HSDS 3.0, tabular form (compiled/tabular.json).
 *
 * HSDS fields used: service name, alternate_name (aliases joined), description, url, status
 * (active / inactive for planned and considering / defunct for ended), fees_description,
 * eligibility_description (targets and ages in words), minimum_age / maximum_age, assured_date
 * (verifiedAt); phones; contacts.department; cost_options (JPY; amount 0 = free); one
 * organization per operator plus one per municipality (with its 全国地方公共団体コード as an
 * organization_identifier); locations (point, name = what the point is, description saying in
 * words when it is approximate) with addresses; schedules (RRULE fields in Japan time: timezone
 * 9 and times with +09:00); service_areas (the municipality and the district); taxonomies,
 * taxonomy_terms and attributes.
 *
 * Everything else Norishiro knows (id, reading, aliases, legal basis, count, usage, tags,
 * notes, source, planned vs considering, municipality code, district, location precision,
 * irregular vs unknown schedules, times per period) is an attribute whose term is in the
 * published Norishiro extension taxonomy (taxonomy.ts), so a strict HSDS validator passes.
 */
import { targetLabels, type Inventory, type Municipality, type Outside, type Resource } from '@norishiro/data';
import type {
  HsdsAttribute,
  HsdsLocation,
  HsdsOrganization,
  HsdsService,
  HsdsServiceArea,
  HsdsStatus,
  HsdsTabular,
} from './dataset.ts';
import { toHsdsSchedules } from './schedule.ts';
import {
  TAXONOMY_FIELDS,
  extensionTermId,
  hsdsTaxonomies,
  termId,
  type ExtensionTerm,
  type TaxonomyField,
} from './taxonomy.ts';
import { uuidFor } from './uuid.ts';

export const STATUS_TO_HSDS: Record<Resource['status'], HsdsStatus> = {
  active: 'active',
  planned: 'inactive',
  considering: 'inactive',
  ended: 'defunct',
};

export const municipalityOrgId = (code: string) => uuidFor(`municipality:${code}`);
const operatorOrgId = (code: string, operator: string) => uuidFor(`operator:${code}:${operator}`);
export const serviceId = (resourceId: string) => uuidFor(`service:${resourceId}`);

/** The organization_identifier type that marks the organisation standing for a municipality. */
export const LG_CODE_TYPE = '全国地方公共団体コード';

const fullName = (m: Municipality) => `${m.prefecture}${m.name}`;

export interface HsdsExportOptions {
  /** The deployment's public origin: taxonomies and terms are served under it. */
  baseUrl: string;
}

export const emptyTabular = (): HsdsTabular => ({
  organization: [],
  organization_identifier: [],
  service: [],
  location: [],
  address: [],
  phone: [],
  contact: [],
  cost_option: [],
  service_at_location: [],
  schedule: [],
  service_area: [],
  taxonomy: [],
  taxonomy_term: [],
  attribute: [],
});

function eligibility(r: Resource): string {
  const ages =
    r.ageMin !== undefined || r.ageMax !== undefined ? `年齢 ${r.ageMin ?? ''}〜${r.ageMax ?? ''}歳` : undefined;
  const parts = [`対象: ${r.targets.map((t) => targetLabels[t].ja).join('、')}`, ages].filter(Boolean);
  return parts.join('。');
}

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
    eligibility_description: eligibility(r),
    ...(r.ageMin !== undefined && { minimum_age: r.ageMin }),
    ...(r.ageMax !== undefined && { maximum_age: r.ageMax }),
    assured_date: r.verifiedAt,
  };
}

/** One attribute per fact; `n` keeps ids distinct when a term repeats (aliases, tags). */
function attribute(
  linkId: string,
  linkEntity: 'service' | 'location' | 'schedule',
  termIdValue: string,
  linkType: string,
  n: number,
  value?: string,
): HsdsAttribute {
  return {
    id: uuidFor(`attribute:${linkId}:${termIdValue}:${n}`),
    link_id: linkId,
    taxonomy_term_id: termIdValue,
    link_type: linkType,
    link_entity: linkEntity,
    ...(value !== undefined && { value }),
  };
}

export const EXTENSION_LINK_TYPE = 'norishiro_extension';

const ext = (linkId: string, entity: 'service' | 'location' | 'schedule', term: ExtensionTerm, value: string, n = 0) =>
  attribute(linkId, entity, extensionTermId(term), EXTENSION_LINK_TYPE, n, value);

function serviceAttributes(r: Resource, sid: string): HsdsAttribute[] {
  const codes: [TaxonomyField, readonly (string | number)[]][] = [
    ['categories', r.categories],
    ['targets', r.targets],
    ['stages', r.stages],
    ['features', r.features],
    ['operation', r.operation === undefined ? [] : [r.operation]],
  ];
  const out = codes.flatMap(([field, list]) =>
    list.map((code, i) => attribute(sid, 'service', termId(field, code), TAXONOMY_FIELDS[field].linkType, i)),
  );
  out.push(
    ext(sid, 'service', 'norishiro_id', r.id),
    ext(sid, 'service', 'kind', r.kind),
    ext(sid, 'service', 'municipality', r.municipality),
  );
  r.formerIds?.forEach((id, i) => out.push(ext(sid, 'service', 'former_id', id, i)));
  if (r.district !== undefined) out.push(ext(sid, 'service', 'district', r.district));
  if (r.reading !== undefined) out.push(ext(sid, 'service', 'reading', r.reading));
  r.aliases.forEach((a, i) => out.push(ext(sid, 'service', 'alias', a, i)));
  if (r.legalBasis !== undefined) out.push(ext(sid, 'service', 'legal_basis', r.legalBasis));
  if (r.count !== undefined) out.push(ext(sid, 'service', 'count', String(r.count)));
  r.usage.forEach((u, i) => out.push(ext(sid, 'service', 'usage', JSON.stringify(u), i)));
  r.tags.forEach((t, i) => out.push(ext(sid, 'service', 'tag', t, i)));
  if (r.notes !== undefined) out.push(ext(sid, 'service', 'notes', r.notes));
  out.push(ext(sid, 'service', 'source', JSON.stringify(r.source)));
  if (r.status === 'planned' || r.status === 'considering') out.push(ext(sid, 'service', 'plan_status', r.status));
  return out;
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
    },
  ];
  if (r.district !== undefined) {
    areas.push({
      id: uuidFor(`area:${sid}:district`),
      service_id: sid,
      name: r.district,
      description: `${fullName(m)}の${r.district}`,
      extent: `${fullName(m)} ${r.district}`,
      extent_type: 'text',
    });
  }
  return areas;
}

/** Says in words, in a standard field, when a point stands in for the real place. */
function locationDescription(precision: string, pointOf: string, outside?: Outside): string | undefined {
  if (outside) return `市外（${outside.name}）の場所です。${locationDescription(precision, pointOf) ?? ''}`.trim();
  if (precision === 'district')
    return `おおよその位置です。地区の代表点（${pointOf}）に置いています。正確な場所は要確認です。`;
  if (precision === 'municipality')
    return `おおよその位置です。市町村の代表点（${pointOf}）に置いています。正確な場所は要確認です。`;
  if (precision === 'unknown') return '位置は分かりません。';
  return undefined;
}

const postalCode = (address: string) => /〒?\s*(\d{3})-?(\d{4})/.exec(address)?.slice(1).join('-') ?? '';

/** Writes inventories as one HSDS dataset. Ids are UUIDs derived from Norishiro keys. */
export function exportHsds(inventories: readonly Inventory[], options: HsdsExportOptions): HsdsTabular {
  const out: HsdsTabular = { ...emptyTabular(), ...hsdsTaxonomies(options.baseUrl) };
  const organizations = new Map<string, HsdsOrganization>();
  const locations = new Map<string, HsdsLocation>();
  for (const { municipality: m, resources } of inventories) {
    const selfId = municipalityOrgId(m.code);
    organizations.set(selfId, {
      id: selfId,
      name: fullName(m),
      description: `${fullName(m)}（全国地方公共団体コード ${m.code}）。市町村が直営する事業と、実施主体の書かれていない資源の提供者です。`,
    });
    out.organization_identifier.push({
      id: uuidFor(`organization_identifier:${m.code}`),
      organization_id: selfId,
      identifier_type: LG_CODE_TYPE,
      identifier: m.code,
    });
    for (const r of resources) {
      let orgId = selfId;
      if (r.operator !== undefined) {
        orgId = operatorOrgId(m.code, r.operator);
        if (!organizations.has(orgId))
          organizations.set(orgId, {
            id: orgId,
            name: r.operator,
            description: `${fullName(m)}の計画に実施主体・委託先として書かれている団体です。`,
          });
      }
      const sid = serviceId(r.id);
      out.service.push(serviceOf(r, orgId));

      const { lat, lng, precision, pointOf, outside } = r.location;
      const address = r.contact?.address;
      const locationKey = JSON.stringify([lat, lng, precision, pointOf, address, outside]);
      const locationId = uuidFor(`location:${locationKey}`);
      if (!locations.has(locationKey)) {
        const description = locationDescription(precision, pointOf, outside);
        locations.set(locationKey, {
          id: locationId,
          location_type: 'physical',
          name: pointOf,
          ...(description !== undefined && { description }),
          ...(lat !== undefined && lng !== undefined && { latitude: lat, longitude: lng }),
        });
        out.attribute.push(ext(locationId, 'location', 'location_precision', precision));
        if (outside) out.attribute.push(ext(locationId, 'location', 'outside', JSON.stringify(outside)));
        if (address !== undefined) {
          out.address.push({
            id: uuidFor(`address:${locationKey}`),
            location_id: locationId,
            address_1: address,
            city: m.name,
            state_province: m.prefecture,
            postal_code: postalCode(address),
            country: 'JP',
            address_type: 'physical',
          });
        }
      }
      out.service_at_location.push({ id: uuidFor(`sal:${sid}`), service_id: sid, location_id: locationId });

      if (r.contact?.phone !== undefined)
        out.phone.push({ id: uuidFor(`phone:${sid}`), service_id: sid, number: r.contact.phone });
      if (r.department !== undefined)
        out.contact.push({ id: uuidFor(`contact:${sid}`), service_id: sid, department: r.department });
      if (r.cost.kind !== 'unknown') {
        out.cost_option.push({
          id: uuidFor(`cost:${sid}`),
          service_id: sid,
          option: r.cost.kind === 'free' ? '無料' : '有料',
          ...(r.cost.kind === 'free' && { amount: 0 }),
          ...(r.cost.note !== undefined && { amount_description: r.cost.note }),
          currency: 'JPY',
        });
      }
      toHsdsSchedules(r.schedule, r.verifiedAt).forEach(({ row, ext: x }, i) => {
        const id = uuidFor(`schedule:${sid}:${i}`);
        out.schedule.push({ id, service_id: sid, ...row });
        if (x.kind) out.attribute.push(ext(id, 'schedule', 'schedule_kind', x.kind));
        if (x.timesPerPeriod !== undefined)
          out.attribute.push(ext(id, 'schedule', 'times_per_period', String(x.timesPerPeriod)));
      });
      out.service_area.push(...areasOf(r, m, sid));
      out.attribute.push(...serviceAttributes(r, sid));
    }
  }
  out.organization = [...organizations.values()];
  out.location = [...locations.values()];
  return out;
}
