import { taxonomy, type Label } from '@norishiro/data';
import type { HsdsTaxonomy, HsdsTaxonomyTerm } from './dataset.ts';
import { uuidFor } from './uuid.ts';

/** The Norishiro code lists published as HSDS taxonomies, keyed by the Resource field. */
export const TAXONOMY_FIELDS = {
  categories: { name: 'Norishiro 分類', labels: taxonomy.categories },
  targets: { name: 'Norishiro 対象', labels: taxonomy.targets },
  stages: { name: 'Norishiro 参加の段階', labels: taxonomy.stages },
  features: { name: 'Norishiro 特徴', labels: taxonomy.features },
  operation: { name: 'Norishiro 運営形態', labels: taxonomy.operations },
} as const;

export type TaxonomyField = keyof typeof TAXONOMY_FIELDS;

export const TAXONOMY_VERSION = '1';

export const taxonomyId = (field: TaxonomyField) => uuidFor(`taxonomy:${field}`);
export const termId = (field: TaxonomyField, code: string | number) => uuidFor(`taxonomy:${field}:${code}`);

export function hsdsTaxonomies(): { taxonomies: HsdsTaxonomy[]; taxonomy_terms: HsdsTaxonomyTerm[] } {
  const taxonomies: HsdsTaxonomy[] = [];
  const terms: HsdsTaxonomyTerm[] = [];
  for (const [field, { name, labels }] of Object.entries(TAXONOMY_FIELDS) as [
    TaxonomyField,
    (typeof TAXONOMY_FIELDS)[TaxonomyField],
  ][]) {
    taxonomies.push({
      id: taxonomyId(field),
      name,
      description: `Norishiro code list for ${field}`,
      version: TAXONOMY_VERSION,
    });
    for (const [code, label] of Object.entries(labels) as [string, Label][]) {
      terms.push({
        id: termId(field, code),
        code,
        name: label.ja,
        description: label.en,
        taxonomy_id: taxonomyId(field),
        language: 'ja',
      });
    }
  }
  return { taxonomies, taxonomy_terms: terms };
}
