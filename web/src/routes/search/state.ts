import { CATEGORIES, TARGETS } from '@norishiro/data';

export const MAX_QUERY = 200;
export const PER_PAGE = 20;

/** What the search shows, all of it from the URL: a search can be shared and survives Back. */
export interface SearchState {
  q: string;
  city: string;
  categories: string[];
  target: string;
  page: number;
}

export function parseSearch(sp: URLSearchParams): SearchState {
  const page = Number(sp.get('page'));
  return {
    q: sp.get('q') ?? '',
    city: /^\d{6}$/.test(sp.get('city') ?? '') ? sp.get('city')! : '',
    categories: (sp.get('cat') ?? '').split(',').filter((c) => (CATEGORIES as readonly string[]).includes(c)),
    target: (TARGETS as readonly string[]).includes(sp.get('target') ?? '') ? sp.get('target')! : '',
    page: Number.isInteger(page) && page >= 1 && page <= 250 ? page : 1,
  };
}

export function searchHref(s: SearchState): string {
  const sp = new URLSearchParams();
  if (s.q) sp.set('q', s.q);
  if (s.city) sp.set('city', s.city);
  if (s.categories.length) sp.set('cat', s.categories.join(','));
  if (s.target) sp.set('target', s.target);
  if (s.page > 1) sp.set('page', String(s.page));
  const q = sp.toString();
  return `/search${q ? `?${q}` : ''}`;
}
