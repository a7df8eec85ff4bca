import { DECLARED, type Declaration } from '@norishiro/api';

export type RouteEntry = { method: string; path: string; handler: unknown };

/** Hono route patterns: `:param` matches one segment, a trailing `*` anything. */
const matches = (pattern: string, path: string) =>
  new RegExp(`^${pattern.replace(/\/\*$/, '(/.*)?').replace(/:[^/]+/g, '[^/]+')}$`).test(path);

export const declarationOf = (h: unknown): Declaration | undefined =>
  typeof h === 'function' ? (h as unknown as Record<symbol, Declaration>)[DECLARED] : undefined;

/** Each endpoint with the declaration that governs it: its own, else its area's. */
export function endpoints(routes: RouteEntry[]) {
  const keyed = new Map<string, { method: string; path: string; own?: Declaration; area?: Declaration }>();
  for (const r of routes.filter((r) => r.method !== 'ALL')) {
    const key = `${r.method} ${r.path}`;
    const entry = keyed.get(key) ?? { method: r.method, path: r.path };
    entry.own ??= declarationOf(r.handler);
    keyed.set(key, entry);
  }
  for (const e of keyed.values())
    e.area = routes
      .filter((r) => r.method === 'ALL' && matches(r.path, e.path))
      .map((r) => declarationOf(r.handler))
      .find(Boolean);
  return [...keyed.values()];
}
