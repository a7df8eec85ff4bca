/**
 * The subset of Open Referral HSDS 3 that Norishiro reads and writes, in HSDS's flat
 * (one array per table) form. Field names are HSDS's own; `x_norishiro` holds what HSDS
 * has no field for (see export.ts for the list).
 */
import type { Municipality, Outside, Precision, Resource, Schedule } from '@norishiro/data';

export interface HsdsOrganization {
  id: string;
  name: string;
  description?: string;
  /** Present only on the organisation that stands for a municipality itself. */
  x_norishiro?: { municipality: Municipality };
}

/** What a Norishiro resource holds that HSDS 3 has no field for. */
export interface ServiceExtension {
  id: string;
  kind: Resource['kind'];
  /** Ids merged into this one; they keep answering with it. */
  formerIds?: string[];
  reading?: string;
  aliases: string[];
  legalBasis?: string;
  count?: number;
  usage: Resource['usage'];
  tags: string[];
  notes?: string;
  source: Resource['source'];
  /** HSDS has one `inactive` for both 開設予定 and 検討中; this tells them apart. */
  considering?: true;
}

export interface HsdsService {
  id: string;
  organization_id: string;
  name: string;
  alternate_name?: string;
  description?: string;
  url?: string;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  fees_description?: string;
  minimum_age?: number;
  maximum_age?: number;
  assured_date?: string;
  x_norishiro?: ServiceExtension;
}

export interface HsdsLocation {
  id: string;
  location_type: 'physical' | 'postal' | 'virtual';
  name?: string;
  description?: string;
  latitude?: number;
  longitude?: number;
  x_norishiro?: { precision: Precision; outside?: Outside };
}

export interface HsdsAddress {
  id: string;
  location_id: string;
  address_1: string;
  city: string;
  state_province: string;
  country: string;
  address_type: 'physical' | 'postal' | 'virtual';
}

export interface HsdsServiceAtLocation {
  id: string;
  service_id: string;
  location_id: string;
}

export interface HsdsPhone {
  id: string;
  service_id: string;
  number: string;
}

export interface HsdsContact {
  id: string;
  service_id: string;
  department: string;
}

export interface HsdsCostOption {
  id: string;
  service_id: string;
  option: string;
  amount?: number;
  currency: string;
}

export interface HsdsSchedule {
  id: string;
  service_id: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  /** RRULE BYDAY: 「MO,TU」 weekly, 「4TU」 or 「-1TU」 monthly. */
  byday?: string;
  /** HH:MM:SS local time (Asia/Tokyo). */
  opens_at?: string;
  closes_at?: string;
  description?: string;
  notes?: string;
  x_norishiro?: { kind?: Extract<Schedule['kind'], 'unknown' | 'irregular'>; timesPerPeriod?: number };
}

export interface HsdsServiceArea {
  id: string;
  service_id: string;
  name: string;
  description?: string;
  extent: string;
  extent_type: 'text';
  x_norishiro?: { municipality: string; district?: string };
}

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  version: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy_id: string;
  language: string;
}

export interface HsdsAttribute {
  id: string;
  link_id: string;
  link_type: string;
  link_entity: 'service';
  taxonomy_term_id: string;
}

export interface HsdsDataset {
  organizations: HsdsOrganization[];
  services: HsdsService[];
  locations: HsdsLocation[];
  addresses: HsdsAddress[];
  phones: HsdsPhone[];
  contacts: HsdsContact[];
  cost_options: HsdsCostOption[];
  service_at_locations: HsdsServiceAtLocation[];
  schedules: HsdsSchedule[];
  service_areas: HsdsServiceArea[];
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
  attributes: HsdsAttribute[];
}
