/**
 * Map benchmarks (measure only, never assert on time):
 *  1. JavaScript shipped to the resident page `/`: gzip sum of every JS file the browser
 *     loads (maplibre and its worker included), against the real service.
 *  2. Time until the map shows 50 (first render of `/`), 10,000 and 100,000 synthetic
 *     resources: our ResourceMap component (with the offline basemap, glyphs and names) against
 *     a bare MapLibre page with the same GeoJSON, in the same run.
 *
 * Run from the repo root: `npx tsx tests/bench/map/run.ts` (needs web/build for part 1).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../e2e/support/browser.ts';
import { REPO_ROOT, startService } from '../../e2e/support/server.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const WEB = join(REPO_ROOT, 'web');
// 50 is what `/` draws on first load (20 places and 10 other entries of a city, or the
// first lists of all cities); 10,000 and 100,000 are the directory at national scale.
const SIZES = [50, 10_000, 100_000];
/** The offline basemap and glyphs the map loads when tiles fail (built by web's build). */
const OFFLINE = join(WEB, 'static', 'offline');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const JS_GOAL_KB = 350;
const RATIO_GOAL = 1.3;

// ---------- synthetic data: points spread over the real country ----------

function cityPoints(): [number, number][] {
  const csv = join(REPO_ROOT, '..', 'shared', 'reference', 'localgovjp.csv');
  if (!existsSync(csv)) return [];
  const rows = readFileSync(csv, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(1);
  const pts: [number, number][] = [];
  for (const row of rows) {
    const cols = row.split(',');
    const lat = Number(cols[5]);
    const lng = Number(cols[6]);
    if (Number.isFinite(lat) && Number.isFinite(lng) && lat > 20) pts.push([lng, lat]);
  }
  return pts;
}

/** Deterministic PRNG so every run draws the same points. */
function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticGeoJSON(n: number): string {
  const rand = mulberry32(n);
  const cities = cityPoints();
  const precisions = ['address', 'district', 'municipality'] as const;
  const features = [];
  for (let i = 0; i < n; i++) {
    let lng: number, lat: number;
    if (cities.length) {
      const [clng, clat] = cities[Math.floor(rand() * cities.length)]!;
      lng = clng + (rand() - 0.5) * 0.2;
      lat = clat + (rand() - 0.5) * 0.16;
    } else {
      lng = 130 + rand() * 12;
      lat = 31 + rand() * 12;
    }
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5] },
      properties: { id: `999999-synthetic-${i}`, name: `合成の居場所 ${i}`, precision: precisions[i % 3] },
    });
  }
  return JSON.stringify({ type: 'FeatureCollection', features });
}

// ---------- build and serve the two bench pages ----------

async function buildBenchApp(outDir: string) {
  const req = createRequire(join(WEB, 'package.json'));
  const { build } = (await import(pathToFileURL(req.resolve('vite')).href)) as typeof import('vite');
  const { svelte } = (await import(pathToFileURL(req.resolve('@sveltejs/vite-plugin-svelte')).href)) as {
    svelte: (o?: object) => import('vite').Plugin[];
  };
  const webImporter = join(WEB, 'src', 'lib', 'map', 'ResourceMap.svelte');
  await build({
    root: join(HERE, 'app'),
    configFile: false,
    logLevel: 'warn',
    plugins: [
      // Bare imports (svelte, maplibre-gl) resolve from web/, like the app itself.
      {
        name: 'resolve-from-web',
        enforce: 'pre',
        async resolveId(id, importer, opts) {
          if (!importer || importer.startsWith(WEB) || id.startsWith('.') || id.startsWith('/') || id.startsWith('\0'))
            return null;
          return this.resolve(id, webImporter, { ...opts, skipSelf: true });
        },
      },
      svelte({ compilerOptions: { runes: true }, configFile: false }),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      rollupOptions: { input: { bare: join(HERE, 'app', 'bare.html'), ours: join(HERE, 'app', 'ours.html') } },
    },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

function serve(dir: string, data: Map<string, string>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const json = data.get(path);
    if (path.startsWith('/offline/')) {
      const file = resolve(OFFLINE, `.${decodeURIComponent(path.slice('/offline'.length))}`);
      if (file.startsWith(OFFLINE) && existsSync(file)) {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/x-protobuf' });
        res.end(readFileSync(file));
        return;
      }
    }
    if (json) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(json);
      return;
    }
    const file = resolve(dir, `.${path}`);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` }),
    ),
  );
}

async function timeToMap(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __done?: number }).__done !== undefined, null, {
    timeout: 180_000,
  });
  return page.evaluate(() => (window as unknown as { __done: number }).__done);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

// ---------- 1. JS shipped to `/` ----------

async function measureResidentJs(): Promise<
  { files: { url: string; raw: number; gzip: number }[] } | { skipped: string }
> {
  if (!existsSync(join(WEB, 'build', 'handler.js')))
    return { skipped: 'web/build がありません（先に web をビルドしてください）' };
  const svc = await startService();
  const browser = await launchBrowser();
  try {
    const files = new Map<string, { url: string; raw: number; gzip: number }>();
    const pending: Promise<void>[] = [];
    browser.context.on('response', (res) => {
      const url = res.url();
      // A blob: worker is built in the page from a bundle already counted; nothing is shipped.
      if (url.startsWith('blob:')) return;
      const type = res.headers()['content-type'] ?? '';
      if (!/\.m?js(\?|$)/.test(new URL(url).pathname) && !type.includes('javascript')) return;
      pending.push(
        res.body().then(
          (body) =>
            void files.set(url, {
              url: new URL(url).pathname,
              raw: body.length,
              gzip: gzipSync(body, { level: 9 }).length,
            }),
          () => undefined,
        ),
      );
    });
    const page = await browser.newPage();
    await page.goto(`${svc.url}/`, { waitUntil: 'load' });
    await page.waitForFunction(
      () => document.querySelector('[data-map-state]')?.getAttribute('data-map-state') === 'idle',
      null,
      {
        timeout: 60_000,
      },
    );
    await page.waitForTimeout(500);
    await Promise.all(pending);
    return { files: [...files.values()].sort((a, b) => b.gzip - a.gzip) };
  } finally {
    await browser.close();
    await svc.stop();
  }
}

// ---------- 2. time to show N points ----------

async function measureMapTimes() {
  const out = mkdtempSync(join(tmpdir(), 'nori-bench-map-'));
  await buildBenchApp(out);
  const data = new Map(SIZES.map((n) => [`/points-${n}.json`, syntheticGeoJSON(n)]));
  const { server, url } = await serve(out, data);
  const browser = await launchBrowser();
  const rows: { n: number; bare: number[]; ours: number[] }[] = [];
  try {
    for (const n of SIZES) {
      const row = { n, bare: [] as number[], ours: [] as number[] };
      for (let i = 0; i < RUNS; i++) {
        // Alternate the order so neither page always runs on a warmer cache.
        const order = i % 2 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const);
        for (const kind of order) {
          const page = await browser.newPage({ width: 1280, height: 800 });
          row[kind].push(await timeToMap(page, `${url}/${kind}.html?n=${n}`));
          await page.close();
        }
      }
      rows.push(row);
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
  return rows;
}

const kb = (b: number) => (b / 1024).toFixed(1);

const js = await measureResidentJs();
const maps = await measureMapTimes();

console.log('\n## JavaScript shipped to / (gzip, level 9)');
if ('skipped' in js) console.log(`skipped: ${js.skipped}`);
else {
  console.log('| file | raw KB | gzip KB |\n| --- | ---: | ---: |');
  for (const f of js.files) console.log(`| ${f.url} | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  const total = js.files.reduce((s, f) => s + f.gzip, 0);
  console.log(
    `| **total (${js.files.length} files)** | ${kb(js.files.reduce((s, f) => s + f.raw, 0))} | **${kb(total)}** |`,
  );
  console.log(`goal ≤ ${JS_GOAL_KB} KB: ${total / 1024 <= JS_GOAL_KB ? 'met' : 'NOT met'}`);
}

console.log(`\n## Time until the map shows N points (median of ${RUNS}, ms from navigation start)`);
console.log(
  '| points | bare MapLibre | ResourceMap | ratio | runs bare | runs ours |\n| ---: | ---: | ---: | ---: | --- | --- |',
);
for (const r of maps) {
  const b = median(r.bare);
  const o = median(r.ours);
  console.log(
    `| ${r.n.toLocaleString('en')} | ${b.toFixed(0)} | ${o.toFixed(0)} | ${(o / b).toFixed(2)} | ${r.bare.map((x) => x.toFixed(0)).join(' / ')} | ${r.ours.map((x) => x.toFixed(0)).join(' / ')} |`,
  );
}
console.log(`goal: ratio ≤ ${RATIO_GOAL} (measured, not asserted)`);
