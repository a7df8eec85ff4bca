export type * from './dataset.ts';
export {
  emptyTabular,
  exportHsds,
  LG_CODE_TYPE,
  municipalityOrgId,
  serviceId,
  type HsdsExportOptions,
} from './export.ts';
export { HSDS_TABLES, tableCsv, tableFields, tablePath, toDataPackage, type TableField } from './datapackage.ts';
export { importHsds, type HsdsImport, type HsdsImportOptions, type HsdsIssue } from './import.ts';
export { nestedServices, type NestedService } from './nested.ts';
export { readHsds, type HsdsShape, type LooseTabular } from './read.ts';
export { JST_OFFSET_HOURS, toJapanTime } from './schedule.ts';
export { EXTENSION_TERMS, TAXONOMY_FIELDS, hsdsTaxonomies, taxonomyUri, termUri } from './taxonomy.ts';
