/**
 * The subset of Open Referral HSDS 3.0 that Norishiro writes, in HSDS's tabular form: one
 * array per table, keyed by the singular table name as in the spec's `schema/compiled/tabular.json`.
 * Field names and types are HSDS's own; nothing outside them is written. What HSDS has no field
 * for travels as `attribute` rows linked to the published taxonomy in taxonomy.ts.
 */

export interface HsdsOrganization {
  id: string;
  name: string;
  alternate_name?: string;
  description: string;
  website?: string;
}

export interface HsdsOrganizationIdentifier {
  id: string;
  organization_id: string;
  identifier_type: string;
  identifier: string;
}

export type HsdsStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  email?: string;
  status: HsdsStatus;
  fees_description?: string;
  eligibility_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  last_modified?: string;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  organization_id?: string;
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  postal_code: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
  description?: string;
}

export interface HsdsPhone {
  id: string;
  service_id?: string;
  number: string;
  description?: string;
}

export interface HsdsContact {
  id: string;
  service_id?: string;
  department?: string;
}

export interface HsdsCostOption {
  id: string;
  service_id: string;
  option?: string;
  amount?: number;
  amount_description?: string;
  currency?: string;
}

export interface HsdsSchedule {
  id: string;
  service_id?: string;
  location_id?: string;
  service_at_location_id?: string;
  valid_from?: string;
  dtstart?: string;
  /** A UTC offset in hours (HSDS 3.0 types it as a number): Asia/Tokyo is 9, with no daylight time. */
  timezone?: number;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  /** RRULE BYDAY: 「MO,TU」 weekly, 「4TU」 or 「-1TU」 monthly. */
  byday?: string;
  /** HH:MM with the UTC offset, e.g. 10:00+09:00. */
  opens_at?: string;
  closes_at?: string;
  description?: string;
  notes?: string;
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name: string;
  description?: string;
  extent?: string;
  extent_type?: string;
  uri?: string;
}

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri?: string;
  version?: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code?: string;
  name: string;
  description: string;
  parent_id?: string;
  taxonomy?: string;
  language?: string;
  taxonomy_id?: string;
  term_uri?: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  taxonomy_term_id: string;
  link_type?: string;
  link_entity?: string;
  value?: string;
}

/** The tables Norishiro writes, under the keys of the spec's compiled/tabular.json. */
export interface HsdsTabular {
  organization: HsdsOrganization[];
  organization_identifier: HsdsOrganizationIdentifier[];
  service: HsdsService[];
  location: HsdsLocation[];
  address: HsdsAddress[];
  phone: HsdsPhone[];
  contact: HsdsContact[];
  cost_option: HsdsCostOption[];
  service_at_location: HsdsServiceAtLocation[];
  schedule: HsdsSchedule[];
  service_area: HsdsServiceArea[];
  taxonomy: HsdsTaxonomy[];
  taxonomy_term: HsdsTaxonomyTerm[];
  attribute: HsdsAttribute[];
}

export type HsdsTable = keyof HsdsTabular;
