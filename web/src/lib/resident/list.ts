import type { Municipality, Point, ResourceList } from '@norishiro/data';
import { apiGet, queryString } from '../api.ts';
import type { ResidentState } from './state.ts';

/** Where distances are measured from, and whether that point is exact. */
export interface Origin {
  point: Point;
  exact: boolean;
  /** 「恵那市 岩村町の代表地点」, 「いまいる場所」. */
  label: string;
  /** Set when the chosen district has no point of its own. */
  note?: string;
}

export function originOf(s: ResidentState, municipalities: readonly Municipality[]): Origin | null {
  if (s.here) return { point: s.here, exact: true, label: 'いまいる場所' };
  const m = municipalities.find((x) => x.code === s.city);
  if (!m) return null;
  const d = s.district ? m.districts.find((x) => x.name === s.district) : undefined;
  if (d?.point) return { point: d.point, exact: false, label: `${m.name} ${d.name}の代表地点` };
  return {
    point: m.cityHall,
    exact: false,
    label: `${m.name}役所の地点`,
    note: d ? `${d.name}の地点が わからないため、${m.name}役所の地点から 測っています。` : undefined,
  };
}

const MAX_PER_PAGE = 100;

/** The first `shown` entries of one part of the list (places, or other kinds). */
async function firstN(
  fetchFn: typeof fetch,
  params: Record<string, string | readonly string[] | undefined>,
  shown: number,
): Promise<ResourceList> {
  if (shown <= MAX_PER_PAGE)
    return apiGet<ResourceList>(fetchFn, `/resources${queryString({ ...params, perPage: String(shown) })}`);
  const pages = await Promise.all(
    Array.from({ length: Math.ceil(shown / MAX_PER_PAGE) }, (_, i) =>
      apiGet<ResourceList>(
        fetchFn,
        `/resources${queryString({ ...params, perPage: String(MAX_PER_PAGE), page: String(i + 1) })}`,
      ),
    ),
  );
  return { ...pages[0]!, hits: pages.flatMap((p) => p.hits).slice(0, shown), perPage: shown, page: 1 };
}

export interface ResidentLists {
  places: ResourceList;
  others: ResourceList;
}

export async function loadLists(
  fetchFn: typeof fetch,
  s: ResidentState,
  origin: Origin | null,
): Promise<ResidentLists> {
  const params = {
    municipality: s.here ? undefined : s.city || undefined,
    near: origin ? `${origin.point.lat},${origin.point.lng}` : undefined,
    radiusKm: s.here ? '30' : undefined,
    day: s.day ? [s.day] : undefined,
    target: s.target ? [s.target] : undefined,
    category: s.categories,
    free: s.free ? 'true' : undefined,
    confirmed: s.confirmed ? 'true' : undefined,
  };
  const [places, others] = await Promise.all([
    firstN(fetchFn, { ...params, kind: ['place'] }, s.places),
    firstN(fetchFn, { ...params, kind: ['programme', 'service'] }, s.others),
  ]);
  return { places, others };
}
