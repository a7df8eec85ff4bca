import * as v from 'valibot';
import { MunicipalityCodeSchema } from '../municipality/code.ts';

/** Japan's extent, generously: Okinotorishima to Etorofu. */
export const JAPAN_BOUNDS = { minLat: 20, maxLat: 46, minLng: 122, maxLng: 154 } as const;

const LatSchema = v.pipe(v.number('緯度は数値で書いてください'), v.minValue(-90), v.maxValue(90));
const LngSchema = v.pipe(v.number('経度は数値で書いてください'), v.minValue(-180), v.maxValue(180));

export const PointSchema = v.object({ lat: LatSchema, lng: LngSchema });

/**
 * How exact the point is: a confirmed address, a district's representative point, the city
 * hall standing in for "somewhere in the city", or no point at all ('unknown').
 */
export const PrecisionSchema = v.picklist(
  ['address', 'district', 'municipality', 'unknown'] as const,
  '位置の精度は address / district / municipality / unknown のいずれかです',
);

/**
 * A place outside the city whose plan names it. `municipality` is given only when the plan
 * says which one; otherwise the page says 「市外」.
 */
export const OutsideSchema = v.object({
  municipality: v.optional(MunicipalityCodeSchema),
  /** 「中津川市」, or 「市外」 when the plan does not say where. */
  name: v.pipe(v.string(), v.trim(), v.minLength(1, '市外の場所の名前を書いてください（不明なら「市外」）')),
});

/** Where a resource is drawn, and honestly how exact that is. */
export const LocationSchema = v.pipe(
  v.object({
    lat: v.optional(LatSchema),
    lng: v.optional(LngSchema),
    precision: PrecisionSchema,
    /** What the point is, e.g. 「修善寺地区の代表点（大字 修善寺）」, or why there is none. */
    pointOf: v.pipe(v.string(), v.minLength(1, '位置が何の地点かを書いてください')),
    outside: v.optional(OutsideSchema),
  }),
  v.forward(
    v.check(
      (l) => (l.lat === undefined) === (l.lng === undefined),
      '緯度と経度は両方書くか、両方とも書かないでください',
    ),
    ['lat'],
  ),
  v.forward(
    v.check(
      (l) => (l.precision === 'unknown') === (l.lat === undefined),
      '位置のない資源は精度 unknown、精度 unknown の資源には位置を書かないでください',
    ),
    ['precision'],
  ),
);

export type Point = v.InferOutput<typeof PointSchema>;
export type Precision = v.InferOutput<typeof PrecisionSchema>;
export type Outside = v.InferOutput<typeof OutsideSchema>;
export type Location = v.InferOutput<typeof LocationSchema>;

/** The point to draw, or undefined when the place is not known well enough to draw. */
export function locationPoint(l: Pick<Location, 'lat' | 'lng'>): Point | undefined {
  return l.lat === undefined || l.lng === undefined ? undefined : { lat: l.lat, lng: l.lng };
}

/** 「市外（中津川市）」, or 「市外」 when the plan does not say which municipality. */
export function outsideLabel(o: Outside): string {
  return o.name === '市外' ? '市外' : `市外（${o.name}）`;
}

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
