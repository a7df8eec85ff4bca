import { parse } from 'csv-parse/sync';
import * as v from 'valibot';
import {
  MAX_KM_FROM_CITY_HALL,
  ResourceSchema,
  distanceKm,
  inJapan,
  isValidLgCode,
  toKatakana,
  toMinutes,
  type Municipality,
  type Point,
  type Resource,
  type Schedule,
} from '@norishiro/data';
import { decodeCsvBytes, type CsvEncoding } from './decode.ts';
import { parseDays, parseHours } from './days.ts';
import { detectLayout, normalizeHeader, type DetectedLayout, type Field, type LayoutId } from './layout.ts';
import { classify, type Mapping } from './mapping.ts';

export interface OpenDataImportOptions {
  /** Cited as source.file. */
  fileName: string;
  /** Rows must belong to one of these. */
  municipalities: readonly Municipality[];
  mapping: Mapping;
  /** YYYY-MM-DD written as verifiedAt; defaults to today in Japan. */
  today?: string;
}

export interface RejectedRow {
  /** 1-based line in the file where the row starts. */
  line: number;
  reason: string;
}

export interface OpenDataImport {
  resources: Resource[];
  rejected: RejectedRow[];
  encoding: CsvEncoding;
  layout?: LayoutId;
}

export const todayInJapan = (now = new Date()) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(now);

interface CsvRow {
  line: number;
  cells?: string[];
  /** The row as written, line breaks normalised, for source.quote. */
  raw: string;
}

/**
 * Splits CSV text into rows with their starting line. A row csv-parse cannot read (an
 * unclosed quote) becomes a row without cells instead of failing the whole file.
 */
function readRows(text: string): CsvRow[] {
  const events: { raw: string; cells?: string[] }[] = [];
  parse(text.replace(/\r\n?/g, '\n'), {
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // With `raw`, csv-parse hands on_record { record, raw } although its types say string[].
    on_record: (r) => {
      const { record, raw } = r as unknown as { record: string[]; raw: string };
      events.push({ raw, cells: record });
      return null;
    },
    on_skip: (_err, raw) => {
      events.push({ raw: raw ?? '' });
    },
  });
  let lastLine = 0;
  return events.map((e) => {
    const leading = /^\n*/.exec(e.raw)![0].length;
    const body = e.raw.slice(leading).replace(/\n$/, '');
    const line = lastLine + 1 + leading;
    lastLine = line + (body.match(/\n/g)?.length ?? 0);
    return { line, raw: body, ...(e.cells && { cells: e.cells }) };
  });
}

const fold = (s: string) => s.normalize('NFKC').trim();

function slug(s: string): string {
  return fold(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const hallName = (m: Municipality) => `${m.name}${/[町村]$/.test(m.name) ? '役場' : '役所'}`;

/** Where the row says it is, or why that cannot be used. */
function placeOf(latText: string, lngText: string, m: Municipality): Point | string | undefined {
  if (latText === '' && lngText === '') return undefined;
  const lat = latText === '' ? NaN : Number(fold(latText));
  const lng = lngText === '' ? NaN : Number(fold(lngText));
  if (!Number.isFinite(lat) || !Number.isFinite(lng))
    return `緯度・経度が読めません（緯度「${latText}」経度「${lngText}」）`;
  const p = { lat, lng };
  if (!inJapan(p)) {
    return inJapan({ lat: lng, lng: lat })
      ? `緯度と経度が入れ替わっているようです（緯度 ${lat}、経度 ${lng}）`
      : `位置が日本の範囲外です（緯度 ${lat}、経度 ${lng}）`;
  }
  const km = distanceKm(p, m.cityHall);
  if (km > MAX_KM_FROM_CITY_HALL) return `位置が${hallName(m)}から ${km.toFixed(1)} km 離れています`;
  return p;
}

const validUrl = (s: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
};

/** Weekly when 利用可能曜日 reads cleanly; otherwise unknown, keeping the words as a note. */
function scheduleOf(days: string, start: string, end: string, daysNote: string): Schedule {
  const parsedDays = days === '' ? undefined : parseDays(days);
  const hours = parseHours(start, end);
  const ordered = hours && (!hours.open || !hours.close || toMinutes(hours.open) < toMinutes(hours.close));
  const hoursText = start || end ? `時間: ${[start, end].filter(Boolean).join('〜')}` : '';
  const holidayNote = { open: '祝日も利用可', closed: '祝日を除く', unmentioned: '' }[
    parsedDays?.holidays ?? 'unmentioned'
  ];
  const join = (...parts: string[]) => parts.filter(Boolean).join(' / ') || undefined;
  if (!parsedDays) {
    const note = join(days && `利用可能曜日: ${days}`, hoursText, daysNote);
    return note ? { kind: 'unknown', note } : { kind: 'unknown' };
  }
  const note = join(holidayNote, ordered ? '' : hoursText, daysNote);
  return {
    kind: 'weekly',
    slots: [{ days: parsedDays.days, ...(ordered && hours) }],
    ...(note && { note }),
  };
}

const issueMessages = (issues: v.BaseIssue<unknown>[]) =>
  issues.map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`.replace(/^: /, '')).join('; ');

interface RowContext extends OpenDataImportOptions {
  detected: DetectedLayout;
  headerIndex: Map<string, number>;
  today: string;
}

/**
 * Lists of one city write the same NO as 0000011063 and 11063: a number is one key whatever
 * its zero padding, so the facility is one resource.
 */
const numericKey = (no: string) => (/^\d+$/.test(no) ? no.replace(/^0+(?=\d)/, '') : no);

/** One data row to a resource, or the reason it cannot be one. */
function rowToResource(row: CsvRow & { cells: string[] }, ctx: RowContext): Resource | string {
  const { layout, index } = ctx.detected;
  const get = (f: Field) => {
    const i = index[f];
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const code = fold(get('code'));
  if (!/^\d{6}$/.test(code)) return `団体コード「${get('code')}」が6桁の数字ではありません`;
  if (!isValidLgCode(code)) return `団体コード ${code} の検査数字が合いません`;
  const m = ctx.municipalities.find((x) => x.code === code);
  if (!m)
    return `団体コード ${code} の自治体はまだ登録されていません（pnpm admin municipality add ${code} で加えてから、もう一度取り込んでください）`;
  const cityName = get('municipalityName');
  if (cityName && !cityName.includes(m.name))
    return `市区町村名「${cityName}」が団体コード ${code}（${m.name}）と合いません`;
  const name = get('name');
  if (!name) return '名称がありません';
  const officeNumber = fold(get('officeNumber'));
  const key = slug(numericKey(/^\d+$/.test(officeNumber) ? officeNumber : fold(get('no'))));
  if (!key) return `${layout.columns.no}がないか、英数字を含みません`;

  const place = placeOf(get('lat'), get('lng'), m);
  if (typeof place === 'string') return place;
  const classification = classify(ctx.mapping, (column) => {
    const i = ctx.headerIndex.get(normalizeHeader(column));
    return i === undefined ? undefined : (row.cells[i] ?? '').trim();
  });
  if (!classification) return 'どの対応規則にも当たらず、既定の分類もありません';

  const kana = toKatakana(fold(get('kana'))).replace(/\s+/g, ' ');
  const phone = [get('phone'), get('extension') && `内線 ${get('extension')}`].filter(Boolean).join(' ');
  const address = [get('address'), get('addressExtra')].filter(Boolean).join(' ');
  const url = get('url');
  const contact = {
    ...(phone && { phone }),
    ...(validUrl(url) && { url }),
    ...(address && { address }),
  };
  const notes = [
    get('remarks'),
    get('barrierFree') && `バリアフリー: ${get('barrierFree')}`,
    get('capacity') && `定員: ${get('capacity')}`,
    url && !validUrl(url) ? `URL: ${url}` : '',
  ].filter(Boolean);
  const candidate = {
    id: `${code}-od-${layout.slug}-${key}`,
    municipality: code,
    name,
    kind: layout.provides,
    ...(/^[\u30a0-\u30ff0-9A-Za-z ]+$/.test(kana) && { reading: kana }),
    aliases: [get('alias'), get('nameEn')].filter((a) => a && a !== name),
    ...classification,
    ...(get('description') && { description: get('description') }),
    ...(get('operator') && { operator: get('operator') }),
    ...(layout.provides === 'service' && { operation: 'provider' }),
    location: place
      ? { ...place, precision: 'address', pointOf: 'オープンデータの緯度経度' }
      : { ...m.cityHall, precision: 'municipality', pointOf: `${hallName(m)}（オープンデータに緯度経度なし）` },
    schedule: scheduleOf(get('days'), get('start'), get('end'), get('daysNote')),
    status: 'active',
    tags: get('service')
      .split(/[;；、,]/)
      .map((t) => t.trim())
      .filter(Boolean),
    ...(Object.keys(contact).length > 0 && { contact }),
    ...(notes.length > 0 && { notes: notes.join('\n') }),
    source: { file: ctx.fileName, section: `${layout.name} 行 ${row.line}`, quote: row.raw },
    verifiedAt: ctx.today,
  };
  const checked = v.safeParse(ResourceSchema, candidate);
  return checked.success ? checked.output : issueMessages(checked.issues);
}

/**
 * Imports one 自治体標準オープンデータセット CSV (公共施設一覧, either layout, or
 * 介護サービス事業所一覧). Bad rows are reported with their line and do not stop the rest.
 * Ids come from the dataset's own NO / ID (or 事業所番号), so re-importing a newer file
 * keeps each resource's id.
 */
export function importOpenDataCsv(bytes: Uint8Array, options: OpenDataImportOptions): OpenDataImport {
  const { text, encoding } = decodeCsvBytes(bytes);
  const [header, ...rows] = readRows(text);
  const detected = header?.cells && detectLayout(header.cells);
  if (!header?.cells || !detected) {
    return {
      resources: [],
      rejected: [
        { line: header?.line ?? 1, reason: '見出し行が公共施設一覧・介護サービス事業所一覧のどの形とも合いません' },
      ],
      encoding,
    };
  }
  const ctx: RowContext = {
    ...options,
    detected,
    headerIndex: new Map(header.cells.map((h, i) => [normalizeHeader(h), i])),
    today: options.today ?? todayInJapan(),
  };
  const resources: Resource[] = [];
  const rejected: RejectedRow[] = [];
  const lineOfId = new Map<string, number>();
  for (const row of rows) {
    const reject = (reason: string) => rejected.push({ line: row.line, reason });
    if (!row.cells) {
      reject('引用符 (") が閉じていないため、この行から先を読めません');
      continue;
    }
    // Spreadsheets export trailing rows of bare commas; they are not entries.
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (row.cells.length !== header.cells.length) {
      reject(`列の数が ${row.cells.length} で、見出しの ${header.cells.length} と違います`);
      continue;
    }
    const result = rowToResource({ ...row, cells: row.cells }, ctx);
    if (typeof result === 'string') {
      reject(result);
      continue;
    }
    const first = lineOfId.get(result.id);
    if (first !== undefined) {
      reject(`ID ${result.id} が ${first} 行目と重複しています`);
      continue;
    }
    lineOfId.set(result.id, row.line);
    resources.push(result);
  }
  return { resources, rejected, encoding, layout: detected.layout.id };
}
