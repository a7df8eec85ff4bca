import * as v from 'valibot';
import { ScheduleSchema } from '../schedule/schema.ts';
import { describeSchedule } from '../schedule/describe.ts';
import {
  categoryLabels,
  featureLabels,
  operationLabels,
  stageLabels,
  statusLabels,
  targetLabels,
  type Label,
} from '../taxonomy/codes.ts';

const NONE = '（なし）';

const precisionLabels: Record<string, string> = {
  address: '住所の地点',
  district: '地区の代表点',
  municipality: '市役所など市の代表点',
  unknown: '位置は不明',
};

const costLabels: Record<string, string> = { free: '無料', paid: '有料', unknown: '費用は要確認' };

const labelled = (labels: Record<string | number, Label>) => (value: unknown) =>
  Array.isArray(value)
    ? value.map((code: string | number) => labels[code]?.ja ?? String(code)).join('、')
    : (labels[value as string]?.ja ?? String(value));

const joined = (parts: (string | false | undefined)[]) => parts.filter(Boolean).join('／');

type Obj = Record<string, unknown>;

const describers: Record<string, (value: unknown) => string> = {
  categories: labelled(categoryLabels),
  targets: labelled(targetLabels),
  features: labelled(featureLabels),
  status: labelled(statusLabels),
  operation: labelled(operationLabels),
  stages: (value) => (value as number[]).map((s) => `${s}. ${stageLabels[s as 1]?.ja ?? ''}`.trim()).join('、'),
  schedule: (value) => {
    const parsed = v.safeParse(ScheduleSchema, value);
    return parsed.success ? describeSchedule(parsed.output) : JSON.stringify(value);
  },
  contact: (value) => {
    const c = value as Obj;
    return joined([
      typeof c.phone === 'string' && `電話 ${c.phone}`,
      typeof c.url === 'string' && `URL ${c.url}`,
      typeof c.address === 'string' && `住所 ${c.address}`,
    ]);
  },
  cost: (value) => {
    const c = value as Obj;
    return joined([costLabels[c.kind as string] ?? String(c.kind), typeof c.note === 'string' && c.note]);
  },
  location: (value) => {
    const l = value as Obj;
    const outside = l.outside as Obj | undefined;
    return joined([
      typeof l.pointOf === 'string' && l.pointOf,
      precisionLabels[l.precision as string],
      typeof l.lat === 'number' && typeof l.lng === 'number' && `${l.lat}, ${l.lng}`,
      outside && `市外（${String(outside.name)}）`,
    ]);
  },
  source: (value) => {
    const s = value as Obj;
    return joined([String(s.file), String(s.section), `「${String(s.quote)}」`]);
  },
  usage: (value) =>
    (value as Obj[])
      .map((u) => {
        const figure =
          typeof u.value === 'number' ? `：${u.value.toLocaleString('ja-JP')}${(u.unit as string) ?? ''}` : '';
        return `${String(u.label)}${figure}${u.period ? `（${String(u.period)}）` : ''}`;
      })
      .join('、'),
};

const empty = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

/**
 * A field's value as a person reads it (「毎週火 13:00〜16:00」, not JSON), for the
 * history, review and conflict lists. Shapes it does not know fall back to JSON, so a
 * field added to the schema later still shows.
 */
export function describeFieldValue(field: string, value: unknown): string {
  if (empty(value)) return NONE;
  const describe = describers[field];
  if (describe) {
    try {
      return describe(value) || NONE;
    } catch {
      return JSON.stringify(value);
    }
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return value.join('、');
  return JSON.stringify(value);
}
