import {
  hoursOn,
  openAt,
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
 * What a card says about one weekday: the hours (「火曜 10:00–15:00」), 「お休み」, or 要確認.
 * Only what the plan says: an unknown or irregular schedule is never a guess.
 */
export function dayLine(
  doc: Pick<SearchDocument, 'days' | 'scheduleKnown' | 'sessions'>,
  day: Day,
): { state: OpenState; text: string } {
  const hours = hoursOn(doc.sessions ?? [], day);
  if (hours) return { state: 'open', text: hours };
  if (!doc.scheduleKnown || doc.days.length === 0) return { state: 'unknown', text: `${dayJa(day)}：曜日は要確認` };
  return { state: 'closed', text: `${dayJa(day)}はお休み` };
}

/** 「いま開いています」 only when the hours are known and cover this moment in Japan. */
export const openNow = (doc: Pick<SearchDocument, 'sessions' | 'status'>, now: Date) =>
  doc.status === 'active' && openAt(doc.sessions ?? [], now);

export const precisionJa: Record<string, string> = {
  address: '住所の位置',
  district: 'おおよその位置（地区の代表地点）',
  municipality: 'おおよその位置（市役所の地点）',
  unknown: '場所は計画に書かれていません',
};

/** Drawn, but at a district's or the city hall's point rather than the place itself. */
export const isApprox = (p: Precision) => p === 'district' || p === 'municipality';
/** A point that says where the place is, not a city-hall stand-in (or no point at all). */
export const isLocated = (p: string) => p === 'address' || p === 'district';

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

/**
 * The distance a card shows. A distance to or from an approximate point says so
 * (「約10km・おおよそ」); a place whose location is unknown shows none.
 */
export function distanceJa(hit: { distanceKm?: number; precision: string }, from: { exact: boolean } | null): string {
  if (!from) return '';
  if (hit.distanceKm === undefined) return isLocated(hit.precision) ? '' : '場所は計画に書かれていません';
  const approx = !from.exact || hit.precision !== 'address';
  if (!approx) return `ここから ${formatKm(hit.distanceKm)}`;
  return hit.distanceKm < 1 ? '1km未満・おおよそ' : `${formatKm(hit.distanceKm)}・おおよそ`;
}
