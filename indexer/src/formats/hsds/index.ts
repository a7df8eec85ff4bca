export type * from './dataset.ts';
export { exportHsds } from './export.ts';
export { importHsds, type HsdsImport, type HsdsIssue } from './import.ts';
