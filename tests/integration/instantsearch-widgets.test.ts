import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
import instantsearch from 'instantsearch.js/es/index.js';
import {
  connectConfigure,
  connectGeoSearch,
  connectHits,
  connectPagination,
  connectRefinementList,
  connectSearchBox,
} from 'instantsearch.js/es/connectors/index.js';
import { snippet } from 'instantsearch.js/es/helpers/index.js';
import type { ConfigureConnectorParams } from 'instantsearch.js/es/connectors/configure/connectConfigure.js';
import type { GeoSearchRenderState } from 'instantsearch.js/es/connectors/geo-search/connectGeoSearch.js';
import type { HitsRenderState } from 'instantsearch.js/es/connectors/hits/connectHits.js';
import type { PaginationRenderState } from 'instantsearch.js/es/connectors/pagination/connectPagination.js';
import type { RefinementListRenderState } from 'instantsearch.js/es/connectors/refinement-list/connectRefinementList.js';
import type { SearchBoxRenderState } from 'instantsearch.js/es/connectors/search-box/connectSearchBox.js';
import { createHttpServer } from '@norishiro/api';
import { appWithInventories, type TestApp } from '../support/app.ts';

let t: TestApp;
let server: Server;
let origin: string;

beforeAll(async () => {
  t = await appWithInventories('pglite');
  server = createHttpServer(t.app, undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await t.close();
});

interface Resource {
  id: string;
  name: string;
  municipality: string;
  description?: string;
  _geoloc?: { lat: number; lng: number };
}

/** What each widget would draw: the render state its connector last handed over, hits typed as ours. */
interface Screen {
  box: SearchBoxRenderState;
  list: RefinementListRenderState;
  hits: HitsRenderState<Resource>;
  pages: PaginationRenderState;
  geo: GeoSearchRenderState<Resource>;
}

/**
 * The search page's widgets, built from stock InstantSearch.js connectors and pointed at
 * our proxy the way a browser page would be, with the public placeholder key.
 */
async function searchPage(searchParameters: ConfigureConnectorParams['searchParameters'] = {}) {
  const { searchClient } = instantMeiliSearch(`${origin}/api/search`, 'public', { primaryKey: 'id' });
  let sent = 0;
  const client: typeof searchClient = {
    ...searchClient,
    search: (requests) => {
      sent++;
      return searchClient.search(requests);
    },
  };
  const search = instantsearch({ indexName: 'resources', searchClient: client });
  const screen = {} as Screen;
  search.addWidgets([
    connectConfigure(() => undefined)({
      searchParameters: {
        hitsPerPage: 5,
        attributesToSnippet: ['description:8'],
        snippetEllipsisText: '…',
        ...searchParameters,
      },
    }),
    connectSearchBox((s) => void (screen.box = s))({}),
    connectRefinementList((s) => void (screen.list = s))({ attribute: 'municipality', limit: 20 }),
    connectHits((s) => void (screen.hits = s as unknown as Screen['hits']))({}),
    connectPagination((s) => void (screen.pages = s))({}),
    connectGeoSearch((s) => void (screen.geo = s as unknown as Screen['geo']))({}),
  ]);
  // Without a listener the error event would throw; the page shows `search.error` instead.
  search.on('error', () => undefined);
  /** Does what a user does, then waits until the answer to it is on screen. */
  const act = async (action: () => void) => {
    const before = sent;
    action();
    await vi.waitFor(
      () => {
        if (sent === before || search.status === 'loading' || search.status === 'stalled') throw new Error('searching');
      },
      { timeout: 10_000, interval: 20 },
    );
  };
  await act(() => search.start());
  return { search, screen, act };
}

const ids = (hits: readonly { id: string }[]) => hits.map((h) => h.id);
const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) => {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
};

describe('the search page widgets, stock InstantSearch.js through the proxy', () => {
  it('typing in the search box finds the place, with the words around the match marked', async () => {
    const { search, screen, act } = await searchPage();
    await act(() => screen.box.refine('サロン'));
    expect(search.status).toBe('idle');
    expect(screen.box.query).toBe('サロン');
    expect(screen.hits.items.length).toBeGreaterThan(0);
    const shown = screen.hits.items
      .filter((h) => h.description)
      .map((h) => ({ full: h.description!, html: snippet({ attribute: 'description', hit: h }) }));
    const marked = shown.filter((s) => s.html.includes('<mark class="ais-Snippet-highlighted">サロン</mark>'));
    expect(marked.length).toBeGreaterThan(0);
    // A snippet is the part around the match, cut with the ellipsis, not the whole text.
    for (const { full, html } of marked) {
      const text = html.replace(/<[^>]+>/g, '');
      expect(text).toContain('…');
      expect(full).toContain(text.replaceAll('…', ''));
      expect(text.replaceAll('…', '').length).toBeLessThan(full.length);
    }
  });

  it('choosing a city in the refinement list narrows the hits to that city', async () => {
    const { screen, act } = await searchPage();
    const all = screen.hits.results!.nbHits;
    const izu = screen.list.items.find((i) => i.value === '222224');
    expect(izu?.count).toBeGreaterThan(0);
    expect(izu!.count).toBeLessThan(all);
    await act(() => screen.list.refine('222224'));
    expect(screen.list.items.find((i) => i.value === '222224')?.isRefined).toBe(true);
    expect(screen.hits.results!.nbHits).toBe(izu!.count);
    expect(screen.hits.items.every((h) => h.municipality === '222224')).toBe(true);
  });

  it('page 2 shows other places than page 1', async () => {
    const { screen, act } = await searchPage();
    expect(screen.pages.nbPages).toBeGreaterThan(1);
    const first = ids(screen.hits.items);
    expect(first).toHaveLength(5);
    await act(() => screen.pages.refine(1));
    expect(screen.pages.currentRefinement).toBe(1);
    const second = ids(screen.hits.items);
    expect(second).toHaveLength(5);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
  });

  it('asking for more per page than the proxy serves shows the maximum, not an error', async () => {
    const { search, screen } = await searchPage({ hitsPerPage: 500 });
    expect(search.status).toBe('idle');
    expect(screen.hits.items).toHaveLength(100);
  });

  it('moving the map shows only the places inside it, and "near me" only those within the radius', async () => {
    const { screen, act } = await searchPage({ hitsPerPage: 50 });
    const all = screen.hits.results!.nbHits;
    const centre = screen.geo.items[0]?._geoloc;
    expect(centre).toBeDefined();
    const box = {
      northEast: { lat: centre!.lat + 0.05, lng: centre!.lng + 0.05 },
      southWest: { lat: centre!.lat - 0.05, lng: centre!.lng - 0.05 },
    };
    await act(() => screen.geo.refine(box));
    expect(screen.geo.isRefinedWithMap()).toBe(true);
    expect(screen.geo.items.length).toBeGreaterThan(0);
    expect(screen.hits.results!.nbHits).toBeLessThan(all);
    for (const { _geoloc: p } of screen.geo.items) {
      expect(p!.lat).toBeGreaterThanOrEqual(box.southWest.lat);
      expect(p!.lat).toBeLessThanOrEqual(box.northEast.lat);
      expect(p!.lng).toBeGreaterThanOrEqual(box.southWest.lng);
      expect(p!.lng).toBeLessThanOrEqual(box.northEast.lng);
    }

    const near = await searchPage({ aroundLatLng: `${centre!.lat}, ${centre!.lng}`, aroundRadius: 3_000 });
    expect(near.screen.hits.items.length).toBeGreaterThan(0);
    expect(near.screen.hits.results!.nbHits).toBeLessThan(all);
    for (const h of near.screen.hits.items) expect(km(centre!, h._geoloc!)).toBeLessThanOrEqual(3.01);
  });

  it('a request the proxy refuses shows its reason in Japanese, not "400: Bad Request"', async () => {
    // instant-meilisearch logs every failed search itself; the page shows `search.error`.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { search, screen } = await searchPage({ attributesToSnippet: ['municipality'] });
    logged.mockRestore();
    expect(search.status).toBe('error');
    expect(search.error?.message).toMatch(/抜粋できるのは公開している文章の項目/);
    expect(search.error?.message).not.toMatch(/Bad Request/);
    expect(screen.hits.items).toEqual([]);
  });
});
