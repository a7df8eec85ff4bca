/**
 * Any HSDS 3 JSON a publisher may hand over, as tabular rows: the tabular form (keys singular
 * as in compiled/tabular.json, plural as older exports wrote, or CSV file names as in the
 * spec's examples/tabular.json), one fully nested service, a page of services
 * ({ contents: [...] }) or a plain array of them. Nested rows are flattened under their parents.
 */
import type { HsdsTable } from './dataset.ts';

export type Row = Record<string, unknown> & { id?: string };
export type LooseTabular = Record<HsdsTable | 'program' | 'funding' | 'language', Row[]>;

const TABLE_KEYS: Record<string, keyof LooseTabular> = {};
for (const [table, plural, file] of [
  ['organization', 'organizations', 'organizations.csv'],
  ['organization_identifier', 'organization_identifiers', 'organization_identifiers.csv'],
  ['service', 'services', 'services.csv'],
  ['location', 'locations', 'locations.csv'],
  ['address', 'addresses', 'addresses.csv'],
  ['phone', 'phones', 'phones.csv'],
  ['contact', 'contacts', 'contacts.csv'],
  ['cost_option', 'cost_options', 'cost_options.csv'],
  ['service_at_location', 'service_at_locations', 'service_at_location.csv'],
  ['schedule', 'schedules', 'schedules.csv'],
  ['service_area', 'service_areas', 'service_areas.csv'],
  ['taxonomy', 'taxonomies', 'taxonomies.csv'],
  ['taxonomy_term', 'taxonomy_terms', 'taxonomy_terms.csv'],
  ['attribute', 'attributes', 'attributes.csv'],
  ['program', 'programs', 'programs.csv'],
  ['funding', 'funding', 'funding.csv'],
  ['language', 'languages', 'languages.csv'],
] as const) {
  TABLE_KEYS[table] = table;
  TABLE_KEYS[plural] = table;
  TABLE_KEYS[file] = table;
}

const emptyLoose = (): LooseTabular =>
  Object.fromEntries([...new Set(Object.values(TABLE_KEYS))].map((t) => [t, []])) as unknown as LooseTabular;

const isObject = (x: unknown): x is Row => typeof x === 'object' && x !== null && !Array.isArray(x);
const rows = (x: unknown): Row[] => (Array.isArray(x) ? x.filter(isObject) : []);

/** Copies a row without its nested arrays and objects, which become rows of their own. */
const flat = (row: Row): Row =>
  Object.fromEntries(Object.entries(row).filter(([, v]) => !Array.isArray(v) && !isObject(v))) as Row;

/** Adds a nested service and everything under it. */
function addNestedService(out: LooseTabular, s: Row) {
  const sid = s.id;
  const org = isObject(s.organization) ? s.organization : undefined;
  out.service.push({
    ...flat(s),
    ...(org?.id !== undefined && s.organization_id === undefined && { organization_id: org.id }),
  });
  if (org) addOrganization(out, org);
  const child = (key: string, table: keyof LooseTabular, extra: Row = {}) => {
    for (const r of rows(s[key]))
      out[table].push({ ...flat(r), ...extra, ...(r.service_id === undefined && { service_id: sid }) });
  };
  child('phones', 'phone');
  child('contacts', 'contact');
  child('cost_options', 'cost_option');
  child('service_areas', 'service_area');
  child('languages', 'language');
  for (const sch of rows(s.schedules)) {
    out.schedule.push({ ...flat(sch), ...(sch.service_id === undefined && { service_id: sid }) });
    addAttributes(out, sch.attributes, sch.id, 'schedule');
  }
  for (const sal of rows(s.service_at_locations)) {
    const loc = isObject(sal.location) ? sal.location : undefined;
    out.service_at_location.push({
      ...flat(sal),
      ...(sal.service_id === undefined && { service_id: sid }),
      ...(loc?.id !== undefined && sal.location_id === undefined && { location_id: loc.id }),
    });
    if (loc) addLocation(out, loc);
  }
  addAttributes(out, s.attributes, sid, 'service');
}

function addOrganization(out: LooseTabular, o: Row) {
  if (!out.organization.some((x) => x.id === o.id)) out.organization.push(flat(o));
  for (const i of rows(o.organization_identifiers))
    out.organization_identifier.push({ ...flat(i), ...(i.organization_id === undefined && { organization_id: o.id }) });
}

function addLocation(out: LooseTabular, l: Row) {
  if (out.location.some((x) => x.id === l.id)) return;
  out.location.push(flat(l));
  for (const a of rows(l.addresses))
    out.address.push({ ...flat(a), ...(a.location_id === undefined && { location_id: l.id }) });
  addAttributes(out, l.attributes, l.id, 'location');
}

function addAttributes(out: LooseTabular, list: unknown, linkId: unknown, entity: string) {
  for (const a of rows(list)) {
    const term = isObject(a.taxonomy_term) ? a.taxonomy_term : undefined;
    out.attribute.push({
      ...flat(a),
      ...(a.link_id === undefined && { link_id: linkId }),
      ...(a.link_entity === undefined && { link_entity: entity }),
      ...(term?.id !== undefined && a.taxonomy_term_id === undefined && { taxonomy_term_id: term.id }),
    });
    if (term?.id !== undefined && !out.taxonomy_term.some((t) => t.id === term.id)) {
      const detail = isObject(term.taxonomy_detail) ? term.taxonomy_detail : undefined;
      out.taxonomy_term.push({
        ...flat(term),
        ...(detail?.id !== undefined && term.taxonomy_id === undefined && { taxonomy_id: detail.id }),
      });
      if (detail?.id !== undefined && !out.taxonomy.some((t) => t.id === detail.id)) out.taxonomy.push(flat(detail));
    }
  }
}

export type HsdsShape = 'tabular' | 'service' | 'service_list' | 'services';

/** Reads any of the shapes above; undefined when the JSON is none of them. */
export function readHsds(input: unknown): { data: LooseTabular; shape: HsdsShape } | undefined {
  const out = emptyLoose();
  if (Array.isArray(input)) {
    rows(input).forEach((s) => addNestedService(out, s));
    return { data: out, shape: 'services' };
  }
  if (!isObject(input)) return undefined;
  if (Array.isArray(input.contents)) {
    rows(input.contents).forEach((s) => addNestedService(out, s));
    return { data: out, shape: 'service_list' };
  }
  // A nested service names itself; the tabular form is only tables.
  if (typeof input.name === 'string' && typeof input.id === 'string') {
    addNestedService(out, input);
    return { data: out, shape: 'service' };
  }
  const tables = Object.keys(input).filter((k) => TABLE_KEYS[k] !== undefined && Array.isArray(input[k]));
  if (tables.length === 0) return undefined;
  for (const k of tables) out[TABLE_KEYS[k]!].push(...rows(input[k]));
  return { data: out, shape: 'tabular' };
}
