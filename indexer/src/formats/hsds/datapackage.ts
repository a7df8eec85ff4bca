/**
 * The HSDS 3.0 tabular form as a Tabular Data Package: datapackage.json plus one CSV per
 * table, with the file names, column order and column types of the spec's own
 * datapackage.json (tests check them against the vendored copy).
 */
import type { HsdsTable, HsdsTabular } from './dataset.ts';

type FieldType = 'string' | 'number' | 'date' | 'datetime' | 'time';

/** `name` or `name:type`; the spec's order. */
const TABLES: Record<HsdsTable, { path: string; fields: string }> = {
  organization: {
    path: 'organizations.csv',
    fields:
      'id name alternate_name description email website tax_status tax_id year_incorporated:number legal_status logo uri parent_organization_id',
  },
  organization_identifier: {
    path: 'organization_identifiers.csv',
    fields: 'id organization_id identifier_scheme identifier_type identifier',
  },
  service: {
    path: 'services.csv',
    fields:
      'id organization_id program_id name alternate_name description url email status interpretation_services application_process fees_description wait_time fees accreditations eligibility_description minimum_age:number maximum_age:number assured_date:date assurer_email licenses alert last_modified:datetime',
  },
  location: {
    path: 'locations.csv',
    fields:
      'id location_type url organization_id name alternate_name description transportation latitude:number longitude:number external_identifier external_identifier_type',
  },
  address: {
    path: 'addresses.csv',
    fields: 'id location_id attention address_1 address_2 city region state_province postal_code country address_type',
  },
  phone: {
    path: 'phones.csv',
    fields:
      'id location_id service_id organization_id contact_id service_at_location_id number extension:number type description',
  },
  contact: {
    path: 'contacts.csv',
    fields: 'id organization_id service_id service_at_location_id location_id name title department email',
  },
  cost_option: {
    path: 'cost_options.csv',
    fields: 'id service_id valid_from:date valid_to:date option currency amount:number amount_description',
  },
  service_at_location: { path: 'service_at_location.csv', fields: 'id service_id location_id description' },
  schedule: {
    path: 'schedules.csv',
    fields:
      'id service_id location_id service_at_location_id valid_from:date valid_to:date dtstart:date timezone:number until:date count:number wkst freq interval:number byday byweekno bymonthday byyearday description opens_at:time closes_at:time schedule_link attending_type notes',
  },
  service_area: { path: 'service_areas.csv', fields: 'id service_id name description extent extent_type uri' },
  taxonomy: { path: 'taxonomies.csv', fields: 'id name description uri version' },
  taxonomy_term: {
    path: 'taxonomy_terms.csv',
    fields: 'id code name description parent_id taxonomy language taxonomy_id term_uri',
  },
  attribute: { path: 'attributes.csv', fields: 'id link_id taxonomy_term_id link_type link_entity value' },
};

export interface TableField {
  name: string;
  type: FieldType;
}

export const tableFields = (table: HsdsTable): TableField[] =>
  TABLES[table].fields.split(' ').map((f) => {
    const [name, type] = f.split(':');
    return { name: name!, type: (type ?? 'string') as FieldType };
  });

export const tablePath = (table: HsdsTable) => TABLES[table].path;
export const HSDS_TABLES = Object.keys(TABLES) as HsdsTable[];

const cell = (value: unknown) => {
  if (value === undefined || value === null) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One CSV: header row of the spec's columns, then one line per row; absent fields are empty. */
export function tableCsv(table: HsdsTable, rows: readonly object[]): string {
  const fields = tableFields(table).map((f) => f.name);
  const lines = [
    fields.join(','),
    ...rows.map((r) => fields.map((f) => cell((r as Record<string, unknown>)[f])).join(',')),
  ];
  return lines.join('\r\n') + '\r\n';
}

/** File name → content for the whole package. */
export function toDataPackage(data: HsdsTabular, meta: { name: string; title: string }): Map<string, string> {
  const files = new Map<string, string>();
  const resources = HSDS_TABLES.map((table) => {
    files.set(tablePath(table), tableCsv(table, data[table]));
    return {
      name: table,
      path: tablePath(table),
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: { fields: tableFields(table), primaryKey: 'id' },
    };
  });
  const descriptor = {
    profile: 'tabular-data-package',
    name: meta.name,
    title: meta.title,
    description: 'Open Referral HSDS 3.0 (https://docs.openreferral.org/en/3.0/) tabular data package.',
    resources,
  };
  files.set('datapackage.json', JSON.stringify(descriptor, null, 2) + '\n');
  return files;
}
