/** What a column means to the importer, whatever a layout calls it. */
export type Field =
  | 'code'
  | 'no'
  | 'municipalityName'
  | 'name'
  | 'kana'
  | 'alias'
  | 'nameEn'
  | 'address'
  | 'addressExtra'
  | 'lat'
  | 'lng'
  | 'phone'
  | 'extension'
  | 'operator'
  | 'service'
  | 'officeNumber'
  | 'days'
  | 'start'
  | 'end'
  | 'daysNote'
  | 'description'
  | 'barrierFree'
  | 'capacity'
  | 'url'
  | 'remarks';

export type LayoutId = 'facility-legacy' | 'facility' | 'care-service-legacy' | 'care-service';

export interface Layout {
  id: LayoutId;
  /** Japanese name, cited in each resource's source.section. */
  name: string;
  /** Short, stable id segment, so that NO 1 of two lists never collide. */
  slug: string;
  /** A 公共施設 is a place to go; a 介護サービス事業所 provides a service. */
  provides: 'place' | 'service';
  /** The column that tells this layout apart, checked with `first`. */
  signature: string;
  /** The first column's header; the datasets fix it. */
  first: string;
  columns: Partial<Record<Field, string>>;
}

/** Headers are compared after NFKC and without spaces: 「建物名等（方書）」 = 「建物名等(方書)」. */
export const normalizeHeader = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

/** The columns both layouts of 介護サービス事業所一覧 name alike. */
const CARE_COLUMNS = {
  name: '介護サービス事業所名称',
  kana: '介護サービス事業所名称_カナ',
  service: '実施サービス',
  lat: '緯度',
  lng: '経度',
  phone: '電話番号',
  extension: '内線番号',
  operator: '法人の名称',
  officeNumber: '事業所番号',
  days: '利用可能曜日',
  daysNote: '利用可能曜日特記事項',
  capacity: '定員',
  url: 'URL',
  remarks: '備考',
} satisfies Partial<Record<Field, string>>;

export const LAYOUTS: readonly Layout[] = [
  {
    id: 'care-service',
    name: '介護サービス事業所一覧',
    slug: 'care',
    provides: 'service',
    signature: '介護サービス事業所名称',
    first: '全国地方公共団体コード',
    columns: {
      code: '全国地方公共団体コード',
      no: 'ID',
      municipalityName: '地方公共団体名',
      nameEn: '介護サービス事業所名称_英字',
      address: '所在地_連結表記',
      addressExtra: '建物名等(方書)',
      ...CARE_COLUMNS,
    },
  },
  {
    id: 'care-service-legacy',
    name: '介護サービス事業所一覧',
    slug: 'care',
    provides: 'service',
    signature: '介護サービス事業所名称',
    first: '都道府県コード又は市区町村コード',
    columns: {
      code: '都道府県コード又は市区町村コード',
      no: 'NO',
      municipalityName: '市区町村名',
      address: '住所',
      addressExtra: '方書',
      ...CARE_COLUMNS,
    },
  },
  {
    id: 'facility-legacy',
    name: '公共施設一覧',
    slug: 'fac',
    provides: 'place',
    signature: '名称',
    first: '都道府県コード又は市区町村コード',
    columns: {
      code: '都道府県コード又は市区町村コード',
      no: 'NO',
      municipalityName: '市区町村名',
      name: '名称',
      kana: '名称_カナ',
      alias: '名称_通称',
      address: '住所',
      addressExtra: '方書',
      lat: '緯度',
      lng: '経度',
      phone: '電話番号',
      extension: '内線番号',
      operator: '団体名',
      days: '利用可能曜日',
      start: '開始時間',
      end: '終了時間',
      daysNote: '利用可能日時特記事項',
      description: '説明',
      barrierFree: 'バリアフリー情報',
      url: 'URL',
      remarks: '備考',
    },
  },
  {
    id: 'facility',
    name: '公共施設一覧',
    slug: 'fac',
    provides: 'place',
    signature: '名称',
    first: '全国地方公共団体コード',
    columns: {
      code: '全国地方公共団体コード',
      no: 'ID',
      municipalityName: '地方公共団体名',
      name: '名称',
      kana: '名称_カナ',
      alias: '名称_通称',
      nameEn: '名称_英字',
      address: '所在地_連結表記',
      addressExtra: '建物名等(方書)',
      lat: '緯度',
      lng: '経度',
      phone: '電話番号',
      extension: '内線番号',
      operator: '団体名',
      days: '利用可能曜日',
      start: '開始時間',
      end: '終了時間',
      daysNote: '利用可能日時特記事項',
      description: '説明',
      barrierFree: 'バリアフリー情報',
      url: 'URL',
      remarks: '備考',
    },
  },
];

export interface DetectedLayout {
  layout: Layout;
  /** Column index of each field the file has. */
  index: Partial<Record<Field, number>>;
}

/** The fields without which a row cannot become a resource. */
const REQUIRED: readonly Field[] = ['code', 'no', 'name'];

/**
 * Tells which dataset a header row belongs to, by its first column and the name column.
 * Columns are then found by name, so files that add, drop or reorder optional columns
 * (as published files do) still import.
 */
export function detectLayout(header: readonly string[]): DetectedLayout | undefined {
  const cells = header.map(normalizeHeader);
  const layout = LAYOUTS.find((l) => cells[0] === l.first && cells.includes(l.signature));
  if (!layout) return undefined;
  const index: Partial<Record<Field, number>> = {};
  for (const [field, column] of Object.entries(layout.columns) as [Field, string][]) {
    const i = cells.indexOf(normalizeHeader(column));
    if (i >= 0) index[field] = i;
  }
  return REQUIRED.every((f) => index[f] !== undefined) ? { layout, index } : undefined;
}
