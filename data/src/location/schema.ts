import * as v from 'valibot';

/** Japan's extent, generously: Okinotorishima to Etorofu. */
export const JAPAN_BOUNDS = { minLat: 20, maxLat: 46, minLng: 122, maxLng: 154 } as const;

export const PointSchema = v.object({
  lat: v.pipe(v.number('緯度は数値で書いてください'), v.minValue(-90), v.maxValue(90)),
  lng: v.pipe(v.number('経度は数値で書いてください'), v.minValue(-180), v.maxValue(180)),
});

export const PrecisionSchema = v.picklist(
  ['address', 'district', 'municipality'] as const,
  '位置の精度は address / district / municipality のいずれかです',
);

/** Where a resource is drawn, and honestly how exact that is. */
export const LocationSchema = v.object({
  ...PointSchema.entries,
  precision: PrecisionSchema,
  /** What the point is, e.g. 「修善寺地区の代表点（大字 修善寺）」. */
  pointOf: v.pipe(v.string(), v.minLength(1, '位置が何の地点かを書いてください')),
});

export type Point = v.InferOutput<typeof PointSchema>;
export type Precision = v.InferOutput<typeof PrecisionSchema>;
export type Location = v.InferOutput<typeof LocationSchema>;

export function inJapan(p: Point): boolean {
  const b = JAPAN_BOUNDS;
  return p.lat >= b.minLat && p.lat <= b.maxLat && p.lng >= b.minLng && p.lng <= b.maxLng;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}
