import {
  categoryLabels,
  dayLabels,
  DAYS,
  featureLabels,
  operationLabels,
  stageLabels,
  statusLabels,
  targetLabels,
  type Category,
  type Day,
  type Feature,
  type Municipality,
  type Point,
  type Precision,
  type SearchDocument,
  type Target,
} from '@norishiro/data';

export const categoryJa = (c: Category) => categoryLabels[c]?.ja ?? c;
export const targetJa = (t: Target) => targetLabels[t]?.ja ?? t;
export const featureJa = (f: Feature) => featureLabels[f]?.ja ?? f;
export const stageJa = (s: 1 | 2 | 3 | 4) => stageLabels[s]?.ja ?? String(s);
export const operationJa = (o: keyof typeof operationLabels) => operationLabels[o]?.ja ?? o;
export const statusJa = (s: keyof typeof statusLabels) => statusLabels[s]?.ja ?? s;
export const dayJa = (d: Day) => `${dayLabels[d].ja}曜`;

/** Today's weekday code in Japan time. */
export function todayDay(now = new Date()): Day {
  const jst = new Date(now.getTime() + 9 * 3600_000);
  return DAYS[(jst.getUTCDay() + 6) % 7]!;
}

export type OpenState = 'open' | 'closed' | 'unknown';

/**
 * "Open on <day>" for a card. Only what the plan says: an unknown or irregular schedule
 * gives 要確認, never a guess.
 */
export function openOn(
  doc: Pick<SearchDocument, 'days' | 'scheduleKnown'>,
  day: Day,
): { state: OpenState; text: string } {
  const d = dayJa(day);
  if (!doc.scheduleKnown) return { state: 'unknown', text: `${d}：開いているかは 要確認` };
  if (doc.days.includes(day)) return { state: 'open', text: `${d} 開いています` };
  if (doc.days.length === 0) return { state: 'unknown', text: `${d}：日にちは 要確認` };
  return { state: 'closed', text: `${d} お休み` };
}

export const precisionJa: Record<Precision, string> = {
  address: '住所の位置',
  district: 'おおよその位置（地区の代表地点）',
  municipality: 'おおよその位置（市役所の地点）',
  unknown: '場所は不明（計画に書かれていません）',
};

/** Drawn, but at a district's or the city hall's point rather than the place itself. */
export const isApprox = (p: Precision) => p === 'district' || p === 'municipality';

export function formatKm(km: number | undefined): string {
  if (km === undefined) return '';
  if (km < 0.1) return 'すぐ近く';
  return km < 1 ? `約${Math.round((km * 1000) / 50) * 50}m` : `約${km.toFixed(km < 10 ? 1 : 0)}km`;
}

/** The point that stands for a city or one of its districts. */
export function placePoint(m: Municipality, district?: string): Point {
  const d = district ? m.districts.find((x) => x.name === district) : undefined;
  return d?.point ?? m.cityHall;
}
