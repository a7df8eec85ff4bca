import { synonymMap } from '@norishiro/data';
import type { Settings } from 'meilisearch';

/** The index settings live in code; every rebuild applies them to the fresh index. */
export const INDEX_SETTINGS = {
  searchableAttributes: [
    'name',
    'aliases',
    'readings',
    'variants',
    'categoryLabels',
    'tags',
    'description',
    'operator',
    'district',
    'municipalityName',
  ],
  filterableAttributes: [
    'municipality',
    'categories',
    'targets',
    'stages',
    'days',
    'openHours',
    'district',
    'cost',
    'status',
    'features',
    'precision',
    'scheduleKnown',
    'synthetic',
    'ageMin',
    'ageMax',
    '_geo',
    // Resource.kind (data contract): the resident page lists places first.
    'kind',
  ],
  sortableAttributes: ['_geo', 'name'],
  localizedAttributes: [{ attributePatterns: ['*'], locales: ['jpn'] }],
  synonyms: synonymMap(),
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 5000 },
} satisfies Settings;
