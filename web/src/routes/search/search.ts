import type { SearchDocument } from '@norishiro/data';

/** One facet value as the page shows it. */
export interface FacetItem {
  value: string;
  label: string;
  count: number;
  isRefined: boolean;
}

export type Hit = SearchDocument & {
  objectID: string;
  _highlightResult?: Record<string, { value?: string } | undefined>;
};

export interface SearchView {
  hits: Hit[];
  nbHits: number;
  query: string;
  facets: Record<string, FacetItem[]>;
  refine: Record<string, (value: string) => void>;
  setQuery: (q: string) => void;
  error?: string;
}

/**
 * Starts InstantSearch over instant-meilisearch against the API's proxy and pushes every
 * render into `onview`. Highlighted values come back HTML-escaped, with <mark> tags only.
 */
export async function startSearch(
  initialQuery: string,
  facetLabels: Record<string, (v: string) => string>,
  onview: (patch: Partial<SearchView>) => void,
): Promise<() => void> {
  const [{ default: instantsearch }, connectors, { instantMeiliSearch }] = await Promise.all([
    import('instantsearch.js/es'),
    import('instantsearch.js/es/connectors'),
    import('@meilisearch/instant-meilisearch'),
  ]);
  const { searchClient } = instantMeiliSearch(`${location.origin}/api/search`, 'public', {
    placeholderSearch: true,
    finitePagination: true,
    meiliSearchParams: { attributesToHighlight: ['name', 'description', 'municipalityName', 'district'] },
  });
  const search = instantsearch({
    indexName: 'resources',
    searchClient,
    initialUiState: { resources: { query: initialQuery } },
  });
  search.on('error', (e: { error?: Error }) => {
    onview({ error: e.error?.message ? `検索できませんでした：${e.error.message}` : '検索できませんでした。' });
  });
  const box = connectors.connectSearchBox((r) => onview({ query: r.query, setQuery: r.refine, error: undefined }));
  const hits = connectors.connectHits((r) =>
    onview({ hits: r.items as unknown as Hit[], nbHits: r.results?.nbHits ?? 0 }),
  );
  const configure = connectors.connectConfigure(() => {});
  const facetState: Record<string, FacetItem[]> = {};
  const refineState: Record<string, (v: string) => void> = {};
  const lists = Object.entries(facetLabels).map(([attribute, label]) =>
    connectors.connectRefinementList((r) => {
      facetState[attribute] = r.items.map((i) => ({
        value: i.value,
        label: label(i.value),
        count: i.count,
        isRefined: i.isRefined,
      }));
      refineState[attribute] = r.refine;
      onview({ facets: { ...facetState }, refine: { ...refineState } });
    })({ attribute, limit: 20, sortBy: ['count:desc', 'name:asc'] }),
  );
  search.addWidgets([
    box({}),
    hits({ escapeHTML: true }),
    configure({ searchParameters: { hitsPerPage: 30 } }),
    ...lists,
  ]);
  search.start();
  return () => search.dispose();
}
