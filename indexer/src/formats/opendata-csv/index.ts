export { decodeCsvBytes, type CsvEncoding, type DecodedText } from './decode.ts';
export { parseDays, parseHours, parseTime, type ParsedDays } from './days.ts';
export { detectLayout, LAYOUTS, type DetectedLayout, type Layout, type LayoutId } from './layout.ts';
export { MappingSchema, classify, parseMapping, type Mapping, type MappingInput } from './mapping.ts';
export {
  importOpenDataCsv,
  todayInJapan,
  type OpenDataImport,
  type OpenDataImportOptions,
  type RejectedRow,
} from './import.ts';
