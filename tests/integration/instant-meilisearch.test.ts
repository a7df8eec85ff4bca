import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';
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

it('instant-meilisearch pointed at the proxy returns highlighted hits and facets, with no real key', async () => {
  const { searchClient } = instantMeiliSearch(`${origin}/api/search`, 'public');
  const response = await searchClient.search([
    { indexName: 'resources', params: { query: 'ともにこ', facets: ['categories', 'municipality'], hitsPerPage: 5 } },
  ]);
  const result = response.results[0] as {
    hits: { name: string; _highlightResult?: unknown }[];
    facets?: Record<string, Record<string, number>>;
  };
  expect(result.hits.some((h) => h.name.includes('トモニコ'))).toBe(true);
  expect(result.hits[0]!._highlightResult).toBeDefined();
  expect(result.facets?.municipality?.['212105']).toBeGreaterThan(0);
});

it('instant-meilisearch refinements become proxy filters', async () => {
  const { searchClient } = instantMeiliSearch(`${origin}/api/search`, 'public');
  const response = await searchClient.search([
    { indexName: 'resources', params: { query: '', facetFilters: [['municipality:222224']], hitsPerPage: 20 } },
  ]);
  const hits = (response.results[0] as { hits: { municipality: string }[] }).hits;
  expect(hits.length).toBeGreaterThan(0);
  expect(hits.every((h) => h.municipality === '222224')).toBe(true);
});
