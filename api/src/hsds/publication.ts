import {
  asInventories,
  exportHsds,
  listMunicipalities,
  listResources,
  type Db,
  type HsdsTabular,
} from '@norishiro/indexer';

/** What the published tables depend on: any edit, import, merge or municipality change moves it. */
async function version(db: Db): Promise<string> {
  const [row] = await db.query<{ v: string }>(
    `select (select md5(coalesce(string_agg(id || updated_at::text, ',' order by id), '')) from resources where not synthetic)
         || (select md5(coalesce(string_agg(code || data::text, ',' order by code), '')) from municipalities) as v`,
  );
  return row!.v;
}

const cache = new WeakMap<Db, { key: string; data: HsdsTabular }>();

/**
 * The whole public directory as HSDS 3 tables, with taxonomy URIs under the service's origin.
 * Built once per change of the directory, since every HSDS call pages or picks from it.
 */
export async function publishedHsds(db: Db, origin: string): Promise<HsdsTabular> {
  const key = `${origin} ${await version(db)}`;
  const hit = cache.get(db);
  if (hit?.key === key) return hit.data;
  const data = exportHsds(asInventories(await listMunicipalities(db), await listResources(db)), { baseUrl: origin });
  cache.set(db, { key, data });
  return data;
}

/** HSDS's Page: the counts a client pages with, around one page of `contents`. */
export function page<T>(items: readonly T[], pageNumber: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const contents = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
  return {
    total_items: items.length,
    total_pages: totalPages,
    page_number: pageNumber,
    size: contents.length,
    first_page: pageNumber === 1,
    last_page: pageNumber >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
