import { CATEGORIES, DAYS, TARGETS, type Category, type Day, type Target } from '@norishiro/data';

/**
 * Everything a resident chose on `/`, kept in the URL so Back from a resource page, a
 * reload and a shared link all show the same list.
 */
export interface ResidentState {
  city: string;
  district: string;
  /** Rounded to 0.01° (about 1 km): enough to sort by distance, not to find a home. */
  here: { lat: number; lng: number } | null;
  day: Day | '';
  target: Target | '';
  categories: Category[];
  free: boolean;
  /** Only entries whose day and cost the plan confirms. */
  confirmed: boolean;
  /** How many places and other entries are shown (「もっと見る」). */
  places: number;
  others: number;
}

export const PLACES_STEP = 20;
export const OTHERS_STEP = 10;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | '' =>
  v && (list as readonly string[]).includes(v) ? (v as T) : '';
const count = (v: string | null, step: number) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= step && n <= 1000 ? Math.ceil(n / step) * step : step;
};
const round = (x: number) => Math.round(x * 100) / 100;

export function parseState(sp: URLSearchParams): ResidentState {
  const here = sp.get('here')?.match(/^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/);
  return {
    city: /^\d{6}$/.test(sp.get('city') ?? '') ? sp.get('city')! : '',
    district: sp.get('district') ?? '',
    here: here ? { lat: round(Number(here[1])), lng: round(Number(here[2])) } : null,
    day: oneOf(DAYS, sp.get('day')),
    target: oneOf(TARGETS, sp.get('target')),
    categories: (sp.get('cat') ?? '')
      .split(',')
      .filter((c): c is Category => (CATEGORIES as readonly string[]).includes(c)),
    free: sp.get('free') === '1',
    confirmed: sp.get('confirmed') === '1',
    places: count(sp.get('places'), PLACES_STEP),
    others: count(sp.get('others'), OTHERS_STEP),
  };
}

export function stateQuery(s: ResidentState): string {
  const sp = new URLSearchParams();
  if (s.here) sp.set('here', `${round(s.here.lat)},${round(s.here.lng)}`);
  else if (s.city) {
    sp.set('city', s.city);
    if (s.district) sp.set('district', s.district);
  }
  if (s.day) sp.set('day', s.day);
  if (s.target) sp.set('target', s.target);
  if (s.categories.length) sp.set('cat', s.categories.join(','));
  if (s.free) sp.set('free', '1');
  if (s.confirmed) sp.set('confirmed', '1');
  if (s.places > PLACES_STEP) sp.set('places', String(s.places));
  if (s.others > OTHERS_STEP) sp.set('others', String(s.others));
  const q = sp.toString();
  return q ? `?${q}` : '';
}
