import {
  asInventories,
  exportHsds,
  listMunicipalities,
  listResources,
  type Db,
  type HsdsTabular,
} from '@norishiro/indexer';

/** The whole public directory as HSDS 3 tables, with taxonomy URIs under the service's origin. */
export async function publishedHsds(db: Db, origin: string): Promise<HsdsTabular> {
  return exportHsds(asInventories(await listMunicipalities(db), await listResources(db)), { baseUrl: origin });
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
