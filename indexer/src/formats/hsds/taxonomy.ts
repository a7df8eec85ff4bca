import { taxonomy, type Label } from '@norishiro/data';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from './dataset.ts';
import { uuidFor } from './uuid.ts';

/** The Norishiro code lists published as HSDS taxonomies, keyed by the Resource field. */
export const TAXONOMY_FIELDS = {
  categories: { name: 'Norishiro 分類', linkType: 'category', labels: taxonomy.categories },
  targets: { name: 'Norishiro 対象', linkType: 'audience', labels: taxonomy.targets },
  stages: { name: 'Norishiro 参加の段階', linkType: 'participation_stage', labels: taxonomy.stages },
  features: { name: 'Norishiro 特徴', linkType: 'feature', labels: taxonomy.features },
  operation: { name: 'Norishiro 運営形態', linkType: 'operation', labels: taxonomy.operations },
} as const;

export type TaxonomyField = keyof typeof TAXONOMY_FIELDS;

/**
 * Facts a Norishiro resource holds that HSDS has no field for. Each is an `attribute` whose
 * term is in this published taxonomy and whose `value` carries the fact, so a strict HSDS
 * validator sees only HSDS fields and a reader can look every term up at its term_uri.
 */
export const EXTENSION_TERMS = {
  norishiro_id: { ja: 'Norishiro の資源 ID', en: 'The permanent Norishiro resource id (its URL is /resources/{id}).' },
  former_id: {
    ja: '以前の資源 ID',
    en: 'An id merged into this resource; it keeps answering with this one (one attribute per id).',
  },
  kind: {
    ja: '資源の種類',
    en: 'place, service, program, volunteer or network: what kind of resource the plan lists.',
  },
  reading: { ja: '名称の読み（カタカナ）', en: 'Reading of the name in katakana.' },
  alias: { ja: '別名', en: 'One other name the resource goes by (one attribute per name).' },
  legal_basis: { ja: '根拠法令', en: 'The legal basis the plan cites.' },
  count: { ja: '箇所数', en: 'Number of places, for entries a plan gives only as a count.' },
  usage: { ja: '利用実績', en: 'A usage figure the plan reports, as JSON {label, value, unit, period}.' },
  tag: { ja: '活動・関心', en: 'An activity or interest the plan mentions (one attribute per tag).' },
  notes: { ja: '備考', en: 'Notes.' },
  source: { ja: '出典', en: 'Where the entry comes from, as JSON {file, section, quote, synthetic}.' },
  plan_status: {
    ja: '計画上の状態',
    en: 'planned (開設予定) or considering (検討中): HSDS has one "inactive" for both.',
  },
  municipality: { ja: '全国地方公共団体コード', en: 'The 6-digit code of the municipality the resource belongs to.' },
  district: { ja: '地区', en: 'The district (地区) inside the municipality.' },
  outside: {
    ja: '市外の場所',
    en: 'A place outside the city whose plan names it, as JSON {municipality?, name}.',
  },
  location_precision: {
    ja: '位置の精度',
    en: 'address, district or municipality: how exact the location point is (see location.description).',
  },
  schedule_kind: { ja: '日程の種類', en: 'irregular (随時・不定期) or unknown (記載なし) when there is no RRULE.' },
  times_per_period: { ja: '期間内の回数', en: 'How many times per interval period (e.g. 2か月に3回 → 3).' },
} as const satisfies Record<string, Label>;

export type ExtensionTerm = keyof typeof EXTENSION_TERMS;

export const TAXONOMY_VERSION = '3';
export const EXTENSION_TAXONOMY = 'extension';

export const taxonomyId = (field: TaxonomyField | typeof EXTENSION_TAXONOMY) => uuidFor(`taxonomy:${field}`);
export const termId = (field: TaxonomyField, code: string | number) => uuidFor(`taxonomy:${field}:${code}`);
export const extensionTermId = (term: ExtensionTerm) => uuidFor(`taxonomy:${EXTENSION_TAXONOMY}:${term}`);

/** Where a deployment serves its taxonomies: stable for as long as its origin is. */
export const taxonomyUri = (baseUrl: string, id: string) => `${baseUrl}/api/hsds/taxonomies/${id}`;
export const termUri = (baseUrl: string, id: string) => `${baseUrl}/api/hsds/taxonomy_terms/${id}`;

/** Every Norishiro taxonomy and term, with the URLs they are served at under `baseUrl`. */
export function hsdsTaxonomies(baseUrl: string): { taxonomy: HsdsTaxonomy[]; taxonomy_term: HsdsTaxonomyTerm[] } {
  const taxonomies: HsdsTaxonomy[] = [];
  const terms: HsdsTaxonomyTerm[] = [];
  const add = (key: TaxonomyField | typeof EXTENSION_TAXONOMY, name: string, description: string) => {
    const id = taxonomyId(key);
    taxonomies.push({ id, name, description, uri: taxonomyUri(baseUrl, id), version: TAXONOMY_VERSION });
    return id;
  };
  const term = (taxonomy_id: string, id: string, code: string, label: Label) =>
    terms.push({
      id,
      code,
      name: label.ja,
      description: label.en,
      taxonomy_id,
      language: 'ja',
      term_uri: termUri(baseUrl, id),
    });
  for (const [field, { name, labels }] of Object.entries(TAXONOMY_FIELDS) as [
    TaxonomyField,
    (typeof TAXONOMY_FIELDS)[TaxonomyField],
  ][]) {
    const tid = add(field, name, `Norishiro code list for the resource field "${field}".`);
    for (const [code, label] of Object.entries(labels) as [string, Label][])
      term(tid, termId(field, code), code, label);
  }
  const ext = add(
    EXTENSION_TAXONOMY,
    'Norishiro 拡張項目',
    'Facts Norishiro records that HSDS 3 has no field for; each attribute linked to one of these terms carries the fact in its value.',
  );
  for (const [code, label] of Object.entries(EXTENSION_TERMS) as [ExtensionTerm, Label][])
    term(ext, extensionTermId(code), code, label);
  return { taxonomy: taxonomies, taxonomy_term: terms };
}
